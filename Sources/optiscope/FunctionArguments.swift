import App
import ArgumentParser
import OptimKit

/// `--function NAME | --expr EXPR`: the function a command works on.
struct FunctionArguments: ParsableArguments {
  @Option(help: "A built-in test function, e.g. rosenbrock, himmelblau, beale.")
  var function: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Your own f(x, y), e.g. \"(1-x)^2 + 100*(y-x^2)^2\".", valueName: "expression"))
  var expr: String?

  /// `--data`/`--dataset` and the model's options: a model's loss on data instead.
  @OptionGroup var training: DataArguments

  /// Whether a function, an expression or a data set was given.
  var isGiven: Bool { function != nil || expr != nil || training.isGiven }

  /// The chosen function with its presets; for commands where one must be named.
  ///
  /// A typed expression gets the generic view and no start point of its own
  /// worth trusting, so `hasOwnStart` tells the caller whether `--start` is needed.
  func requiredChoice() throws -> (choice: FunctionChoice, hasOwnStart: Bool) {
    guard isGiven else { throw CommandError("give --function NAME or --expr EXPRESSION") }
    let data = try training.options()
    do {
      var options = SceneOptions(function: function, expression: expr)
      options.data = data
      let choice = try options.functionChoice()
      return (choice, function != nil || data != nil)
    } catch {
      throw CommandError(error.description)
    }
  }
}
