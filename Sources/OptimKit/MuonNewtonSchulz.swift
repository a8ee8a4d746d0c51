/// Muon's Newton–Schulz orthogonalization of a 1×2 matrix, in torch's bfloat16 arithmetic.
///
/// torch's `_zeropower_via_newtonschulz` converts the update to bfloat16 whatever
/// its dtype, so a float64 parameter is orthogonalized with 8 significant bits:
/// each kernel computes in float32 and rounds its result to bfloat16 (round to
/// nearest, ties to even), and the float64 → bfloat16 conversion goes through
/// float32. For a 1×2 matrix G the Gram matrix G·Gᵀ is 1×1, so the iteration
/// X ← a·X + (b·A + c·A²)·X, A = X·Xᵀ, is a handful of scalar operations.
enum MuonNewtonSchulz {
  /// torch's default coefficients (a, b, c) from Keller Jordan's Muon.
  static let coefficients: (a: Float, b: Float, c: Float) = (3.4445, -4.775, 2.0315)

  /// The orthogonalized update, back in float64 (exactly its bfloat16 values).
  static func orthogonalize(_ update: Point, steps: Int, eps: Double) -> Point {
    var x = bfloat16(Float(update.x))
    var y = bfloat16(Float(update.y))
    // X /= max(‖X‖, eps), the norm and the quotient each rounded to bfloat16.
    var norm = bfloat16((x * x + y * y).squareRoot())
    let floor = bfloat16(Float(eps))
    if !(norm.isNaN || norm >= floor) { norm = floor }
    x = bfloat16(x / norm)
    y = bfloat16(y / norm)
    let (a, b, c) = coefficients
    for _ in 0..<max(0, steps) {
      let gram = bfloat16(x * x + y * y)
      let gramUpdate = bfloat16(b * gram + c * (gram * gram))
      x = bfloat16(a * x + gramUpdate * x)
      y = bfloat16(a * y + gramUpdate * y)
    }
    return Point(x: Double(x), y: Double(y))
  }

  /// `value` rounded to bfloat16 (the top 16 bits of a float32), ties to even; NaN kept.
  static func bfloat16(_ value: Float) -> Float {
    guard !value.isNaN else { return value }
    let bits = value.bitPattern
    let rounded = (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000
    return Float(bitPattern: rounded)
  }
}
