import RealModule

/// Seeded Gaussian noise added to every gradient: what the "stochastic" in SGD does to a method.
///
/// The noise of step k is a pure function of (seed, k): every racer's k-th
/// step sees the same vector, so the comparison stays fair, and a run is
/// reproducible from the seed alone, across restarts and live changes of σ.
/// Each coordinate is N(0, σ²), drawn by Box–Muller from SplitMix64 seeded
/// with a mix of the seed and k. σ = 0 adds nothing at all, so noiseless
/// runs are bit-identical to runs without this feature.
public struct GradientNoise: Hashable, Sendable, CustomStringConvertible {
  /// σ, the standard deviation of each coordinate, in units of the gradient; ≥ 0.
  public private(set) var standardDeviation: Double
  /// The seed of the noise stream.
  public var seed: UInt64

  /// No noise.
  public static let none = GradientNoise()

  /// Noise of standard deviation `standardDeviation` (clamped to ≥ 0; non-finite means 0).
  public init(standardDeviation: Double = 0, seed: UInt64 = 0) {
    self.standardDeviation = Self.clamped(standardDeviation)
    self.seed = seed
  }

  /// Whether the noise adds anything.
  public var isActive: Bool { standardDeviation > 0 }

  /// Sets σ (negative or non-finite values become 0); the stream itself does not change.
  public mutating func setStandardDeviation(_ value: Double) {
    standardDeviation = Self.clamped(value)
  }

  private static func clamped(_ value: Double) -> Double {
    value.isFinite && value > 0 ? value : 0
  }

  /// Two independent standard normal numbers for step `step`, the same for every caller.
  public func standardNormal(step: Int) -> Point {
    var generator = SplitMix64(
      seed: seed ^ (UInt64(bitPattern: Int64(step)) &* 0xD6E8_FEB8_6659_FD93))
    // Discard one output so neighbouring seeds and steps start far apart.
    _ = generator.next()
    let u1 = generator.nextOpenUnit()
    let u2 = generator.nextOpenUnit()
    let radius = (-2 * Double.log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    return Point(x: radius * Double.cos(angle), y: radius * Double.sin(angle))
  }

  /// The noise vector added to the gradient of step `step` (counting from 1); zero when σ = 0.
  public func vector(step: Int) -> Point {
    guard isActive else { return .zero }
    return standardDeviation * standardNormal(step: step)
  }

  public var description: String { "σ=\(standardDeviation) seed=\(seed)" }
}
