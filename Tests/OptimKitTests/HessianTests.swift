import Foundation
import Testing

@testable import OptimKit

/// Exact Hessians from second-order forward mode, against second derivatives worked out by hand.
@Suite struct HessianTests {
  /// An expression with its hand-derived Hessian.
  struct Case: CustomStringConvertible, Sendable {
    let source: String
    let point: Point
    let expected: @Sendable (Double, Double) -> Hessian
    var description: String { "\(source) at \(point)" }
  }

  static let cases: [Case] = [
    Case(source: "x^2*y^3", point: Point(x: 1.5, y: -0.7)) { x, y in
      Hessian(xx: 2 * y * y * y, xy: 6 * x * y * y, yy: 6 * x * x * y)
    },
    Case(source: "sin(x*y)", point: Point(x: 0.3, y: 2.1)) { x, y in
      let s = sin(x * y)
      return Hessian(xx: -y * y * s, xy: cos(x * y) - x * y * s, yy: -x * x * s)
    },
    Case(source: "exp(x)*log(y)", point: Point(x: 0.4, y: 3)) { x, y in
      Hessian(xx: exp(x) * log(y), xy: exp(x) / y, yy: -exp(x) / (y * y))
    },
    Case(source: "x/y", point: Point(x: 2, y: -3)) { x, y in
      Hessian(xx: 0, xy: -1 / (y * y), yy: 2 * x / (y * y * y))
    },
    Case(source: "sqrt(x^2 + y^2)", point: Point(x: 3, y: 4)) { x, y in
      let r3 = 125.0
      return Hessian(xx: y * y / r3, xy: -x * y / r3, yy: x * x / r3)
    },
    Case(source: "atan2(y, x)", point: Point(x: 1.2, y: -0.5)) { x, y in
      let r2 = x * x + y * y
      return Hessian(
        xx: 2 * x * y / (r2 * r2), xy: (y * y - x * x) / (r2 * r2), yy: -2 * x * y / (r2 * r2))
    },
    Case(source: "x^y", point: Point(x: 1.7, y: 2.3)) { x, y in
      Hessian(
        xx: y * (y - 1) * pow(x, y - 2), xy: pow(x, y - 1) * (1 + y * log(x)),
        yy: pow(x, y) * log(x) * log(x))
    },
    Case(source: "tanh(x) + sigmoid(y)", point: Point(x: 0.6, y: -1.1)) { x, y in
      let t = tanh(x)
      let s = 1 / (1 + exp(-y))
      return Hessian(xx: -2 * t * (1 - t * t), xy: 0, yy: s * (1 - s) * (1 - 2 * s))
    },
    Case(source: "abs(x)*y", point: Point(x: -2, y: 5)) { _, _ in
      Hessian(xx: 0, xy: -1, yy: 0)
    },
    Case(source: "cosh(x - y) + 3", point: Point(x: 0.5, y: 0.2)) { x, y in
      let c = cosh(x - y)
      return Hessian(xx: c, xy: -c, yy: c)
    },
  ]

  static func close(_ a: Hessian, _ b: Hessian) -> Bool {
    func near(_ u: Double, _ v: Double) -> Bool { abs(u - v) <= 1e-12 * max(1, abs(v)) }
    return near(a.xx, b.xx) && near(a.xy, b.xy) && near(a.yy, b.yy)
  }

  @Test(arguments: cases)
  func expressionHessianMatchesHandDerivation(_ example: Case) throws {
    let expression = try Expression(parsing: example.source)
    let result = expression.valueGradientAndHessian(at: example.point)
    let expected = example.expected(example.point.x, example.point.y)
    #expect(Self.close(result.hessian, expected), "got \(result.hessian), want \(expected)")
    // Value and gradient agree with the first-order path exactly.
    let first = expression.valueAndGradient(at: example.point)
    #expect(result.value == first.value)
    #expect(result.gradient == first.gradient)
  }

  @Test func catalogHessians() throws {
    func hessian(_ name: String, _ x: Double, _ y: Double) throws -> Hessian {
      let function = try #require(TestFunction.named(name))
      return function.expression.valueGradientAndHessian(at: Point(x: x, y: y)).hessian
    }
    // Rosenbrock: fxx = 2 − 400(y − x²) + 800x², fxy = −400x, fyy = 200.
    let (x, y) = (-1.2, 0.7)
    #expect(
      Self.close(
        try hessian("rosenbrock", x, y),
        Hessian(xx: 2 - 400 * (y - x * x) + 800 * x * x, xy: -400 * x, yy: 200)))
    // Himmelblau: fxx = 12x² + 4y − 42, fxy = 4x + 4y, fyy = 4x + 12y² − 26.
    let (a, b) = (1.3, -2.2)
    #expect(
      Self.close(
        try hessian("himmelblau", a, b),
        Hessian(xx: 12 * a * a + 4 * b - 42, xy: 4 * a + 4 * b, yy: 4 * a + 12 * b * b - 26)))
    // Booth is quadratic: constant Hessian [[10, 8], [8, 10]].
    #expect(try hessian("booth", 7, -3) == Hessian(xx: 10, xy: 8, yy: 10))
    #expect(try hessian("sphere", 2, 9) == Hessian(xx: 2, xy: 0, yy: 2))
    // Saddle x²/10 − y²/10.
    #expect(Self.close(try hessian("saddle", 1, 1), Hessian(xx: 0.2, xy: 0, yy: -0.2)))
  }

  @Test func defaultHessianOfHandObjectiveApproximatesTheExactOne() {
    let point = Point(x: -1.2, y: 0.7)
    let approximate = HandObjective.rosenbrock.valueGradientAndHessian(at: point).hessian
    let exact = Hessian(xx: 2 - 400 * (0.7 - 1.44) + 800 * 1.44, xy: 480, yy: 200)
    #expect(abs(approximate.xx - exact.xx) < 1e-4 * abs(exact.xx))
    #expect(abs(approximate.xy - exact.xy) < 1e-4 * abs(exact.xy))
    #expect(abs(approximate.yy - exact.yy) < 1e-4 * abs(exact.yy))
  }

  @Test func eigenDecompositionOfSymmetricMatrix() {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
    let (values, vectors) = Hessian(xx: 2, xy: 1, yy: 2).eigen
    #expect(abs(values.0 - 1) < 1e-15 && abs(values.1 - 3) < 1e-15)
    #expect(abs(abs(vectors.0.x) - 0.5.squareRoot()) < 1e-15)
    #expect(abs(vectors.0.x + vectors.0.y) < 1e-15)
    #expect(abs(vectors.1.x - vectors.1.y) < 1e-15)
  }
}
