import Foundation
import OptimKit

/// A test objective with a hand-derived gradient, independent of the expression parser.
struct HandObjective: Objective {
  let name: String
  let function: @Sendable (Double, Double) -> Double
  let derivative: @Sendable (Double, Double) -> (Double, Double)

  func value(at point: Point) -> Double { function(point.x, point.y) }

  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    let (dx, dy) = derivative(point.x, point.y)
    return (function(point.x, point.y), Point(x: dx, y: dy))
  }

  /// The golden cases' functions by name.
  static let catalog: [String: HandObjective] = Dictionary(
    uniqueKeysWithValues: [
      rosenbrock, himmelblau, wavy, ellipse, beale, booth, threeHumpCamel, saddle,
    ].map {
      ($0.name, $0)
    })

  static let rosenbrock = HandObjective(
    name: "rosenbrock",
    function: { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) },
    derivative: { x, y in (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)) })

  static let himmelblau = HandObjective(
    name: "himmelblau",
    function: { x, y in
      let a = x * x + y - 11
      let b = x + y * y - 7
      return a * a + b * b
    },
    derivative: { x, y in
      let a = x * x + y - 11
      let b = x + y * y - 7
      return (4 * x * a + 2 * b, 2 * a + 4 * y * b)
    })

  static let wavy = HandObjective(
    name: "wavy",
    function: { x, y in x * x + y * y + 10 * sin(5 * x) + 10 * cos(5 * y) },
    derivative: { x, y in (2 * x + 50 * cos(5 * x), 2 * y - 50 * sin(5 * y)) })

  static let ellipse = HandObjective(
    name: "ellipse",
    function: { x, y in 5 * x * x + y * y },
    derivative: { x, y in (10 * x, 2 * y) })

  static let beale = HandObjective(
    name: "beale",
    function: { x, y in
      let a = 1.5 - x + x * y
      let b = 2.25 - x + x * y * y
      let c = 2.625 - x + x * y * y * y
      return a * a + b * b + c * c
    },
    derivative: { x, y in
      let a = 1.5 - x + x * y
      let b = 2.25 - x + x * y * y
      let c = 2.625 - x + x * y * y * y
      let dx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1)
      let dy = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y
      return (dx, dy)
    })

  static let booth = HandObjective(
    name: "booth",
    function: { x, y in
      let a = x + 2 * y - 7
      let b = 2 * x + y - 5
      return a * a + b * b
    },
    derivative: { x, y in
      let a = x + 2 * y - 7
      let b = 2 * x + y - 5
      return (2 * a + 4 * b, 4 * a + 2 * b)
    })

  /// The sextic of the generated fixtures, written exactly as scripts/torch-reference.py writes it.
  static let threeHumpCamel = HandObjective(
    name: "three-hump-camel",
    function: { x, y in
      let x2 = x * x
      return 2 * x2 - 1.05 * (x2 * x2) + x2 * x2 * x2 / 6 + x * y + y * y
    },
    derivative: { x, y in
      let x2 = x * x
      return (4 * x - 4.2 * (x2 * x) + x2 * x2 * x + y, x + 2 * y)
    })

  static let saddle = HandObjective(
    name: "saddle",
    function: { x, y in x * x / 10 - y * y / 10 },
    derivative: { x, y in (2 * x / 10, -2 * y / 10) })
}
