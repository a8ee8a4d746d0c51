/// Steele, Lea and Flood's SplitMix64: a tiny, fast, well-mixed 64-bit generator.
///
/// Written here rather than taken from a library so that a seed gives the
/// same numbers on every platform and Swift version (the standard library's
/// generators make no such promise), which keeps recordings reproducible.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in (0, 1], never 0, so its logarithm is finite.
  public mutating func nextOpenUnit() -> Double {
    (Double(next() >> 11) + 1) * 0x1p-53
  }
}
