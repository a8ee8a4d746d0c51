import OptimKit

/// A step's answer: the new point and, when asked for, the state after it.
public struct PluginStep: Hashable, Sendable {
  public var position: Point
  public var state: [String: [Double]]
  /// Evaluations of f and ∇f the step used: the one optiscope sent with the request, and
  /// one for each `evaluate` the plug-in asked for (an LBFGS closure's other points); one
  /// for a history function, whose first step asks for every point's gradient.
  public var evaluations: Int

  public init(position: Point, state: [String: [Double]], evaluations: Int = 1) {
    self.position = position
    self.state = state
    self.evaluations = evaluations
  }
}
