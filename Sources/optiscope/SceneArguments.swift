import App
import ArgumentParser

/// The scene options shared by `run`, `render` and `record`: function, start, optimizers, sweeps,
/// view, layout, pace, noise, and the panels shown.
struct SceneArguments: ParsableArguments {
  @OptionGroup var function: FunctionArguments

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The start point X,Y (write --start=-1.5,2 or --start -1.5,2).", valueName: "x,y"))
  var start: String?

  /// `--optimizer`, `--sweep`, `--noise` and `--seed`, as `trace` and `compare` take them.
  @OptionGroup var racers: RacerList.Arguments

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The view X0,X1,Y0,Y1 (default: the function's own).", valueName: "x0,x1,y0,y1"))
  var view: String?

  @Option(
    help: ArgumentHelp(
      "Map layout: overlay or split (default: split for a --sweep, else overlay).",
      valueName: "layout"))
  var layout: String?

  @Option(help: ArgumentHelp("Frames per second, 1 to 120.", valueName: "n"))
  var fps: Int = 20

  @Option(help: ArgumentHelp("Optimizer steps per frame, 1 to 1024.", valueName: "n"))
  var stepsPerFrame: Int?

  @Flag(help: "Show the leaderboard in place of the loss chart (L live).")
  var leaderboard = false

  @Flag(help: "Show the inspector: arrows and state of the selected optimizer (i live).")
  var inspect = false

  @Flag(help: "Overlay the basins of attraction of the selected optimizer (a live).")
  var basins = false

  @Option(
    help: ArgumentHelp(
      "The optimizer the keys, --inspect and --basins act on: a name or a number from 1.",
      valueName: "name"))
  var select: String?

  /// The options as App's unchecked scene.
  var options: SceneOptions {
    SceneOptions(
      function: function.function, expression: function.expr, start: start,
      optimizers: racers.optimizers, view: view, layout: layout, framesPerSecond: fps,
      stepsPerFrame: stepsPerFrame, sweeps: racers.sweeps, noise: racers.noise,
      seed: racers.seed, showsLeaderboard: leaderboard, showsInspector: inspect,
      showsBasins: basins, select: select)
  }
}
