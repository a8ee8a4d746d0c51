/// A function of two variables that can be evaluated and differentiated exactly.
///
/// Optimizers, races and the heatmap only need these two operations, so both
/// parsed expressions and any hand-written test function can drive them.
public protocol Objective: Sendable {
  /// f(x, y); NaN or ±∞ where f is undefined or overflows.
  func value(at point: Point) -> Double

  /// f(x, y) together with its exact gradient (∂f/∂x, ∂f/∂y).
  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point)
}
