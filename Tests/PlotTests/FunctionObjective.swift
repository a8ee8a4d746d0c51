import OptimKit

/// A test objective given by a closure; the gradient is not needed for drawing.
struct FunctionObjective: Objective {
  let function: @Sendable (Double, Double) -> Double

  init(_ function: @escaping @Sendable (Double, Double) -> Double) {
    self.function = function
  }

  func value(at point: Point) -> Double { function(point.x, point.y) }

  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    (function(point.x, point.y), .zero)
  }
}
