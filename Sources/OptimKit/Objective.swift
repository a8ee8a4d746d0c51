/// A function of two variables that can be evaluated and differentiated exactly.
///
/// Optimizers, races and the heatmap only need these two operations, so both
/// parsed expressions and any hand-written test function can drive them.
public protocol Objective: Sendable {
  /// f(x, y); NaN or ±∞ where f is undefined or overflows.
  func value(at point: Point) -> Double

  /// f(x, y) together with its exact gradient (∂f/∂x, ∂f/∂y).
  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point)

  /// f(x, y) with its gradient and its Hessian, for second-order methods (Newton).
  ///
  /// Has a default, central differences of the exact gradient, so hand-written
  /// objectives need not provide it; `Expression` gives the exact Hessian.
  func valueGradientAndHessian(at point: Point) -> (
    value: Double, gradient: Point, hessian: Hessian
  )
}

extension Objective {
  /// Central differences of the exact gradient, symmetrised; the step is 1e-5 relative.
  public func valueGradientAndHessian(at point: Point) -> (
    value: Double, gradient: Point, hessian: Hessian
  ) {
    let (value, gradient) = valueAndGradient(at: point)
    let hx = 1e-5 * Swift.max(1, Swift.abs(point.x))
    let hy = 1e-5 * Swift.max(1, Swift.abs(point.y))
    let right = valueAndGradient(at: Point(x: point.x + hx, y: point.y)).gradient
    let left = valueAndGradient(at: Point(x: point.x - hx, y: point.y)).gradient
    let up = valueAndGradient(at: Point(x: point.x, y: point.y + hy)).gradient
    let down = valueAndGradient(at: Point(x: point.x, y: point.y - hy)).gradient
    let xx = (right.x - left.x) / (2 * hx)
    let yy = (up.y - down.y) / (2 * hy)
    let xy = ((right.y - left.y) / (2 * hx) + (up.x - down.x) / (2 * hy)) / 2
    return (value, gradient, Hessian(xx: xx, xy: xy, yy: yy))
  }
}
