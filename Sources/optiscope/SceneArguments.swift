import App
import ArgumentParser

/// The scene options shared by `run`, `render` and `record`: function, start, optimizers, sweeps,
/// view, layout, pace, noise, and the panels shown.
struct SceneArguments: ParsableArguments {
  @Option(help: "A built-in test function, e.g. rosenbrock, himmelblau, beale.")
  var function: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Your own f(x, y), e.g. \"(1-x)^2 + 100*(y-x^2)^2\".", valueName: "expression"))
  var expr: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The start point X,Y (write --start=-1.5,2 or --start -1.5,2).", valueName: "x,y"))
  var start: String?

  @Option(
    name: .customLong("optimizer"),
    help: ArgumentHelp(
      "An optimizer SPEC, e.g. adam:lr=0.01; repeat for a race.", valueName: "spec"))
  var optimizers: [String] = []

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The view X0,X1,Y0,Y1 (default: the function's own).", valueName: "x0,x1,y0,y1"))
  var view: String?

  @Option(
    name: .customLong("sweep"),
    help: ArgumentHelp(
      "One optimizer at several values, e.g. adam:lr=1e-3..1,count=9; shown as small multiples.",
      valueName: "sweep"))
  var sweeps: [String] = []

  @Option(
    help: ArgumentHelp(
      "Map layout: overlay or split (default: split for a --sweep, else overlay).",
      valueName: "layout"))
  var layout: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Gradient noise: standard deviation SIGMA, the same stream for every optimizer (g/G live).",
      valueName: "sigma"))
  var noise: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Seed of the gradient noise (default 0).", valueName: "n"))
  var seed: String?

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

  @Option(help: ArgumentHelp("Frames per second, 1 to 120.", valueName: "n"))
  var fps: Int = 20

  @Option(help: ArgumentHelp("Optimizer steps per frame, 1 to 1024.", valueName: "n"))
  var stepsPerFrame: Int?

  /// The options as App's unchecked scene.
  var options: SceneOptions {
    SceneOptions(
      function: function, expression: expr, start: start, optimizers: optimizers, view: view,
      layout: layout, framesPerSecond: fps, stepsPerFrame: stepsPerFrame, sweeps: sweeps,
      noise: noise, seed: seed, showsLeaderboard: leaderboard, showsInspector: inspect,
      showsBasins: basins, select: select)
  }
}
