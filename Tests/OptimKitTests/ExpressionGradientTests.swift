import Foundation
import Testing

@testable import OptimKit

/// Gradients: against hand-derived formulas, against finite differences, and torch's
/// conventions at kinks.
@Suite struct ExpressionGradientTests {
  private func gradient(_ source: String, _ x: Double, _ y: Double) throws -> Point {
    try Expression(parsing: source).valueAndGradient(at: Point(x: x, y: y)).gradient
  }

  private func expectClose(
    _ got: Point, _ want: Point, tolerance: Double = 1e-12, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let scale = max(1, abs(want.x), abs(want.y))
    #expect(
      abs(got.x - want.x) <= tolerance * scale && abs(got.y - want.y) <= tolerance * scale,
      "\(label): got \(got), want \(want)", sourceLocation: sourceLocation)
  }

  /// Expressions with their gradients derived by hand.
  static let handDerived: [(String, @Sendable (Double, Double) -> Point)] = [
    ("x*y + sin(x)", { x, y in Point(x: y + cos(x), y: x) }),
    ("exp(x*y)", { x, y in Point(x: y * exp(x * y), y: x * exp(x * y)) }),
    ("log(x^2 + y^2)", { x, y in Point(x: 2 * x / (x * x + y * y), y: 2 * y / (x * x + y * y)) }),
    ("x/y", { x, y in Point(x: 1 / y, y: -x / (y * y)) }),
    ("atan2(y, x)", { x, y in Point(x: -y / (x * x + y * y), y: x / (x * x + y * y)) }),
    (
      "tanh(x)*cosh(y)",
      { x, y in Point(x: (1 - tanh(x) * tanh(x)) * cosh(y), y: tanh(x) * sinh(y)) }
    ),
    ("sqrt(x^2 + y^2)", { x, y in Point(x: x / hypot(x, y), y: y / hypot(x, y)) }),
    (
      "sigmoid(x - y)",
      { x, y in
        let s = 1 / (1 + exp(-(x - y)))
        return Point(x: s * (1 - s), y: -s * (1 - s))
      }
    ),
    (
      "softplus(x*y)",
      { x, y in
        let s = 1 / (1 + exp(-x * y))
        return Point(x: y * s, y: x * s)
      }
    ),
    ("2^x * y^3", { x, y in Point(x: pow(2, x) * log(2) * y * y * y, y: 3 * y * y * pow(2, x)) }),
    ("pow(x, y)", { x, y in Point(x: y * pow(x, y - 1), y: pow(x, y) * log(x)) }),
    (
      "asin(x/2) + acos(y/2)",
      { x, y in
        Point(x: 1 / (2 * sqrt(1 - x * x / 4)), y: -1 / (2 * sqrt(1 - y * y / 4)))
      }
    ),
    (
      "atan(x*y) + tan(x) + sinh(y)",
      { x, y in
        Point(
          x: y / (1 + x * x * y * y) + 1 / (cos(x) * cos(x)), y: x / (1 + x * x * y * y) + cosh(y))
      }
    ),
    ("min(x, y)*max(x, y)", { x, y in Point(x: y, y: x) }),
    (
      "relu(x - y) + abs(x - 2*y)",
      { x, y in
        let r = x - y > 0 ? 1.0 : 0.0
        let s = x - 2 * y > 0 ? 1.0 : -1.0
        return Point(x: r + s, y: -r - 2 * s)
      }
    ),
    ("-x^3/3 + e^y - pi*x", { x, y in Point(x: -x * x - Double.pi, y: exp(y)) }),
    ("x^-2 + y**0.5", { x, y in Point(x: -2 / (x * x * x), y: 0.5 / sqrt(y)) }),
  ]

  @Test func handDerivedGradients() throws {
    let points = [Point(x: 0.7, y: 1.3), Point(x: 1.9, y: 0.4), Point(x: 0.25, y: 1.8)]
    for (source, formula) in Self.handDerived {
      let expression = try Expression(parsing: source)
      for point in points {
        let got = expression.valueAndGradient(at: point)
        expectClose(got.gradient, formula(point.x, point.y), "\(source) at \(point)")
        #expect(got.value == expression.value(at: point), "value paths agree for \(source)")
      }
    }
  }

  @Test func handDerivedGradientsAgreeWithFiniteDifferences() throws {
    var random = SplitMix64(seed: 7)
    for (source, _) in Self.handDerived {
      let expression = try Expression(parsing: source)
      for _ in 0..<5 {
        let point = Point(x: random.next(in: 0.2, 1.9), y: random.next(in: 0.2, 1.9))
        expectClose(
          expression.valueAndGradient(at: point).gradient,
          centralDifference(expression, at: point), tolerance: 1e-6, "\(source) at \(point)")
      }
    }
  }

  @Test func kinksFollowTorch() throws {
    #expect(try gradient("abs(x)", 0, 0) == Point(x: 0, y: 0))
    #expect(try gradient("abs(x)", -2, 0) == Point(x: -1, y: 0))
    #expect(try gradient("relu(x)", 0, 0) == Point(x: 0, y: 0))
    #expect(try gradient("relu(x)", 1e-9, 0) == Point(x: 1, y: 0))
    #expect(try gradient("max(x, y)", 1, 1) == Point(x: 0.5, y: 0.5))
    #expect(try gradient("min(x, y)", 1, 1) == Point(x: 0.5, y: 0.5))
    #expect(try gradient("max(x, y)", 2, 1) == Point(x: 1, y: 0))
    #expect(try gradient("min(x, y)", 2, 1) == Point(x: 0, y: 1))
    // sqrt'(0) = +∞, and the variable sqrt does not depend on stays exactly 0.
    #expect(try gradient("sqrt(x)", 0, 5) == Point(x: .infinity, y: 0))
    #expect(try gradient("x^0.5", 0, 5) == Point(x: .infinity, y: 0))
  }

  @Test func constantExponentsGiveFiniteGradientsForNegativeBases() throws {
    #expect(try gradient("x^2", -2, 0) == Point(x: -4, y: 0))
    #expect(try gradient("pow(x, 3)", -2, 0) == Point(x: 12, y: 0))
    #expect(try gradient("(x - 3)^2 + y^4", -1, -2) == Point(x: -8, y: -32))
    #expect(try gradient("x^(1+1)", -3, 0) == Point(x: -6, y: 0))
    #expect(try gradient("x^0", -3, 0) == Point(x: 0, y: 0))
    let constant = try Expression(parsing: "(-2)^2").valueAndGradient(at: Point(x: 1, y: 1))
    #expect(constant.value == 4 && constant.gradient == Point(x: 0, y: 0))
  }

  @Test func variablePowersFollowTorchAtZeroBase() throws {
    // torch: ∂/∂base = 0 where the exponent is 0; ∂/∂exponent = 0 where base = 0 and exponent ≥ 0.
    #expect(try gradient("x^y", 0, 2) == Point(x: 0, y: 0))
    #expect(try gradient("pow(y, x)", 0.5, 0) == Point(x: 0, y: .infinity))
    #expect(try gradient("x^y", 3, 0) == Point(x: 0, y: log(3)))
    // A negative base with a variable exponent has no real derivative in the exponent.
    let negative = try gradient("x^y", -2, 2)
    #expect(negative.x == -4 && negative.y.isNaN)
  }

  @Test func saturatedFunctionsHaveFiniteGradients() throws {
    #expect(try gradient("sigmoid(x)", -1000, 0) == Point(x: 0, y: 0))
    #expect(try gradient("sigmoid(x)", 1000, 0) == Point(x: 0, y: 0))
    #expect(try gradient("softplus(x)", 25, 0) == Point(x: 1, y: 0))
    #expect(try gradient("softplus(x)", 0, 0) == Point(x: 0.5, y: 0))
    #expect(try gradient("softplus(x)", -800, 0) == Point(x: 0, y: 0))
  }

  @Test func undefinedGradientsAreReportedNotHidden() throws {
    let root = try Expression(parsing: "sqrt(x)").valueAndGradient(at: Point(x: -1, y: 0))
    #expect(root.value.isNaN && root.gradient.x.isNaN && root.gradient.y == 0)
    let logarithm = try Expression(parsing: "log(x*y)").valueAndGradient(at: Point(x: 0, y: 1))
    #expect(logarithm.value == -.infinity && !logarithm.gradient.isFinite)
  }
}

/// The central finite difference of f at `point`, a sanity check on the exact gradient.
func centralDifference(_ expression: OptimKit.Expression, at point: Point) -> Point {
  let hx = 1e-6 * max(1, abs(point.x))
  let hy = 1e-6 * max(1, abs(point.y))
  let fx =
    (expression.value(at: Point(x: point.x + hx, y: point.y))
      - expression.value(at: Point(x: point.x - hx, y: point.y))) / (2 * hx)
  let fy =
    (expression.value(at: Point(x: point.x, y: point.y + hy))
      - expression.value(at: Point(x: point.x, y: point.y - hy))) / (2 * hy)
  return Point(x: fx, y: fy)
}
