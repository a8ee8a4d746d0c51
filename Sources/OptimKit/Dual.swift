/// A value together with its exact derivatives with respect to x and y: forward-mode
/// automatic differentiation.
///
/// Besides the tangent, a dual remembers which variables it depends on at
/// all. The chain rule only multiplies a partial derivative into the
/// components the argument depends on, which is what reverse mode (torch)
/// does: a path that does not exist contributes nothing. Without this, `x^y`
/// with y = 0 would give ∂/∂x = ∞·0 = NaN where torch gives a number.
/// `HyperDual` is the second-order sibling (value, gradient, Hessian) that
/// Newton's method uses.
struct Dual: Sendable {
  /// Which variables a value depends on.
  struct Dependence: OptionSet, Sendable {
    let rawValue: UInt8
    static let x = Dependence(rawValue: 1)
    static let y = Dependence(rawValue: 2)
  }

  var value: Double
  var dx: Double
  var dy: Double
  var dependence: Dependence

  /// The variable x at `value`: ∂/∂x = 1.
  @inline(__always)
  static func x(_ value: Double) -> Dual { Dual(value: value, dx: 1, dy: 0, dependence: .x) }

  /// The variable y at `value`: ∂/∂y = 1.
  @inline(__always)
  static func y(_ value: Double) -> Dual { Dual(value: value, dx: 0, dy: 1, dependence: .y) }

  /// f(self) with f(self) = `result` and f'(self) = `derivative`.
  @inline(__always)
  func chained(result: Double, derivative: Double) -> Dual {
    Dual(
      value: result,
      dx: dependence.contains(.x) ? derivative * dx : 0,
      dy: dependence.contains(.y) ? derivative * dy : 0,
      dependence: dependence)
  }

  /// f(a, b) with value `result` and partials ∂f/∂a, ∂f/∂b.
  @inline(__always)
  static func combined(
    _ a: Dual, _ b: Dual, result: Double, partials: (Double, Double)
  ) -> Dual {
    Dual(
      value: result,
      dx: component(
        a.dependence.contains(.x), partials.0, a.dx, b.dependence.contains(.x), partials.1, b.dx),
      dy: component(
        a.dependence.contains(.y), partials.0, a.dy, b.dependence.contains(.y), partials.1, b.dy),
      dependence: a.dependence.union(b.dependence))
  }

  /// One component of the chain rule for two arguments, skipping absent paths.
  @inline(__always)
  private static func component(
    _ aDepends: Bool, _ aPartial: Double, _ aTangent: Double,
    _ bDepends: Bool, _ bPartial: Double, _ bTangent: Double
  ) -> Double {
    switch (aDepends, bDepends) {
    case (true, true): return aPartial * aTangent + bPartial * bTangent
    case (true, false): return aPartial * aTangent
    case (false, true): return bPartial * bTangent
    case (false, false): return 0
    }
  }
}

// In an extension, so that the struct keeps its memberwise initializer.
extension Dual {
  /// A constant: zero derivative, depends on nothing.
  @inline(__always)
  init(constant: Double) { self.init(value: constant, dx: 0, dy: 0, dependence: []) }
}
