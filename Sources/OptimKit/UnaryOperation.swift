import RealModule

/// A function of one argument in an expression: its value and its derivative, with torch's
/// conventions at kinks and edges.
///
/// Every rule follows the backward formula of PyTorch's `derivatives.yaml`, so
/// that gradients here agree with `torch.autograd` where f is not smooth
/// (`abs` and `relu` at 0, `sqrt` at 0). The derivative is expressed through
/// the argument and the already computed result, as torch does, which also
/// saves a second call to `exp`, `tanh` or `sigmoid`. `secondDerivative`
/// serves Newton's method; it is 0 at and around the kinks of `abs` and
/// `relu`, as torch's double backward gives.
enum UnaryOperation: String, CaseIterable, Sendable {
  case negate
  case sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, exp, log, sqrt, abs
  case sigmoid, softplus, relu

  /// softplus returns its argument above this threshold (torch's default `threshold=20`, `beta=1`).
  static let softplusThreshold = 20.0

  /// The name a user types for this function; nil for negation, which is written `-`.
  var functionName: String? { self == .negate ? nil : rawValue }

  /// f(a); NaN outside the domain, ±∞ on overflow, never a trap.
  @inline(__always)
  func value(_ a: Double) -> Double {
    switch self {
    case .negate: return -a
    case .sin: return Double.sin(a)
    case .cos: return Double.cos(a)
    case .tan: return Double.tan(a)
    case .asin: return Double.asin(a)
    case .acos: return Double.acos(a)
    case .atan: return Double.atan(a)
    case .sinh: return Double.sinh(a)
    case .cosh: return Double.cosh(a)
    case .tanh: return Double.tanh(a)
    case .exp: return Double.exp(a)
    case .log: return Double.log(a)
    case .sqrt: return a.squareRoot()
    case .abs: return Swift.abs(a)
    case .sigmoid:
      // torch's formula; exp(-a) = ∞ for very negative a gives 0, never NaN.
      return 1 / (1 + Double.exp(-a))
    case .softplus:
      return a > Self.softplusThreshold ? a : Double.log(onePlus: Double.exp(a))
    case .relu:
      // NaN stays NaN, as in torch.
      return a > 0 ? a : (a.isNaN ? a : 0)
    }
  }

  /// f'(a), given `result` = f(a); torch's convention where f has a kink.
  @inline(__always)
  func derivative(_ a: Double, result: Double) -> Double {
    switch self {
    case .negate: return -1
    case .sin: return Double.cos(a)
    case .cos: return -Double.sin(a)
    case .tan: return 1 + result * result
    case .asin: return 1 / (1 - a * a).squareRoot()
    case .acos: return -1 / (1 - a * a).squareRoot()
    case .atan: return 1 / (a * a + 1)
    case .sinh: return Double.cosh(a)
    case .cosh: return Double.sinh(a)
    case .tanh: return 1 - result * result
    case .exp: return result
    case .log: return 1 / a
    case .sqrt: return 1 / (2 * result)  // +∞ at 0, as in torch
    case .abs: return a > 0 ? 1 : (a < 0 ? -1 : (a.isNaN ? a : 0))  // sign(a): 0 at 0
    case .sigmoid: return (1 - result) * result
    case .softplus:
      if a > Self.softplusThreshold { return 1 }
      let z = Double.exp(a)
      return z / (z + 1)
    case .relu: return result <= 0 ? 0 : 1  // torch's threshold_backward: 0 at 0
    }
  }

  /// f″(a), given `result` = f(a); 0 where f is piecewise linear (`abs`, `relu`, `negate`).
  @inline(__always)
  func secondDerivative(_ a: Double, result: Double) -> Double {
    switch self {
    case .negate: return 0
    case .sin, .cos: return -result
    case .tan: return 2 * result * (1 + result * result)
    case .asin: return a / ((1 - a * a) * (1 - a * a).squareRoot())
    case .acos: return -a / ((1 - a * a) * (1 - a * a).squareRoot())
    case .atan: return -2 * a / ((a * a + 1) * (a * a + 1))
    case .sinh, .cosh, .exp: return result
    case .tanh: return -2 * result * (1 - result * result)
    case .log: return -1 / (a * a)
    case .sqrt: return -1 / (4 * result * result * result)
    case .abs, .relu: return a.isNaN ? a : 0
    case .sigmoid: return result * (1 - result) * (1 - 2 * result)
    case .softplus:
      if a > Self.softplusThreshold { return 0 }
      let s = 1 / (1 + Double.exp(-a))
      return s * (1 - s)
    }
  }
}
