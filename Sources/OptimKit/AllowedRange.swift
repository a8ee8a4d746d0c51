/// The values torch.optim accepts for one hyper-parameter of one optimizer.
///
/// torch checks its arguments when an optimizer is built ("Invalid learning
/// rate", "Invalid beta parameter at index 0", …); optiscope applies the same
/// checks to every value, including live edits, and says which range was broken.
public enum AllowedRange: Hashable, Sendable, CustomStringConvertible {
  /// Any finite number (torch checks nothing, e.g. SGD's `dampening`).
  case anyNumber
  /// A finite number ≥ 0.
  case nonNegative
  /// A number in [0, 1): torch's betas.
  case unitIntervalExcludingOne
  /// A number in [0, 1]: Adadelta's `rho`.
  case unitInterval
  /// A finite number ≤ 0: Adafactor's `beta2_decay`.
  case nonPositive
  /// A finite number ≥ 1: Adafactor's clipping threshold `d`.
  case atLeastOne
  /// A whole number from 0 to 99: Muon's `ns_steps` (torch refuses 100 or more).
  case iterationCount
  /// One of `adjust_lr_fn`'s names, stored as its index.
  case adjustLearningRateChoice
  /// A whole number from 1 to 1,000,000: LBFGS's `max_iter` and `history_size` (torch needs ints).
  case positiveCount
  /// A whole number from 0 to 1,000,000, 0 standing for None: LBFGS's `max_eval`.
  case evaluationLimit
  /// One of `line_search_fn`'s names, stored as its index.
  case lineSearchChoice
  /// A switch: 1 (true) or 0 (false).
  case boolean

  /// Whether `value` lies in the range.
  public func contains(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    switch self {
    case .anyNumber: return true
    case .nonNegative: return value >= 0
    case .unitIntervalExcludingOne: return value >= 0 && value < 1
    case .unitInterval: return value >= 0 && value <= 1
    case .nonPositive: return value <= 0
    case .atLeastOne: return value >= 1
    case .iterationCount: return value >= 0 && value < 100 && value == value.rounded()
    case .adjustLearningRateChoice:
      return Hyperparameter.adjustLearningRateChoices.indices.contains(Int(value))
        && value == value.rounded()
    case .positiveCount: return value >= 1 && value <= 1e6 && value == value.rounded()
    case .evaluationLimit: return value >= 0 && value <= 1e6 && value == value.rounded()
    case .lineSearchChoice: return value == 0 || value == 1
    case .boolean: return value == 0 || value == 1
    }
  }

  /// The range as it reads in a message: "must be \(description)".
  public var description: String {
    switch self {
    case .anyNumber: "a finite number"
    case .nonNegative: "a finite number >= 0"
    case .unitIntervalExcludingOne: "in [0, 1)"
    case .unitInterval: "in [0, 1]"
    case .nonPositive: "a finite number <= 0"
    case .atLeastOne: "a finite number >= 1"
    case .iterationCount: "a whole number from 0 to 99"
    case .adjustLearningRateChoice:
      "one of " + Hyperparameter.adjustLearningRateChoices.joined(separator: ", ")
    case .positiveCount: "a whole number from 1 to 1000000"
    case .evaluationLimit: "a whole number from 0 (None) to 1000000"
    case .lineSearchChoice: "one of " + Hyperparameter.lineSearchChoices.joined(separator: ", ")
    case .boolean: "true or false (1 or 0)"
    }
  }
}
