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

  /// How one press moves a setting, by what the setting means.
  enum Scale: Equatable {
    /// ×√2 / ÷√2 within `learningRateRange` (lr).
    case learningRate
    /// 1 − β halves / doubles, from 0 up to `largestBeta` (betas, momentum, RMSprop's alpha).
    case towardOne
    /// A factor in (0, 1): up halves the distance to 1, down halves the value (Rprop's etaminus).
    case fraction
    /// A factor above 1: the excess over 1 doubles / halves (Rprop's etaplus).
    case excessOverOne
    /// × / ÷ a factor, never reaching 0 (step-size bounds, lambd, t0, eps).
    case geometric(Double)
    /// ± a step, within a range (ASGD's alpha, Adafactor's beta2_decay).
    case linear(Double, ClosedRange<Double>)
    /// A whole number doubled / halved, at least 1 (history_size, max_iter).
    case doubling
    /// A whole number ± 1 within a range (Muon's ns_steps).
    case byOne(ClosedRange<Double>)
  }

  /// The settings of `kind` that `<` `>` move (after `k` chooses one), in torch's order; lr,
  /// the betas and momentum have their own keys.
  public static func tunableKeys(of kind: OptimizerKind) -> [Hyperparameter] {
    switch kind {
    case .rprop: [.etaMinus, .etaPlus, .stepSizeMinimum, .stepSizeMaximum]
    case .asgd: [.lambd, .alpha, .t0]
    case .lbfgs: [.maxIter, .historySize]
    case .adafactor: [.beta2Decay, .eps1, .eps2]
    case .muon: [.newtonSchulzSteps]
    default: []
    }
  }

  /// How a press moves `key` of `kind` (nil: a plug-in's setting, moved by its name alone).
  static func scale(of key: Hyperparameter, kind: OptimizerKind?) -> Scale {
    switch key {
    case .learningRate: .learningRate
    case .etaMinus: .fraction
    case .etaPlus: .excessOverOne
    case .stepSizeMaximum: .geometric(2)
    case .stepSizeMinimum, .lambd, .t0, .eps1, .eps2, .epsilon: .geometric(10)
    case .alpha where kind == .asgd: .linear(0.125, 0...4)
    case .beta2Decay: .linear(0.1, -4...0)
    case .maxIter, .historySize: .doubling
    case .newtonSchulzSteps: .byOne(0...99)
    default: .towardOne
    }
  }

  /// The value after one press, or nil when it cannot move further that way.
  ///
  /// A press stops at the end of the range; a value set outside it (on the command
  /// line or in a scene) moves toward it geometrically and is not moved further out.
  /// `kind` tells settings that share a name apart (RMSprop's alpha is a decay
  /// toward 1, ASGD's an exponent).
  public func apply(to value: Double, kind: OptimizerKind? = nil) -> Double? {
    guard value.isFinite else { return nil }
    let moved: Double
    switch Self.scale(of: key, kind: kind) {
    case .learningRate:
      let range = Self.learningRateRange
      // Zero has no geometric neighbour: going up starts from a small rate.
      if value == 0 { return isUp ? 1e-4 : nil }
      moved =
        isUp
        ? min(value * Self.learningRateFactor, max(value, range.upperBound))
        : max(value / Self.learningRateFactor, min(value, range.lowerBound))
    case .towardOne:
      let distance = 1 - value
      moved =
        isUp
        ? min(1 - distance / 2, max(value, Self.largestBeta))
        : max(0, 1 - distance * 2)
      guard moved < 1 else { return nil }
    case .fraction:
      moved = isUp ? min(1 - (1 - value) / 2, max(value, Self.largestBeta)) : value / 2
      guard moved > 0, moved < 1 else { return nil }
    case .excessOverOne:
      let excess = value - 1
      moved = isUp ? 1 + excess * 2 : 1 + excess / 2
      guard moved > 1 else { return nil }
    case .geometric(let factor):
      guard value > 0 else { return nil }
      moved = isUp ? value * factor : value / factor
      guard moved > 0, moved < 1e300 else { return nil }
    case .linear(let step, let range):
      moved = isUp ? min(value + step, range.upperBound) : max(value - step, range.lowerBound)
    case .doubling:
      moved = isUp ? min(value * 2, 1e6) : max(1, (value / 2).rounded(.down))
    case .byOne(let range):
      moved = isUp ? min(value + 1, range.upperBound) : max(value - 1, range.lowerBound)
    }
    guard moved.isFinite, moved != value else { return nil }
    return moved
  }

  /// Why a press cannot move a value further ("lr is at the smallest keys set, 1e-08").
  public func limitText(kind: OptimizerKind? = nil) -> String {
    if Self.scale(of: key, kind: kind) != .towardOne, key != .learningRate {
      return "\(key) is at the \(isUp ? "largest" : "smallest") keys set"
    }
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
