import RealModule

/// An operation of two arguments in an expression: arithmetic, `^`, `min`, `max`, `atan2`,
/// with torch's partial derivatives.
///
/// Partials are given separately for each argument so that an argument that
/// does not depend on a variable never multiplies its (possibly infinite or
/// NaN) partial into that variable's derivative; see `Dual`.
enum BinaryOperation: String, CaseIterable, Sendable {
  case add, subtract, multiply, divide, power, min, max, atan2

  /// The name a user types for this function; nil for the operators `+ - * / ^`.
  var functionName: String? {
    switch self {
    case .min, .max, .atan2: return rawValue
    case .power: return "pow"
    case .add, .subtract, .multiply, .divide: return nil
    }
  }

  /// f(a, b); NaN outside the domain, never a trap.
  @inline(__always)
  func value(_ a: Double, _ b: Double) -> Double {
    switch self {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return a / b
    case .power: return Double.power(a, b)
    case .min: return a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
    case .max: return a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
    case .atan2: return Double.atan2(y: a, x: b)
    }
  }

  /// (∂f/∂a, ∂f/∂b) given `result` = f(a, b), following torch's backward formulas.
  @inline(__always)
  func partials(_ a: Double, _ b: Double, result: Double) -> (Double, Double) {
    switch self {
    case .add: return (1, 1)
    case .subtract: return (1, -1)
    case .multiply: return (b, a)
    case .divide: return (1 / b, -a / (b * b))
    case .power:
      // torch: the base's partial is 0 where the exponent is 0; the exponent's partial is 0
      // where the base is 0 and the exponent is not negative (else it would be 0·log 0).
      let base = b == 0 ? 0 : b * Double.power(a, b - 1)
      let exponent = (a == 0 && b >= 0) ? 0 : result * Double.log(a)
      return (base, exponent)
    case .min:
      // Ties split the gradient half to each argument, as torch.minimum does.
      if a == b { return (0.5, 0.5) }
      return (a > b ? 0 : 1, a < b ? 0 : 1)
    case .max:
      if a == b { return (0.5, 0.5) }
      return (a < b ? 0 : 1, a > b ? 0 : 1)
    case .atan2:
      let reciprocal = 1 / (a * a + b * b)
      return (b * reciprocal, -a * reciprocal)
    }
  }

  /// (∂²f/∂a², ∂²f/∂a∂b, ∂²f/∂b²) given `result` = f(a, b), for Newton's method.
  ///
  /// `^` keeps the first-order masks: no curvature through the base where the
  /// exponent is 0, none through the exponent where the base is 0 and the
  /// exponent is not negative. `min` and `max` are piecewise linear: 0.
  @inline(__always)
  func secondPartials(_ a: Double, _ b: Double, result: Double) -> (Double, Double, Double) {
    switch self {
    case .add, .subtract, .min, .max: return (0, 0, 0)
    case .multiply: return (0, 1, 0)
    case .divide: return (0, -1 / (b * b), 2 * a / (b * b * b))
    case .power:
      let baseMasked = b == 0
      let exponentMasked = a == 0 && b >= 0
      let aa = baseMasked || b == 1 ? 0 : b * (b - 1) * Double.power(a, b - 2)
      let log = Double.log(a)
      let ab = baseMasked || exponentMasked ? 0 : Double.power(a, b - 1) * (1 + b * log)
      let bb = exponentMasked ? 0 : result * log * log
      return (aa, ab, bb)
    case .atan2:
      let r = a * a + b * b
      let r2 = r * r
      return (-2 * a * b / r2, (a * a - b * b) / r2, 2 * a * b / r2)
    }
  }
}
