import RealModule

extension Double {
  /// C's `pow(x, y)` for every x and y, built on RealModule's `Double.pow`.
  ///
  /// RealModule's `pow(x, y)` is the real function `exp(y·log x)`: NaN for a
  /// negative base and for 0⁰. C, and so torch, give (−2)³ = −8, 0⁰ = 1 and
  /// (−∞)^0.5 = ∞, and the expression language and the optimizers follow torch.
  /// The magnitude comes from the same libm `pow`; glibc computes a negative
  /// base's power as its magnitude's, negated for an odd integer exponent, so
  /// the result is bit-identical to C's (`DoublePowerTests` checks the corners).
  @inlinable package static func power(_ x: Double, _ y: Double) -> Double {
    if y == 0 { return 1 }
    if x.isNaN { return x + y }
    if x >= 0 { return Double.pow(x, y) }
    let magnitude = Double.pow(-x, y)
    if y.isInfinite { return magnitude }
    guard y.rounded(.towardZero) == y else {
      // A non-integer power of a negative number is not real, except of −∞.
      return x == -.infinity ? magnitude : .nan
    }
    // Every double of magnitude 2⁵³ or more is an even integer.
    let isOdd = y.magnitude < 0x1p53 && Int64(y) & 1 != 0
    return isOdd ? -magnitude : magnitude
  }
}
