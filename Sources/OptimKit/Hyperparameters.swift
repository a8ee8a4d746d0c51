/// The complete, valid settings of one optimizer: torch's defaults plus whatever was changed.
///
/// Every value stored here has passed torch's own checks, so the update rules
/// never meet a negative learning rate or a beta of 1. Switches are stored as
/// 1 or 0 so that one `set(_:to:)` serves the command line and live keys alike
/// (both reach it through `OptimizerEdit`).
public struct Hyperparameters: Hashable, Sendable, CustomStringConvertible {
  /// The optimizer these settings belong to.
  public let kind: OptimizerKind
  /// The values by `Hyperparameter.slot`, nil for keys this optimizer lacks.
  ///
  /// An array, not a dictionary: the update rules read several values every
  /// step, and hashing the keys was the largest part of a step's cost.
  private var values: [Double?]

  /// torch's defaults for `kind`.
  public init(defaultsFor kind: OptimizerKind) {
    self.kind = kind
    var values = [Double?](repeating: nil, count: Hyperparameter.allCases.count)
    for key in kind.hyperparameters {
      values[key.slot] = kind.defaultValue(of: key) ?? 0
    }
    self.values = values
  }

  /// The keys this optimizer accepts, in torch's order.
  public var keys: [Hyperparameter] { kind.hyperparameters }

  /// The current value of `key`, or nil when this optimizer has no such setting.
  public subscript(key: Hyperparameter) -> Double? { values[key.slot] }

  /// The learning rate, `lr`, which every optimizer has.
  public var learningRate: Double { value(.learningRate) }

  /// Whether the switch `key` is on (false for keys this optimizer lacks).
  public func isOn(_ key: Hyperparameter) -> Bool { value(key) != 0 }

  /// The value of `key`, 0 for keys this optimizer lacks; for the update rules.
  func value(_ key: Hyperparameter) -> Double { values[key.slot] ?? 0 }

  /// Replaces lr without checks, for the scheduled lr of one step (always finite and ≥ 0).
  mutating func overrideLearningRate(_ value: Double) {
    values[Hyperparameter.learningRate.slot] = value
  }

  /// Finds the key called `name` (torch's name, case-insensitive) among this optimizer's.
  ///
  /// The one place a hyper-parameter's name becomes a key: the edge (command line,
  /// scene files, logs) parses names with it into an `OptimizerEdit`.
  public func key(named name: String) throws(OptimizerError) -> Hyperparameter {
    guard let key = Hyperparameter(name: name), keys.contains(key) else {
      throw .unknownHyperparameter(kind, key: name)
    }
    return key
  }

  /// Sets `key` to `value` after torch's checks, leaving everything unchanged when refused;
  /// live changes come through `OptimizerSpec.edit(_:)`.
  mutating func set(_ key: Hyperparameter, to value: Double) throws(OptimizerError) {
    try set([key: value])
  }

  /// Sets several keys at once, judging cross-checks (nesterov) on the final combination.
  ///
  /// Nothing changes when any value is refused; the message names the first
  /// offending key in torch's order.
  mutating func set(_ changes: [Hyperparameter: Double]) throws(OptimizerError) {
    for key in changes.keys where kind.allowedRange(of: key) == nil {
      throw OptimizerError.unknownHyperparameter(kind, key: key.name)
    }
    var changed = values
    for key in keys {
      guard let value = changes[key], let range = kind.allowedRange(of: key) else { continue }
      guard range.contains(value) else {
        throw OptimizerError.outOfRange(kind, key, value: value, allowed: range)
      }
      changed[key.slot] = value
    }
    if [.sgd, .momentum, .nesterov].contains(kind),
      (changed[Hyperparameter.nesterov.slot] ?? 0) != 0
    {
      let momentum = changed[Hyperparameter.momentum.slot] ?? 0
      let dampening = changed[Hyperparameter.dampening.slot] ?? 0
      if momentum <= 0 || dampening != 0 {
        throw OptimizerError.nesterovNeedsMomentum(kind, momentum: momentum, dampening: dampening)
      }
    }
    if kind == .rprop {
      // torch's Rprop: `0.0 < etas[0] < 1.0 < etas[1]`.
      let minus = changed[Hyperparameter.etaMinus.slot] ?? 0
      let plus = changed[Hyperparameter.etaPlus.slot] ?? 0
      if !(0 < minus && minus < 1 && 1 < plus) {
        throw OptimizerError.etasOutOfOrder(kind, etaMinus: minus, etaPlus: plus)
      }
    }
    values = changed
  }

  /// How `value` of `key` is written back: shortest round-trip number, or true/false.
  public static func format(_ value: Double, of key: Hyperparameter) -> String {
    if key.isBoolean { return value != 0 ? "true" : "false" }
    if key == .adjustLearningRate, let index = Int(exactly: value),
      Hyperparameter.adjustLearningRateChoices.indices.contains(index)
    {
      return Hyperparameter.adjustLearningRateChoices[index]
    }
    if key == .lineSearch, let index = Int(exactly: value),
      Hyperparameter.lineSearchChoices.indices.contains(index)
    {
      return Hyperparameter.lineSearchChoices[index]
    }
    return value.description
  }

  /// Every setting as `key=value`, comma-separated, in torch's order.
  public var description: String {
    keys.map { "\($0)=\(Self.format(value($0), of: $0))" }.joined(separator: ",")
  }
}

extension Hyperparameter {
  /// The key's place among all keys (0 to 35), where `Hyperparameters` keeps its value.
  var slot: Int {
    switch self {
    case .learningRate: 0
    case .momentum: 1
    case .dampening: 2
    case .weightDecay: 3
    case .nesterov: 4
    case .learningRateDecay: 5
    case .initialAccumulatorValue: 6
    case .epsilon: 7
    case .rho: 8
    case .alpha: 9
    case .centered: 10
    case .beta1: 11
    case .beta2: 12
    case .amsgrad: 13
    case .momentumDecay: 14
    case .decoupledWeightDecay: 15
    case .damping: 16
    case .maximize: 17
    case .etaMinus: 18
    case .etaPlus: 19
    case .stepSizeMinimum: 20
    case .stepSizeMaximum: 21
    case .lambd: 22
    case .t0: 23
    case .beta2Decay: 24
    case .eps1: 25
    case .eps2: 26
    case .d: 27
    case .newtonSchulzSteps: 28
    case .adjustLearningRate: 29
    case .maxIter: 30
    case .maxEval: 31
    case .toleranceGrad: 32
    case .toleranceChange: 33
    case .historySize: 34
    case .lineSearch: 35
    }
  }
}
