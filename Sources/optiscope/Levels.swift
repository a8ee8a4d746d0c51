import App
import ArgumentParser
import FoundationEssentials
import OptimKit
import Plot

/// `optiscope levels`: print the contour levels the heatmap would use.
struct Levels: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "levels",
    abstract: "Print the contour level values of a function over a view (no terminal UI).",
    discussion: """
      Samples f at the centres of a W×H grid of cells over the view \
      (x_i = x0 + (i+0.5)(x1-x0)/W, y_j = y1 - (j+0.5)(y1-y0)/H) and prints the distinct \
      q-quantiles of the finite samples, q = linspace(1e-4^(1/3), 0.95^(1/3), 20)^3, \
      interpolated linearly like numpy's default, one per line in full precision. When f \
      is undefined or overflows at every sample there are no levels: one line on stderr, \
      status 1.

      Example:
        optiscope levels --function rosenbrock --size 120x40
      """
  )

  @OptionGroup var function: FunctionArguments

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The view X0,X1,Y0,Y1 (default: the function's own).", valueName: "x0,x1,y0,y1"))
  var view: String?

  @Option(help: ArgumentHelp("The grid of cells WxH, e.g. 120x40.", valueName: "WxH"))
  var size: String

  func run() throws {
    guard function.isGiven else {
      throw CommandError("give --function NAME or --expr EXPRESSION")
    }
    let options = SceneOptions(function: function.function, expression: function.expr, view: view)
    let choice = try options.scene().function
    let grid = try SceneOptions.parseSize(size)
    let points = Heatmap.samplePoints(view: choice.view, columns: grid.width, rows: grid.height)
    let levels = LevelSet(samples: points.map { choice.objective.value(at: $0) })
    guard !levels.values.isEmpty else {
      // Nothing to print is not a success a script should take for one.
      throw CommandError(
        "f is undefined or overflows at all \(points.count) samples of the view: no levels")
    }
    let output = levels.values.map { "\($0)\n" }.joined()
    try StandardStream.print(output)
  }
}
