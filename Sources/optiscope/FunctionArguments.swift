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

  /// Whether either option was given.
  var isGiven: Bool { function != nil || expr != nil }

  /// The chosen function with its presets; for commands where one must be named.
  ///
  /// A typed expression gets the generic view and no start point of its own
  /// worth trusting, so `hasOwnStart` tells the caller whether `--start` is needed.
  func requiredChoice() throws -> (choice: FunctionChoice, hasOwnStart: Bool) {
    guard isGiven else { throw CommandError("give --function NAME or --expr EXPRESSION") }
    do {
      let choice = try SceneOptions(function: function, expression: expr).functionChoice()
      return (choice, function != nil)
    } catch {
      throw CommandError(error.description)
    }
  }
}
