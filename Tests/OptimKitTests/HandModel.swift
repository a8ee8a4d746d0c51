import OptimKit

/// A linear model y ≈ w1·x1 + w2·x2 + b trained on a few points by mean squared error, with
/// its gradient written by hand: a three-parameter `TrainingObjective` for the race's tests.
///
/// scripts/torch-reference.py's `linear_mse` writes the same loss operation for operation
/// (left to right, in the examples' order), so the fixtures' torch optimizers see the very
/// gradients this one gives and the replay can require torch's numbers bit for bit.
struct HandModel: TrainingObjective {
  /// (x1, x2, target) per example.
  let examples: [(x1: Double, x2: Double, target: Double)]
  var parameters: [Double]
  var mappedParameters: (x: Int, y: Int)
  var trainsAll: Bool

  var parameterNames: [String] { ["w1", "w2", "b"] }
  var exampleCount: Int { examples.count }

  /// The fixtures' data: five points near the plane t = 2·x1 − x2 + 0.5, not on it.
  static let fixtureExamples: [(x1: Double, x2: Double, target: Double)] = [
    (1, 2, 0.7), (2, -1, 5.2), (-1, 0.5, -2.1), (0.5, 1.5, -0.4), (3, 1, 5.9),
  ]

  init(
    examples: [(x1: Double, x2: Double, target: Double)] = Self.fixtureExamples,
    parameters: [Double] = [0, 0, 0], mapped: (x: Int, y: Int) = (0, 1), trainsAll: Bool = true
  ) {
    self.examples = examples
    self.parameters = parameters
    self.mappedParameters = mapped
    self.trainsAll = trainsAll
  }

  func valueAndGradient(parameters p: [Double], examples indices: [Int]?) -> (
    value: Double, gradient: [Double]
  ) {
    let chosen = indices ?? Array(examples.indices)
    var sum = 0.0
    var g0 = 0.0
    var g1 = 0.0
    var g2 = 0.0
    for index in chosen {
      let example = examples[index]
      let r = p[0] * example.x1 + p[1] * example.x2 + p[2] - example.target
      sum = sum + r * r
      g0 = g0 + r * example.x1
      g1 = g1 + r * example.x2
      g2 = g2 + r
    }
    let n = Double(chosen.count)
    return (sum / n, [2 * g0 / n, 2 * g1 / n, 2 * g2 / n])
  }

  func sliced(through parameters: [Double]) -> HandModel {
    var copy = self
    copy.parameters = parameters
    return copy
  }

  func value(at point: Point) -> Double { valueAndGradient(at: point).value }

  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    var p = parameters
    p[mappedParameters.x] = point.x
    p[mappedParameters.y] = point.y
    let (value, gradient) = valueAndGradient(parameters: p, examples: nil)
    return (value, Point(x: gradient[mappedParameters.x], y: gradient[mappedParameters.y]))
  }
}
