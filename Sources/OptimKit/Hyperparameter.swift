/// One tunable setting of an optimizer, named exactly as torch.optim names it.
///
/// The raw value is torch's keyword (`lr`, `weight_decay`, …) so specs typed on
/// the command line, live edits and messages all use the names a PyTorch user
/// already knows; torch's `betas` pair is split into `beta1` and `beta2`.
public enum Hyperparameter: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case learningRate = "lr"
  case momentum
  case dampening
  case weightDecay = "weight_decay"
  case nesterov
  case learningRateDecay = "lr_decay"
  case initialAccumulatorValue = "initial_accumulator_value"
  case epsilon = "eps"
  case rho
  case alpha
  case centered
  case beta1
  case beta2
  case amsgrad
  case momentumDecay = "momentum_decay"
  case decoupledWeightDecay = "decoupled_weight_decay"
  /// Newton's Levenberg–Marquardt damping λ, added to the Hessian's diagonal (not a torch setting).
  case damping
  /// Every torch optimizer's `maximize`: climb f instead of descending it (the gradient negated).
  case maximize
  /// Rprop's `etas` pair, split as `betas` is: the factors a step size shrinks and grows by.
  case etaMinus = "etaminus"
  case etaPlus = "etaplus"
  /// Rprop's `step_sizes` pair, split: the bounds of each coordinate's step size.
  case stepSizeMinimum = "step_size_min"
  case stepSizeMaximum = "step_size_max"
  /// ASGD's decay term λ.
  case lambd
  /// ASGD's step at which averaging starts.
  case t0
  /// Adafactor's exponent of the second-moment decay, 1 − β₂ₜ = t^beta2_decay.
  case beta2Decay = "beta2_decay"
  /// Adafactor's `eps` pair, split: the floor of the variance estimate (eps1, torch's None
  /// meaning float64's machine epsilon) and of the relative step (eps2).
  case eps1
  case eps2
  /// Adafactor's clipping threshold of the update's root mean square.
  case d
  /// Muon's number of Newton–Schulz iterations (a whole number below 100).
  case newtonSchulzSteps = "ns_steps"
  /// Muon's lr scaling by the matrix shape, one of `adjustLearningRateChoices`.
  case adjustLearningRate = "adjust_lr_fn"
  /// LBFGS's most inner iterations per `step(closure)`.
  case maxIter = "max_iter"
  /// LBFGS's most closure calls per step; 0 stands for torch's None, max_iter·5/4.
  case maxEval = "max_eval"
  /// LBFGS's first-order optimality tolerance on max |∇f|.
  case toleranceGrad = "tolerance_grad"
  /// LBFGS's tolerance on changes of f and of the parameter.
  case toleranceChange = "tolerance_change"
  /// LBFGS's number of curvature pairs (s, y) kept.
  case historySize = "history_size"
  /// LBFGS's line search, one of `lineSearchChoices` (torch's `line_search_fn`; None is "none").
  case lineSearch = "line_search_fn"

  /// The values `line_search_fn` takes, by their stored number.
  public static let lineSearchChoices = ["none", "strong_wolfe"]

  /// Finds a key by torch's name, ignoring case; `line_search` is accepted for `line_search_fn`.
  public init?(name: String) {
    let key = name.lowercased()
    if key == "line_search" {
      self = .lineSearch
    } else if let found = Hyperparameter(rawValue: key) {
      self = found
    } else {
      return nil
    }
  }

  /// The values `adjust_lr_fn` takes, by their stored number (torch's None is "original").
  public static let adjustLearningRateChoices = [
    "original", "match_rms_adamw", "spectral_unclamped",
  ]

  /// torch's keyword for this setting, e.g. `lr` or `weight_decay`.
  public var name: String { rawValue }

  public var description: String { rawValue }

  /// Whether the setting is a switch (true/false) rather than a number.
  public var isBoolean: Bool {
    switch self {
    case .nesterov, .centered, .amsgrad, .decoupledWeightDecay, .maximize: true
    default: false
    }
  }

  /// Reads a value as typed: any number, and for a switch true/false/1/0 (any case); nil otherwise.
  ///
  /// Range checks are not done here but when the value is set.
  public func value(parsing text: String) -> Double? {
    let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
    let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
    let trimmed = String(text[start..<max(start, end)])
    if self == .adjustLearningRate {
      let name = trimmed.lowercased() == "none" ? "original" : trimmed.lowercased()
      return Self.adjustLearningRateChoices.firstIndex(of: name).map(Double.init)
    }
    if self == .lineSearch {
      return Self.lineSearchChoices.firstIndex(of: trimmed.lowercased()).map(Double.init)
    }
    if isBoolean {
      switch trimmed.lowercased() {
      case "true", "1": return 1
      case "false", "0": return 0
      default: return nil
      }
    }
    return Double(trimmed)
  }
}
