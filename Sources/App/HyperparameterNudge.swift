import OptimKit

/// One key press's worth of change to a hyper-parameter: geometric, so every press counts.
///
/// The learning rate is multiplied or divided by √2 (two presses double it),
/// which moves as easily from 1e-4 to 2e-4 as from 0.1 to 0.2. Betas and
/// momentum live just below 1, where what matters is the distance 1 − β (the
/// averaging horizon 1/(1 − β)), so a press halves or doubles that distance:
/// 0.9 → 0.95 → 0.975 going up, 0.9 → 0.8 → 0.6 → 0.2 → 0 going down.
public struct HyperparameterNudge: Hashable, Sendable {
  /// The factor `+` multiplies and `-` divides the learning rate by.
  public static let learningRateFactor = 2.0.squareRoot()
  /// How the factor reads on screen.
  public static let learningRateFactorText = "×√2"

  public var key: Hyperparameter
  /// Up: larger learning rate, or β closer to 1.
  public var isUp: Bool

  public init(_ key: Hyperparameter, up isUp: Bool) {
    self.key = key
    self.isUp = isUp
  }

  /// The learning rates keys move between: wide enough for any function here, and
  /// far from the doubles' ends, so that ×√2 always moves it back (holding `-` once
  /// drove lr to 4.94e-324, where `+` could no longer change it).
  public static let learningRateRange = 1e-8...1e4
  /// The closest to 1 keys bring a beta or momentum (1 − 1e-6, an averaging horizon
  /// of a million steps), where halving and doubling 1 − β are still exact enough.
  public static let largestBeta = 1 - 1e-6

  /// The value after one press, or nil when it cannot move further that way.
  ///
  /// A press stops at the end of the range; a value set outside it (on the command
  /// line or in a scene) moves toward it geometrically and is not moved further out.
  public func apply(to value: Double) -> Double? {
    guard value.isFinite else { return nil }
    let moved: Double
    if key == .learningRate {
      let range = Self.learningRateRange
      // Zero has no geometric neighbour: going up starts from a small rate.
      if value == 0 { return isUp ? 1e-4 : nil }
      moved =
        isUp
        ? min(value * Self.learningRateFactor, max(value, range.upperBound))
        : max(value / Self.learningRateFactor, min(value, range.lowerBound))
    } else {
      let distance = 1 - value
      moved =
        isUp
        ? min(1 - distance / 2, max(value, Self.largestBeta))
        : max(0, 1 - distance * 2)
    }
    guard moved.isFinite, moved != value, moved < 1 || key == .learningRate else { return nil }
    return moved
  }

  /// Why a press cannot move a value further ("lr is at the smallest keys set, 1e-08").
  public var limitText: String {
    if key == .learningRate {
      let bound = isUp ? Self.learningRateRange.upperBound : Self.learningRateRange.lowerBound
      return "\(key) is at the \(isUp ? "largest" : "smallest") keys set, "
        + CNumberText.format("%g", bound)
    }
    return isUp
      ? "\(key) is as close to 1 as keys set, " + CNumberText.format("%.7g", Self.largestBeta)
      : "\(key) is already 0"
  }
}
