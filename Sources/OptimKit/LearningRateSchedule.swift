import RealModule

/// A learning-rate schedule with torch.optim.lr_scheduler's semantics, scaling an optimizer's lr.
///
/// Written in an optimizer's SPEC after its hyper-parameters:
/// `adam:lr=0.1,schedule=cosine,T=200`. With t the number of scheduler steps
/// taken (torch's `last_epoch`; the loop is `optimizer.step()` then
/// `scheduler.step()`, so step t+1 of the optimizer uses the lr for t) and
/// `lr` the optimizer's base learning rate:
///
/// - `step` (StepLR; `step_size` required, `gamma` = 0.1):
///   lr·gamma^⌊t/step_size⌋.
/// - `exponential` (ExponentialLR; `gamma` required): lr·gamma^t.
/// - `cosine` (CosineAnnealingLR; `T` = T_max required, `eta_min` = 0):
///   eta_min + (lr − eta_min)·(1 + cos(π·t/T))/2. This is torch's closed
///   form (`_get_closed_form_lr`); torch's `step()` uses a recursive form
///   that equals it up to rounding. As in torch, past T the cosine rises again.
/// - `warmup-cosine` (`warmup` and `T` required, T > warmup; `start_factor` =
///   1/3, `eta_min` = 0): torch's `SequentialLR([LinearLR(start_factor,
///   total_iters=warmup), CosineAnnealingLR(T_max=T−warmup, eta_min)],
///   milestones=[warmup])`, that is lr·(start_factor + (1 − start_factor)·t/warmup)
///   for t < warmup, then the cosine above with t − warmup and T − warmup.
///   T is where lr reaches eta_min, as for `cosine`.
/// - `plateau` (ReduceLROnPlateau, mode min, threshold_mode rel, eps 1e-8;
///   `factor` = 0.1, `patience` = 10, `threshold` = 1e-4, `cooldown` = 0,
///   `min_lr` = 0): stepped with f at the point whose gradient the step used
///   (`loss = f(p); loss.backward(); opt.step(); sched.step(loss)`); after
///   more than `patience` steps without f < best·(1 − threshold), lr becomes
///   max(lr·factor, min_lr), then `cooldown` steps are ignored.
///
/// The base lr stays the optimizer's `lr`: a live change of lr changes the
/// base, and closed-form schedules follow at once; `plateau` starts again
/// from the new lr (like writing `param_group["lr"]` in torch), keeping its
/// best value and counters.
public struct LearningRateSchedule: Hashable, Sendable, CustomStringConvertible {
  /// Which of torch's schedulers.
  public enum Kind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case step
    case exponential
    case cosine
    case warmupCosine = "warmup-cosine"
    case plateau

    public var name: String { rawValue }
    public var description: String { rawValue }

    /// The settings this schedule accepts, in the order they are printed.
    public var parameters: [ScheduleParameter] {
      switch self {
      case .step: [.stepSize, .gamma]
      case .exponential: [.gamma]
      case .cosine: [.period, .minimumLearningRate]
      case .warmupCosine: [.warmup, .period, .startFactor, .minimumLearningRate]
      case .plateau:
        [.factor, .patience, .threshold, .cooldown, .plateauMinimumLearningRate]
      }
    }

    /// The settings that must be given (torch has no default for them).
    public var required: [ScheduleParameter] {
      switch self {
      case .step: [.stepSize]
      case .exponential: [.gamma]
      case .cosine: [.period]
      case .warmupCosine: [.warmup, .period]
      case .plateau: []
      }
    }

    /// torch's default for `key`, or nil when it has none or the schedule lacks `key`.
    public func defaultValue(of key: ScheduleParameter) -> Double? {
      guard parameters.contains(key), !required.contains(key) else { return nil }
      switch key {
      case .gamma: return 0.1
      case .minimumLearningRate, .cooldown, .plateauMinimumLearningRate: return 0
      case .startFactor: return 1.0 / 3
      case .factor: return 0.1
      case .patience: return 10
      case .threshold: return 1e-4
      case .stepSize, .period, .warmup: return nil
      }
    }

    /// Finds a schedule by name, ignoring case (`warmup_cosine` works too).
    public init?(name: String) {
      let key = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
      guard let kind = Kind(rawValue: key) else { return nil }
      self = kind
    }
  }

  /// ReduceLROnPlateau's `eps`: a reduction smaller than this is skipped.
  public static let plateauMinimumReduction = 1e-8

  public let kind: Kind
  /// The values given, by key; defaults fill the rest.
  private var given: [ScheduleParameter: Double]

  /// A schedule of `kind` with `values` on top of torch's defaults; throws `ScheduleError`.
  public init(kind: Kind, values: [ScheduleParameter: Double] = [:]) throws(ScheduleError) {
    self.kind = kind
    self.given = [:]
    for key in values.keys where !kind.parameters.contains(key) {
      throw ScheduleError.unknownParameter(kind, key: key.name)
    }
    for key in kind.parameters {
      guard let value = values[key] else { continue }
      guard key.accepts(value) else {
        throw ScheduleError.outOfRange(kind, key, value: value)
      }
      given[key] = value
    }
    for key in kind.required where given[key] == nil {
      throw ScheduleError.missingParameter(kind, key)
    }
    try checkCombination()
  }

  /// The value of `key`, given or default; nil when this schedule has no such setting.
  public subscript(key: ScheduleParameter) -> Double? {
    given[key] ?? kind.defaultValue(of: key)
  }

  private func value(_ key: ScheduleParameter) -> Double { self[key] ?? 0 }

  /// The settings the user gave, in print order.
  public var givenParameters: [ScheduleParameter] { kind.parameters.filter { given[$0] != nil } }

  /// Changes one setting, like assigning `scheduler.T_max` in torch; nothing changes when refused.
  public mutating func set(_ key: ScheduleParameter, to value: Double) throws(ScheduleError) {
    guard kind.parameters.contains(key) else {
      throw ScheduleError.unknownParameter(kind, key: key.name)
    }
    guard key.accepts(value) else { throw ScheduleError.outOfRange(kind, key, value: value) }
    var changed = self
    changed.given[key] = value
    try changed.checkCombination()
    self = changed
  }

  private func checkCombination() throws(ScheduleError) {
    if kind == .warmupCosine, value(.period) <= value(.warmup) {
      throw ScheduleError.periodNotAfterWarmup(period: value(.period), warmup: value(.warmup))
    }
  }

  /// The lr after `step` scheduler steps for base lr `base`; for `plateau`, `plateauRate`
  /// is the lr it has reduced to (nil: not reduced since the base was set).
  public func learningRate(base: Double, step: Int, plateauRate: Double? = nil) -> Double {
    let t = Double(step)
    switch kind {
    case .step:
      return base * Double.power(value(.gamma), (t / value(.stepSize)).rounded(.down))
    case .exponential:
      return base * Double.power(value(.gamma), t)
    case .cosine:
      return Self.cosine(
        base: base, t: t, period: value(.period), floor: value(.minimumLearningRate))
    case .warmupCosine:
      let warmup = value(.warmup)
      if t < warmup {
        let start = value(.startFactor)
        return base * (start + (1 - start) * t / warmup)
      }
      return Self.cosine(
        base: base, t: t - warmup, period: value(.period) - warmup,
        floor: value(.minimumLearningRate))
    case .plateau:
      return plateauRate ?? base
    }
  }

  /// torch's `CosineAnnealingLR._get_closed_form_lr`, in its order of operations.
  private static func cosine(base: Double, t: Double, period: Double, floor: Double) -> Double {
    floor + (base - floor) * (1 + Double.cos(Double.pi * t / period)) / 2
  }

  /// ReduceLROnPlateau's bookkeeping between steps.
  public struct PlateauState: Hashable, Sendable {
    /// The best f seen (torch's `best`), +∞ before the first step.
    public internal(set) var best: Double = .infinity
    /// Steps in a row without improvement (`num_bad_epochs`).
    public internal(set) var badSteps: Int = 0
    /// Steps left to ignore after a reduction (`cooldown_counter`).
    public internal(set) var cooldownLeft: Int = 0
    /// The lr as reduced so far; nil until the first reduction after the base was set.
    public internal(set) var rate: Double?

    public init() {}
  }

  /// One `ReduceLROnPlateau.step(metric)` for base lr `base`.
  func stepPlateau(_ state: inout PlateauState, metric: Double, base: Double) {
    guard kind == .plateau else { return }
    if metric < state.best * (1 - value(.threshold)) {
      state.best = metric
      state.badSteps = 0
    } else {
      state.badSteps += 1
    }
    if state.cooldownLeft > 0 {
      state.cooldownLeft -= 1
      state.badSteps = 0
    }
    if Double(state.badSteps) > value(.patience) {
      let old = state.rate ?? base
      let new = Swift.max(old * value(.factor), value(.plateauMinimumLearningRate))
      if old - new > Self.plateauMinimumReduction {
        state.rate = new
      }
      state.cooldownLeft = Int(value(.cooldown))
      state.badSteps = 0
    }
  }

  /// Parses the schedule part of a SPEC: the name given to `schedule=` and its settings as text.
  public init(named name: String, settings: [(key: String, value: String)]) throws(ScheduleError) {
    guard let kind = Kind(name: name) else { throw ScheduleError.unknownSchedule(name) }
    var values: [ScheduleParameter: Double] = [:]
    for (keyText, valueText) in settings {
      guard let key = ScheduleParameter(name: keyText), kind.parameters.contains(key) else {
        throw ScheduleError.unknownParameter(kind, key: keyText)
      }
      guard values[key] == nil else { throw ScheduleError.repeatedParameter(kind, key) }
      let trimmed = valueText.trimmingSpaces()
      guard let value = Double(trimmed) else {
        throw ScheduleError.malformedValue(kind, key, text: valueText)
      }
      values[key] = value
    }
    try self.init(kind: kind, values: values)
  }

  /// Parses `NAME[,KEY=VALUE...]` (`cosine,T=200`), or `none` for no schedule: what follows
  /// `schedule=` in a live edit.
  public static func parse(_ text: String) throws(ScheduleError) -> LearningRateSchedule? {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let name = items.first?.trimmingSpaces() ?? ""
    if name.lowercased() == "none" && items.count == 1 { return nil }
    var settings: [(key: String, value: String)] = []
    for item in items.dropFirst() {
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard pair.count == 2, !pair[0].isEmpty else {
        throw ScheduleError.unknownSchedule(text)
      }
      settings.append((String(pair[0]), String(pair[1])))
    }
    return try LearningRateSchedule(named: name, settings: settings)
  }

  /// `schedule=cosine,T=200`: the given settings only, as they would be typed.
  public var description: String {
    let settings = givenParameters.map { key in
      let number = value(key)
      let text =
        key.isWholeNumber && abs(number) < 1e15 ? String(Int(number)) : number.description
      return "\(key)=\(text)"
    }
    return (["schedule=\(kind)"] + settings).joined(separator: ",")
  }
}
