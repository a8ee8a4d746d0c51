import App
import ArgumentParser

/// The scene options shared by `run`, `render` and `record`: function, start, optimizers, view, layout, pace.
struct SceneArguments: ParsableArguments {
  @OptionGroup var function: FunctionArguments

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

  @Option(help: ArgumentHelp("Map layout: overlay or split.", valueName: "layout"))
  var layout: String = "overlay"

  @Option(help: ArgumentHelp("Frames per second, 1 to 120.", valueName: "n"))
  var fps: Int = 20

  @Option(help: ArgumentHelp("Optimizer steps per frame, 1 to 1024.", valueName: "n"))
  var stepsPerFrame: Int?

  /// The options as App's unchecked scene.
  var options: SceneOptions {
    SceneOptions(
      function: function.function, expression: function.expr, start: start, optimizers: optimizers,
      view: view,
      layout: layout, framesPerSecond: fps, stepsPerFrame: stepsPerFrame)
  }
}
