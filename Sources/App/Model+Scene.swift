import OptimKit

extension Model {
  /// The scene on screen now: the current function, view, start, every optimizer's
  /// current settings, layout, pace and noise.
  ///
  /// What `S` saves: loading it starts the same race afresh (optimizer state
  /// and trails are not part of a scene).
  public var currentScene: Scene {
    Scene(
      function: function, start: race.start, specs: race.racers.map(\.spec), view: view,
      layout: layout, framesPerSecond: framesPerSecond, stepsPerFrame: stepsPerFrame,
      noise: race.noise)
  }

  /// The scene file `S` writes: the current scene, screen size, theme and ASCII mode.
  public var sceneFileText: String {
    let file = SceneFile(
      scene: currentScene, size: ScreenSize(width: width, height: height), theme: theme.name,
      usesASCII: usesASCII ? true : nil)
    return "# optiscope scene, saved at step \(race.stepCount); load it with "
      + "`optiscope --scene FILE`\n" + file.text
  }
}
