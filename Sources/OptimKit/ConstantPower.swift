import RealModule

/// `a^c` for a constant exponent c, computed the way torch's `pow(Tensor, Scalar)` does.
///
/// A constant exponent is the common case (`x^2`) and deserves its own
/// instruction: the derivative then never touches `log(a)`, which is NaN for
/// a negative base, and torch's special cases (`a*a` for 2, `sqrt` for 0.5…)
/// are both faster than `pow` and bit-identical to what torch computes.
enum ConstantPower {
  /// a^c with torch's special cases for c ∈ {0, 1, 2, 3, 0.5, -0.5, -1, -2}.
  @inline(__always)
  static func value(_ a: Double, _ c: Double) -> Double {
    switch c {
    case 0: return 1
    case 1: return a
    case 2: return a * a
    case 3: return a * a * a
    case 0.5: return a.squareRoot()
    case -0.5: return 1 / a.squareRoot()
    case -1: return 1 / a
    case -2: return 1 / (a * a)
    default: return Double.power(a, c)
    }
  }

  /// d(a^c)/da = c·a^(c-1), and 0 for c = 0 (torch's `pow_backward`).
  @inline(__always)
  static func derivative(_ a: Double, _ c: Double) -> Double {
    c == 0 ? 0 : c * value(a, c - 1)
  }

  /// d²(a^c)/da² = c·(c−1)·a^(c−2), and 0 for c ∈ {0, 1} (torch's masks applied twice).
  @inline(__always)
  static func secondDerivative(_ a: Double, _ c: Double) -> Double {
    c == 0 || c == 1 ? 0 : c * (c - 1) * value(a, c - 2)
  }
}
