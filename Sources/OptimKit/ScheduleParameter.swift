/// One setting of a learning-rate schedule, named as torch.optim.lr_scheduler names it.
///
/// `T` is CosineAnnealingLR's `T_max` (both spellings are accepted); `warmup`
/// is the warm-up's `total_iters`. Names are matched ignoring case, so `t=200`
/// works too. None of these names is also an optimizer's hyper-parameter, so
/// they can share one SPEC.
public enum ScheduleParameter: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case stepSize = "step_size"
  case gamma
  case period = "T"
  case minimumLearningRate = "eta_min"
  case warmup
  case startFactor = "start_factor"
  case factor
  case patience
  case threshold
  case cooldown
  case plateauMinimumLearningRate = "min_lr"

  /// The name printed in specs and messages.
  public var name: String { rawValue }

  public var description: String { rawValue }

  /// Finds a setting by name or alias (`T_max` for `T`), ignoring case.
  public init?(name: String) {
    let key = name.lowercased()
    if key == "t_max" {
      self = .period
      return
    }
    guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == key }) else {
      return nil
    }
    self = match
  }

  /// Whether the value counts steps, and so must be a whole number.
  public var isWholeNumber: Bool {
    switch self {
    case .stepSize, .period, .warmup, .patience, .cooldown: true
    default: false
    }
  }

  /// The range a value must lie in, as it reads in "must be …".
  var allowed: String {
    switch self {
    case .stepSize, .period, .warmup: "a whole number >= 1"
    case .patience, .cooldown: "a whole number >= 0"
    case .gamma: "a finite number > 0"
    case .startFactor: "in (0, 1]"
    case .factor: "in [0, 1)"
    case .minimumLearningRate, .threshold, .plateauMinimumLearningRate: "a finite number >= 0"
    }
  }

  /// Whether `value` is acceptable for this setting (cross-checks such as T > warmup aside).
  func accepts(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    if isWholeNumber && value.rounded() != value { return false }
    switch self {
    case .stepSize, .period, .warmup: return value >= 1
    case .patience, .cooldown: return value >= 0
    case .gamma: return value > 0
    case .startFactor: return value > 0 && value <= 1
    case .factor: return value >= 0 && value < 1
    case .minimumLearningRate, .threshold, .plateauMinimumLearningRate: return value >= 0
    }
  }
}
