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
  ///
  /// `start` (the command's --start as typed) decides, for an expression in x alone,
  /// between the one-variable mode and the map of (x, y): two numbers ask for the map.
  func requiredChoice(start: String? = nil) throws -> (choice: FunctionChoice, hasOwnStart: Bool) {
    guard isGiven else { throw CommandError("give --function NAME or --expr EXPRESSION") }
    let data = try training.options()
    var options = SceneOptions(function: function, expression: expr, start: start)
    options.data = data
    let choice = try options.functionChoice()
    return (choice, function != nil || data != nil)
  }

  /// The start of a race on `choice`: --start as typed (X for a function of one variable,
  /// X,Y otherwise), or `fallback` when not given; with neither, the one-line refusal.
  static func startPoint(_ text: String?, on choice: FunctionChoice, default fallback: Point?)
    throws -> Point
  {
    guard choice.isOneVariable else { return try Trace.startPoint(text, default: fallback) }
    guard let text else {
      guard let fallback else { throw CommandError("--start X is required with --expr") }
      return fallback
    }
    return try SceneOptions.parseX(text)
  }

  /// `specs` as racers of `choice`: held as one parameter, `torch.tensor([x])`, when f has
  /// one variable (Muon and `shape=` refused in one line), unchanged otherwise.
  static func specs(_ specs: [OptimizerSpec], on choice: FunctionChoice) throws -> [OptimizerSpec] {
    guard choice.isOneVariable else { return specs }
    return try specs.map { spec in
      var held = spec
      do {
        try held.holdAsOneVariable()
      } catch {
        throw CommandError("bad --optimizer '\(spec)': \(error)")
      }
      return held
    }
  }
}
