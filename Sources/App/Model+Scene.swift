import OptimKit

extension Model {
  /// The scene on screen now: the current function, view, start, every optimizer's
  /// current settings, layout, pace and noise.
  ///
  /// What `S` saves: loading it starts the same race afresh (optimizer state
  /// and trails are not part of a scene). Plug-in racers are not part of it either: a
  /// scene names built-in optimizers only (they are given again with --optimizer).
  public var currentScene: Scene {
    Scene(
      function: function, start: race.start,
      specs: race.racers.filter { !$0.isExternal }.map(\.spec), view: view,
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
