// duplicates: the per-kind hyper-parameter lists are torch's, alike in shape only.
/// Which torch.optim update rule an optimizer follows.
///
/// `momentum` and `nesterov` are torch's `SGD` with other defaults (momentum
/// 0.9, and Nesterov on for the latter), because that is what people mean by
/// those names when they race them against plain gradient descent.
///
/// Two are not in torch's core: `lion` follows the reference implementation
/// (lucidrains' `lion-pytorch`, the update of Chen et al. 2023), and `newton`
/// is damped Newton's method with exact Hessians; see `NewtonStep`.
public enum OptimizerKind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case sgd
  case momentum
  case nesterov
  case adagrad
  case adadelta
  case rmsprop
  case adam
  case adamw
  case nadam
  case radam
  case adamax
  case rprop
  case asgd
  case adafactor
  case muon
  case lbfgs
  case lion
  case newton

  /// The canonical name, as printed in specs and trace output.
  public var name: String { rawValue }

  public var description: String { rawValue }

  /// Other names users type for the same optimizer (lower case).
  public static let aliases: [String: OptimizerKind] = [
    "gd": .sgd,
    "nag": .nesterov,
    "heavy-ball": .momentum,
  ]

  /// Finds an optimizer by canonical name or alias, ignoring case.
  public init?(name: String) {
    let key = name.lowercased()
    if let kind = OptimizerKind(rawValue: key) {
      self = kind
    } else if let kind = Self.aliases[key] {
      self = kind
    } else {
      return nil
    }
  }

  /// Finds an optimizer by name, or explains which names exist and which is closest.
  public static func named(_ name: String) throws(OptimizerError) -> OptimizerKind {
    if let kind = OptimizerKind(name: name) { return kind }
    if name.lowercased() == "sparseadam" || name.lowercased() == "sparse_adam" {
      throw OptimizerError.notApplicable(
        name: name,
        reason:
          "SparseAdam needs sparse gradients (embeddings), and a 2-D function's gradient is dense",
        instead: "adam")
    }
    let candidates = allCases.map(\.name) + aliases.keys.sorted()
    let suggestion = candidates.min { a, b in
      EditDistance.between(a, name.lowercased()) < EditDistance.between(b, name.lowercased())
    }
    throw OptimizerError.unknownOptimizer(
      name: name,
      suggestion: suggestion.flatMap { EditDistance.between($0, name.lowercased()) <= 3 ? $0 : nil }
    )
  }

  /// Whether the optimizer evaluates f and ∇f at points it chooses within a step (LBFGS's
  /// `step(closure)`), so a step needs the objective itself, not one gradient.
  public var needsClosure: Bool { self == .lbfgs }

  /// How (x, y) is held unless the SPEC says otherwise: what torch accepts, a 1×2 matrix for
  /// Muon (torch's Muon refuses vectors), one 2-vector for the others.
  public var defaultShape: ParameterShape { self == .muon ? .matrix : .vector }

  /// The shapes torch accepts for this optimizer's parameters: only a matrix for Muon.
  public func accepts(_ shape: ParameterShape) -> Bool { self != .muon || shape == .matrix }

  /// Whether the update needs the Hessian of f (Newton's method).
  public var needsHessian: Bool { self == .newton }

  /// The hyper-parameters this optimizer accepts, in torch's argument order.
  ///
  /// Every optimizer of torch's also takes `maximize` (last); lion-pytorch and
  /// Newton have none.
  public var hyperparameters: [Hyperparameter] {
    switch self {
    case .lion, .newton, .muon: ownHyperparameters
    default: ownHyperparameters + [.maximize]
    }
  }

  /// The hyper-parameters before `maximize`, in torch's argument order.
  private var ownHyperparameters: [Hyperparameter] {
    switch self {
    case .sgd, .momentum, .nesterov:
      [.learningRate, .momentum, .dampening, .weightDecay, .nesterov]
    case .adagrad:
      [.learningRate, .learningRateDecay, .weightDecay, .initialAccumulatorValue, .epsilon]
    case .adadelta:
      [.learningRate, .rho, .epsilon, .weightDecay]
    case .rmsprop:
      [.learningRate, .alpha, .epsilon, .weightDecay, .momentum, .centered]
    case .adam:
      [.learningRate, .beta1, .beta2, .epsilon, .weightDecay, .amsgrad, .decoupledWeightDecay]
    case .adamw:
      [.learningRate, .beta1, .beta2, .epsilon, .weightDecay, .amsgrad]
    case .nadam:
      [
        .learningRate, .beta1, .beta2, .epsilon, .weightDecay, .momentumDecay,
        .decoupledWeightDecay,
      ]
    case .radam:
      [.learningRate, .beta1, .beta2, .epsilon, .weightDecay, .decoupledWeightDecay]
    case .adamax:
      [.learningRate, .beta1, .beta2, .epsilon, .weightDecay]
    case .rprop:
      [.learningRate, .etaMinus, .etaPlus, .stepSizeMinimum, .stepSizeMaximum]
    case .asgd:
      [.learningRate, .lambd, .alpha, .t0, .weightDecay]
    case .adafactor:
      [.learningRate, .beta2Decay, .eps1, .eps2, .d, .weightDecay]
    case .muon:
      [
        .learningRate, .weightDecay, .momentum, .nesterov, .epsilon, .newtonSchulzSteps,
        .adjustLearningRate,
      ]
    case .lbfgs:
      [
        .learningRate, .maxIter, .maxEval, .toleranceGrad, .toleranceChange, .historySize,
        .lineSearch,
      ]
    case .lion:
      [.learningRate, .beta1, .beta2, .weightDecay]
    case .newton:
      [.learningRate, .damping]
    }
  }

  /// torch's default for `key`, or nil when this optimizer has no such setting.
  public func defaultValue(of key: Hyperparameter) -> Double? {
    guard hyperparameters.contains(key) else { return nil }
    switch (self, key) {
    case (.lion, .learningRate): return 1e-4
    case (.lion, .beta2): return 0.99
    case (.newton, .learningRate): return 1
    case (.newton, .damping): return 1e-3
    case (.sgd, .learningRate), (.momentum, .learningRate), (.nesterov, .learningRate): return 1e-3
    case (.momentum, .momentum), (.nesterov, .momentum): return 0.9
    case (.nesterov, .nesterov): return 1
    case (.adagrad, .learningRate), (.rmsprop, .learningRate), (.rprop, .learningRate),
      (.asgd, .learningRate):
      return 1e-2
    case (.rprop, .etaMinus): return 0.5
    case (.rprop, .etaPlus): return 1.2
    case (.rprop, .stepSizeMinimum): return 1e-6
    case (.rprop, .stepSizeMaximum): return 50
    case (.asgd, .lambd): return 1e-4
    case (.asgd, .alpha): return 0.75
    case (.asgd, .t0): return 1e6
    case (.adafactor, .learningRate): return 1e-2
    case (.adafactor, .beta2Decay): return -0.8
    // torch's eps1=None: `torch.finfo(float64).eps`.
    case (.adafactor, .eps1): return Double.ulpOfOne
    case (.adafactor, .eps2): return 1e-3
    case (.adafactor, .d): return 1
    case (.muon, .learningRate): return 1e-3
    case (.muon, .weightDecay): return 0.1
    case (.muon, .momentum): return 0.95
    case (.muon, .nesterov): return 1
    case (.muon, .epsilon): return 1e-7
    case (.muon, .newtonSchulzSteps): return 5
    case (.lbfgs, .learningRate): return 1
    case (.lbfgs, .maxIter): return 20
    case (.lbfgs, .toleranceGrad): return 1e-7
    case (.lbfgs, .toleranceChange): return 1e-9
    case (.lbfgs, .historySize): return 100
    case (.adagrad, .epsilon): return 1e-10
    case (.adadelta, .learningRate): return 1
    case (.adadelta, .rho): return 0.9
    case (.adadelta, .epsilon): return 1e-6
    case (.rmsprop, .alpha): return 0.99
    case (.adam, .learningRate), (.adamw, .learningRate), (.radam, .learningRate): return 1e-3
    case (.nadam, .learningRate), (.adamax, .learningRate): return 2e-3
    case (.adamw, .weightDecay): return 1e-2
    case (_, .beta1): return 0.9
    case (_, .beta2): return 0.999
    case (_, .epsilon): return 1e-8
    case (.nadam, .momentumDecay): return 4e-3
    default: return 0
    }
  }

  /// The values torch accepts for `key`, or nil when this optimizer has no such setting.
  public func allowedRange(of key: Hyperparameter) -> AllowedRange? {
    guard hyperparameters.contains(key) else { return nil }
    if key.isBoolean { return .boolean }
    // lion-pytorch asserts 0 <= beta <= 1.
    if self == .lion, key == .beta1 || key == .beta2 { return .unitInterval }
    switch key {
    case .beta1, .beta2: return .unitIntervalExcludingOne
    case .beta2Decay: return .nonPositive
    case .d: return .atLeastOne
    case .newtonSchulzSteps: return .iterationCount
    case .adjustLearningRate: return .adjustLearningRateChoice
    case .maxIter, .historySize: return .positiveCount
    case .maxEval: return .evaluationLimit
    case .lineSearch: return .lineSearchChoice
    case .rho: return .unitInterval
    // torch checks neither SGD's dampening, Rprop's step sizes nor ASGD's t0; Rprop's etas
    // are checked together (see `Hyperparameters.set`).
    case .dampening, .stepSizeMinimum, .stepSizeMaximum, .t0, .etaMinus, .etaPlus:
      return .anyNumber
    default: return .nonNegative
    }
  }

}
