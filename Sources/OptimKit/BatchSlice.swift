/// A model's loss on one step's examples as a function of the two mapped parameters, the
/// others held at a racer's values: what a pair-stepping optimizer (LBFGS's closure, Newton's
/// Hessian) sees of a `TrainingObjective` when not every parameter trains.
struct BatchSlice: Objective {
  let objective: any TrainingObjective
  /// Every parameter; the mapped two are replaced by the point evaluated.
  let parameters: [Double]
  /// The step's examples; nil: all of them.
  let examples: [Int]?

  func value(at point: Point) -> Double { valueAndGradient(at: point).value }

  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    let mapped = objective.mappedParameters
    guard parameters.indices.contains(mapped.x), parameters.indices.contains(mapped.y) else {
      return (.nan, Point(x: .nan, y: .nan))
    }
    var parameters = parameters
    parameters[mapped.x] = point.x
    parameters[mapped.y] = point.y
    let (value, gradient) = objective.valueAndGradient(parameters: parameters, examples: examples)
    guard gradient.indices.contains(mapped.x), gradient.indices.contains(mapped.y) else {
      return (.nan, Point(x: .nan, y: .nan))
    }
    return (value, Point(x: gradient[mapped.x], y: gradient[mapped.y]))
  }
}
