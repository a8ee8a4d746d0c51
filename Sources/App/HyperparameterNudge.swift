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

  /// The value after one press, or nil when it cannot move further that way.
  public func apply(to value: Double) -> Double? {
    guard value.isFinite else { return nil }
    let moved: Double
    if key == .learningRate {
      // Zero has no geometric neighbour: going up starts from a small rate.
      if value == 0 { return isUp ? 1e-4 : nil }
      moved = isUp ? value * Self.learningRateFactor : value / Self.learningRateFactor
    } else {
      let distance = 1 - value
      moved = isUp ? 1 - distance / 2 : max(0, 1 - distance * 2)
    }
    guard moved.isFinite, moved != value, moved < 1 || key == .learningRate else { return nil }
    return moved
  }
}
