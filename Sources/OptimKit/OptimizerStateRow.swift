/// One line of an optimizer's own state in the inspector: torch's state entry in words.
///
/// The shared rows (lr, effective step, momentum) do not say what Rprop, ASGD,
/// LBFGS or Adafactor keep, so each of those lists its own: Rprop's per-coordinate
/// step sizes and previous gradients, ASGD's eta, mu and ax, LBFGS's curvature
/// pairs and evaluations, Adafactor's variances (factored for a 1×2 matrix).
public struct OptimizerStateRow: Hashable, Sendable {
  /// What a row holds.
  public enum Value: Hashable, Sendable {
    /// Per coordinate, (x, y).
    case pair(Point)
    /// One number (a scalar torch keeps in a tensor, e.g. ASGD's eta).
    case number(Double)
    /// A count, or a count out of a limit (LBFGS's curvature pairs "3 of 100").
    case count(Int, of: Int?)
  }

  /// The short label (at most 9 characters), e.g. "step size".
  public var label: String
  public var value: Value

  public init(_ label: String, _ value: Value) {
    self.label = label
    self.value = value
  }
}
