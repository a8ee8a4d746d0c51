import App
import Plot
import Plugins
import Terminal

/// `render` as a program of the one loop (`ProgramLoop`) over a `HeadlessBackend`: the race
/// runs at the start, the view is its final screen, and the first tick quits.
///
/// The steps go through `update` as `Msg.advance`, all at once rather than one tick per frame: `render`
/// prints only the last screen, and drawing the frames before it would cost
/// most of the time for nothing. Plug-in racers are waited for after each
/// step (`PluginRacers.stepWaiting`), as a headless loop waits for every job.
struct RenderRun {
  /// The race, run once `start` is done.
  private(set) var model: Model
  /// The steps to take.
  let steps: Int
  /// The plug-in optimizers (started), which race after the built-in racers.
  let plugins: [PluginOptimizer]
  /// Whether the view draws the screen: text output; an image draws the model as a figure.
  let drawsScreen: Bool
}

extension RenderRun: Program {
  func message(for event: TerminalEvent) -> Void? { nil }

  var tick: Void { () }

  var tickInterval: Duration? { .seconds(1) / model.framesPerSecond }

  mutating func start() -> [ProgramEffect<Void>] {
    guard !plugins.isEmpty else {
      _ = App.update(&model, .advance(steps: steps))
      return []
    }
    var model = self.model
    let racers = PluginRacers(plugins) { label, external in
      _ = App.update(&model, .external(.joined(label: label, external)))
      return model.race.racers.count - 1
    }
    // A step of the race, then each plug-in's step from where it left them; the last
    // advance lets the leaderboard see the plug-ins' last steps.
    for _ in 0..<max(0, steps) {
      _ = App.update(&model, .advance(steps: 1))
      for news in racers.stepWaiting(model.race) { _ = App.update(&model, .external(news)) }
    }
    _ = App.update(&model, .advance(steps: 0))
    self.model = model
    return []
  }

  /// The screen is drawn once, the race run: the first tick ends the program.
  mutating func update(_ message: Void) -> [ProgramEffect<Void>] { [.quit] }

  mutating func view(time: Double) -> Canvas {
    drawsScreen ? App.view(model) : Canvas(width: 0, height: 0)
  }
}
