import OptimKit

/// The function being raced on, with the presets that make it look good.
///
/// A built-in test function brings its own view, start point, minima and
/// per-optimizer learning rates; a typed expression keeps whatever view and
/// start were in use. `catalogIndex` lets `f`/`F` step through the built-in
/// list from here.
public struct FunctionChoice: Sendable {
  /// Identifies the function: the catalog name, or the expression as typed.
  public var name: String
  /// The name shown on screen ("Rosenbrock", or "f" for a typed expression).
  public var title: String
  /// The formula shown on screen.
  public var formula: String
  public var objective: any Objective
  /// The position in `TestFunction.catalog`, or nil for a typed expression.
  public var catalogIndex: Int?
  /// The view that shows the interesting part.
  public var view: ViewBox
  /// A start point from which the race is worth watching.
  public var start: Point
  /// Known minima, marked on the map.
  public var minima: [Point]
  /// The global minimum value f*, when known, for the loss panel.
  public var minimumValue: Double?
  /// Learning rates that make each optimizer visibly progress here, by optimizer name.
  public var learningRates: [String: Double]
  /// For a model trained on data: the checked options that made it (written back to scene
  /// files and recordings); nil for a test function or an expression.
  public var data: DataOptions?
  /// For a model trained on data: how many examples each step's gradient uses.
  public var batchSize: BatchPlan.Size?

  /// Which examples each step uses on this function, seeded with `seed`; nil for a full batch
  /// or a function that is not a model trained on data.
  public func batches(seed: UInt64) -> BatchPlan? {
    guard let batchSize, batchSize != .full, let training = objective as? any TrainingObjective
    else { return nil }
    return BatchPlan(size: batchSize, exampleCount: training.exampleCount, seed: seed)
  }
  /// Whether f is a function of x alone, raced and drawn in the one-variable mode: each
  /// racer's parameter is `torch.tensor([x])` (y stays 0), and the map is the curve f(x).
  /// `catalogIndex` then counts in `TestFunction.oneVariableCatalog`, and `view`'s y range
  /// is a placeholder (the curve's comes from f over the x range shown).
  public var isOneVariable = false

  public init(
    name: String, title: String, formula: String, objective: any Objective,
    catalogIndex: Int? = nil, view: ViewBox, start: Point, minima: [Point] = [],
    minimumValue: Double? = nil, learningRates: [String: Double] = [:]
  ) {
    self.name = name
    self.title = title
    self.formula = formula
    self.objective = objective
    self.catalogIndex = catalogIndex
    self.view = view
    self.start = start
    self.minima = minima
    self.minimumValue = minimumValue
    self.learningRates = learningRates
  }

  /// A built-in function with all its presets.
  public init(_ function: TestFunction, catalogIndex: Int? = nil) {
    self.init(
      name: function.name, title: function.title, formula: function.formula,
      objective: function.expression,
      catalogIndex: catalogIndex ?? TestFunction.catalogNames.firstIndex(of: function.name),
      view: function.view, start: function.start, minima: function.minima,
      minimumValue: function.minimumValue, learningRates: function.learningRates)
  }

  /// A built-in function of one variable with all its presets.
  public init(oneVariable function: TestFunction) {
    self.init(function)
    catalogIndex = TestFunction.oneVariableNames.firstIndex(of: function.name)
    isOneVariable = true
  }

  /// A typed expression in x alone, shown over x from `view.xMin` to `view.xMax` and raced
  /// from `x`, in the one-variable mode.
  public init(oneVariable expression: Expression, view: ViewBox, x: Double) {
    let line = ViewBox(xMin: view.xMin, xMax: view.xMax, yMin: -1, yMax: 1)
    self.init(expression: expression, view: line, start: Point(x: x, y: 0))
    isOneVariable = true
  }

  /// The built-in functions of one variable `f` / `F` step through in the one-variable mode.
  public static var oneVariableCatalog: [FunctionChoice] {
    TestFunction.oneVariableCatalog.map { FunctionChoice(oneVariable: $0) }
  }

  /// Whether this is a catalog function (of either kind), written down by its name.
  public var isBuiltIn: Bool { catalogIndex != nil }

  /// A typed expression, shown in `view` and raced from `start`, with learning
  /// rates guessed from its curvature over the view.
  public init(expression: Expression, view: ViewBox, start: Point) {
    self.init(
      name: expression.source, title: "f", formula: expression.source, objective: expression,
      view: view, start: start,
      learningRates: TestFunction.suggestedLearningRates(for: expression, view: view))
  }

  /// The built-in functions `f` / `F` step through.
  public static var catalog: [FunctionChoice] {
    TestFunction.catalog.enumerated().map { FunctionChoice($0.element, catalogIndex: $0.offset) }
  }

  /// The optimizers raced here when none are named: `SceneOptions.standardKinds`
  /// at this function's suggested learning rates.
  public var standardField: [OptimizerSpec] {
    SceneOptions.standardKinds.compactMap { name in
      guard let kind = OptimizerKind(name: name) else { return nil }
      let rate = learningRates[name]
      let spec = rate.flatMap { try? OptimizerSpec(kind: kind, values: [.learningRate: $0]) }
      return spec ?? OptimizerSpec(kind: kind)
    }
  }
}
