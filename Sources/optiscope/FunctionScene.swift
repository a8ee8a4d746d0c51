import OptimKit

/// The function a headless picture shows, with everything that goes with it:
/// names for the status line, its default view and start, minima and
/// suggested learning rates.
///
/// Built-in functions bring their own; a typed expression gets a generic view
/// and start and learning rates guessed from its curvature over the view.
struct FunctionScene {
  var title: String
  var formula: String
  /// Identifies the function for heatmap caching.
  var identity: String
  var objective: any Objective
  var view: ViewBox
  var start: Point
  var minima: [Point]
  var minimumValue: Double?
  var learningRates: [String: Double]

  /// The view for expressions: a square around the origin.
  static let expressionView = ViewBox(xMin: -3, xMax: 3, yMin: -3, yMax: 3)

  /// The scene for `--function NAME` or `--expr SOURCE` (exactly one of them).
  static func resolve(function: String?, expr: String?) throws -> FunctionScene {
    switch (function, expr) {
    case (.some, .some):
      throw PictureCommandError("give either --function or --expr, not both")
    case (.some(let name), nil):
      return try builtIn(named: name)
    case (nil, .some(let source)):
      let expression: Expression
      do {
        expression = try Expression(parsing: source)
      } catch {
        throw PictureCommandError("bad --expr '\(source)': \(error)")
      }
      let view = expressionView
      return FunctionScene(
        title: "f(x, y)", formula: source, identity: "expr:" + source, objective: expression,
        view: view,
        start: Point(x: view.xMin + 0.2 * view.width, y: view.yMin + 0.8 * view.height),
        minima: [], minimumValue: nil,
        learningRates: guessedLearningRates(for: expression, view: view))
    case (nil, nil):
      return try builtIn(named: "rosenbrock")
    }
  }

  /// A catalog function with its own view, start, minima and learning rates.
  static func builtIn(named name: String) throws -> FunctionScene {
    guard let function = TestFunction.named(name) else {
      let known = TestFunction.catalog.map(\.name).joined(separator: ", ")
      throw PictureCommandError("unknown function '\(name)'; known: \(known)")
    }
    return FunctionScene(
      title: function.title, formula: function.formula, identity: "function:" + function.name,
      objective: function.expression, view: function.view, start: function.start,
      minima: function.minima, minimumValue: function.minimumValue,
      learningRates: function.learningRates)
  }

  /// Learning rates for a typed expression, in the spirit of the catalog's:
  /// plain SGD at 0.5/L for the largest curvature L seen on a 16×16 grid of
  /// the view, the adaptive methods at a hundredth of the view's width.
  static func guessedLearningRates(for objective: any Objective, view: ViewBox) -> [String: Double]
  {
    let count = 16
    let points = (0..<count).flatMap { row in
      (0..<count).map { column in
        Point(
          x: view.xMin + (Double(column) + 0.5) * view.width / Double(count),
          y: view.yMin + (Double(row) + 0.5) * view.height / Double(count))
      }
    }
    let gradients = points.map { objective.valueAndGradient(at: $0).gradient }
    var curvature = 0.0
    for row in 0..<count {
      for column in 0..<count {
        let here = gradients[row * count + column]
        for (dx, dy) in [(1, 0), (0, 1)] where column + dx < count && row + dy < count {
          let index = (row + dy) * count + column + dx
          let change = (gradients[index] - here).length
          let distance = (points[index] - points[row * count + column]).length
          if change.isFinite && distance > 0 { curvature = max(curvature, change / distance) }
        }
      }
    }
    let sgd = curvature > 0 ? 0.5 / curvature : 0.01
    let adaptive = view.width / 100
    return [
      "sgd": sgd, "momentum": sgd, "nesterov": sgd, "adagrad": view.width / 20,
      "adadelta": view.width / 5, "rmsprop": view.width / 200, "adam": adaptive,
      "adamw": adaptive, "nadam": adaptive, "adamax": adaptive, "radam": min(adaptive, sgd),
    ]
  }
}
