import OptimKit

/// The function being raced on, with the presets that make it look good.
///
/// A built-in test function brings its own view, start point and per-optimizer
/// learning rates; a typed expression keeps whatever view and start were in
/// use. `catalogIndex` lets `f`/`F` step through the built-in list from here.
public struct FunctionChoice: Sendable {
  /// A short name: the catalog name, or the expression as typed.
  public var name: String
  /// The formula shown on screen.
  public var formula: String
  public var objective: any Objective
  /// The position in the built-in catalog, or nil for a typed expression.
  public var catalogIndex: Int?
  /// The view that shows the interesting part.
  public var view: ViewBox
  /// A start point from which the race is worth watching.
  public var start: Point
  /// Learning rates that make each optimizer visibly progress here, by optimizer name.
  public var learningRates: [String: Double]

  public init(
    name: String, formula: String, objective: any Objective, catalogIndex: Int? = nil,
    view: ViewBox, start: Point, learningRates: [String: Double] = [:]
  ) {
    self.name = name
    self.formula = formula
    self.objective = objective
    self.catalogIndex = catalogIndex
    self.view = view
    self.start = start
    self.learningRates = learningRates
  }
}
