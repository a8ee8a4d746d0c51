/// A value with its exact gradient and Hessian with respect to x and y: second-order
/// forward-mode automatic differentiation, the sibling of `Dual` that Newton's method needs.
///
/// The chain rule for f(u) is  ∂ᵢf = f′·∂ᵢu  and  ∂ᵢⱼf = f″·∂ᵢu·∂ⱼu + f′·∂ᵢⱼu,
/// and for f(a, b) the same with the partials of both arguments and the
/// mixed partial f_ab. As in `Dual`, a term is only added when the argument
/// depends on the variables involved, so a path that does not exist (a
/// constant exponent's log of a negative base) contributes nothing, which
/// is what torch's double backward does.
struct HyperDual: Sendable {
  typealias Dependence = Dual.Dependence

  var value: Double
  var dx: Double
  var dy: Double
  var dxx: Double
  var dxy: Double
  var dyy: Double
  var dependence: Dependence

  /// The variable x at `value`.
  static func x(_ value: Double) -> HyperDual {
    HyperDual(value: value, dx: 1, dy: 0, dxx: 0, dxy: 0, dyy: 0, dependence: .x)
  }

  /// The variable y at `value`.
  static func y(_ value: Double) -> HyperDual {
    HyperDual(value: value, dx: 0, dy: 1, dxx: 0, dxy: 0, dyy: 0, dependence: .y)
  }

  private var dependsOnX: Bool { dependence.contains(.x) }
  private var dependsOnY: Bool { dependence.contains(.y) }

  /// f(self) with f(self) = `result`, f′ = `first` and f″ = `second`.
  func chained(result: Double, first: Double, second: Double) -> HyperDual {
    let x = dependsOnX
    let y = dependsOnY
    return HyperDual(
      value: result,
      dx: x ? first * dx : 0,
      dy: y ? first * dy : 0,
      dxx: x ? second * dx * dx + first * dxx : 0,
      dxy: x && y ? second * dx * dy + first * dxy : 0,
      dyy: y ? second * dy * dy + first * dyy : 0,
      dependence: dependence)
  }

  /// The partial derivatives of a function of two arguments at one point.
  struct Partials {
    /// ∂f/∂a, ∂f/∂b.
    var a: Double
    var b: Double
    /// ∂²f/∂a², ∂²f/∂a∂b, ∂²f/∂b².
    var aa: Double
    var ab: Double
    var bb: Double
  }

  /// f(a, b) with value `result` and the given partials.
  static func combined(_ a: HyperDual, _ b: HyperDual, result: Double, partials p: Partials)
    -> HyperDual
  {
    let aX = a.dependsOnX
    let aY = a.dependsOnY
    let bX = b.dependsOnX
    let bY = b.dependsOnY
    /// ∂ᵢⱼf, adding only terms whose paths exist.
    func second(
      _ ai: Double, _ aj: Double, _ aij: Double, _ aI: Bool, _ aJ: Bool,
      _ bi: Double, _ bj: Double, _ bij: Double, _ bI: Bool, _ bJ: Bool
    ) -> Double {
      var sum = 0.0
      if aI && aJ { sum += p.aa * ai * aj + p.a * aij }
      if bI && bJ { sum += p.bb * bi * bj + p.b * bij }
      if aI && bJ { sum += p.ab * ai * bj }
      if bI && aJ { sum += p.ab * bi * aj }
      return sum
    }
    func first(_ ai: Double, _ aI: Bool, _ bi: Double, _ bI: Bool) -> Double {
      switch (aI, bI) {
      case (true, true): return p.a * ai + p.b * bi
      case (true, false): return p.a * ai
      case (false, true): return p.b * bi
      case (false, false): return 0
      }
    }
    return HyperDual(
      value: result,
      dx: first(a.dx, aX, b.dx, bX),
      dy: first(a.dy, aY, b.dy, bY),
      dxx: second(a.dx, a.dx, a.dxx, aX, aX, b.dx, b.dx, b.dxx, bX, bX),
      dxy: second(a.dx, a.dy, a.dxy, aX, aY, b.dx, b.dy, b.dxy, bX, bY),
      dyy: second(a.dy, a.dy, a.dyy, aY, aY, b.dy, b.dy, b.dyy, bY, bY),
      dependence: a.dependence.union(b.dependence))
  }
}

// In an extension, so that the struct keeps its memberwise initializer.
extension HyperDual {
  /// A constant: all derivatives zero, depends on nothing.
  @inline(__always)
  init(constant: Double) {
    self.init(value: constant, dx: 0, dy: 0, dxx: 0, dxy: 0, dyy: 0, dependence: [])
  }
}
