/// An optimizer as the user wrote it: a kind plus the hyper-parameters they chose.
///
/// Parsed from `NAME[:KEY=VALUE[,KEY=VALUE...]]`, e.g. `adam:lr=0.01,beta1=0.8`,
/// optionally with a learning-rate schedule among the keys:
/// `adam:lr=0.1,schedule=cosine,T=200` (see `LearningRateSchedule`).
/// Keeping the given keys apart from the defaults lets `description` print the
/// spec back the way it was meant (`adam:lr=0.01`), not a wall of defaults.
public struct OptimizerSpec: Hashable, Sendable, CustomStringConvertible {
  /// The update rule.
  public let kind: OptimizerKind
  /// The full settings: torch's defaults overridden by the given values; always valid.
  public private(set) var hyperparameters: Hyperparameters
  /// The keys the user gave explicitly, in torch's order.
  public private(set) var givenKeys: [Hyperparameter]
  /// The learning-rate schedule, if any; it scales `lr` step by step.
  public var schedule: LearningRateSchedule?
  /// `clip=MAX`: the gradient is clipped to norm MAX before every step, as
  /// `torch.nn.utils.clip_grad_norm_(params, MAX)` before `optimizer.step()` does; nil: not clipped.
  public var clip: Double?
  /// `shape=`: how (x, y) is held as torch parameters; `kind.defaultShape` unless given.
  public private(set) var shape: ParameterShape

  /// A spec with torch's defaults.
  public init(kind: OptimizerKind) {
    self.kind = kind
    self.hyperparameters = Hyperparameters(defaultsFor: kind)
    self.givenKeys = []
    self.schedule = nil
    self.clip = nil
    self.shape = kind.defaultShape
  }

  /// Holds (x, y) as `shape`; throws `OptimizerError.unsupportedShape` where torch refuses it.
  public mutating func setShape(_ shape: ParameterShape) throws(OptimizerError) {
    guard kind.accepts(shape) else { throw .unsupportedShape(kind, shape) }
    self.shape = shape
  }

  /// Holds the one parameter of a function of one variable, `torch.tensor([x])` (`.single`).
  ///
  /// Throws for a `shape=` the SPEC gave (there is no shape to choose) and for Muon, which
  /// torch refuses for anything but a matrix.
  public mutating func holdAsOneVariable() throws(OptimizerError) {
    guard shape == kind.defaultShape || shape == .single else {
      throw .oneVariableShape(kind, shape)
    }
    guard kind.accepts(.single) else { throw .unsupportedShape(kind, .single) }
    shape = .single
  }

  /// A spec with the given values on top of torch's defaults; throws `OptimizerError` when invalid.
  ///
  /// Values are judged together, so `nesterov:momentum=0,nesterov=false` is
  /// accepted whatever order the keys came in.
  public init(kind: OptimizerKind, values: [Hyperparameter: Double]) throws(OptimizerError) {
    self.init(kind: kind)
    try hyperparameters.set(values)
    givenKeys = kind.hyperparameters.filter { values[$0] != nil }
  }

  /// Parses `NAME[:KEY=VALUE[,KEY=VALUE...]]`; throws `OptimizerError` with a one-line reason.
  public init(parsing text: String) throws(OptimizerError) {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    guard !name.isEmpty else {
      throw OptimizerError.malformedSpec(text, reason: "missing optimizer name")
    }
    let kind = try OptimizerKind.named(name)
    var values: [Hyperparameter: Double] = [:]
    var scheduleName: String?
    var scheduleSettings: [(key: String, value: String)] = []
    var clip: Double?
    var shape: ParameterShape?
    /// clip, shape and schedule may each be given once.
    func once(_ isFirst: Bool, _ setting: String) throws(OptimizerError) {
      guard isFirst else {
        throw OptimizerError.malformedSpec(text, reason: "\(setting) is given more than once")
      }
    }
    if parts.count > 1 {
      let settings = Hyperparameters(defaultsFor: kind)
      for item in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
        let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard pair.count == 2, !pair[0].isEmpty else {
          throw OptimizerError.malformedSpec(text, reason: "'\(item)' is not KEY=VALUE")
        }
        let name = String(pair[0])
        if name.lowercased() == "clip" {
          try once(clip == nil, "clip")
          guard let value = Double(String(pair[1])), value.isFinite, value >= 0 else {
            throw OptimizerError.badClip(kind, text: String(pair[1]))
          }
          clip = value
          continue
        }
        if name.lowercased() == "shape" {
          try once(shape == nil, "shape")
          guard let value = ParameterShape(name: String(pair[1])) else {
            throw OptimizerError.badShape(kind, text: String(pair[1]))
          }
          shape = value
          continue
        }
        if name.lowercased() == "schedule" {
          try once(scheduleName == nil, "schedule")
          scheduleName = String(pair[1])
          continue
        }
        if Hyperparameter(rawValue: name.lowercased()) == nil, ScheduleParameter(name: name) != nil
        {
          scheduleSettings.append((name, String(pair[1])))
          continue
        }
        let key = try settings.key(named: name)
        guard values[key] == nil else {
          throw OptimizerError.repeatedHyperparameter(kind, key)
        }
        guard let value = key.value(parsing: String(pair[1])) else {
          throw OptimizerError.malformedValue(kind, key, text: String(pair[1]))
        }
        values[key] = value
      }
    }
    try self.init(kind: kind, values: values)
    self.clip = clip
    if let shape { try setShape(shape) }
    if let scheduleName {
      do {
        schedule = try LearningRateSchedule(named: scheduleName, settings: scheduleSettings)
      } catch {
        throw OptimizerError.schedule(kind, error)
      }
    } else if let first = scheduleSettings.first {
      throw OptimizerError.schedule(kind, .settingWithoutSchedule(first.key))
    }
  }

  /// Applies one edit, keeping a changed hyper-parameter among the given keys; nothing
  /// changes when the value is refused.
  public mutating func edit(_ edit: OptimizerEdit) throws(OptimizerError) {
    switch edit {
    case .hyperparameter(let key, let value):
      try hyperparameters.set(key, to: value)
      if !givenKeys.contains(key) {
        givenKeys = kind.hyperparameters.filter { givenKeys.contains($0) || $0 == key }
      }
    case .scheduleParameter(let key, let value):
      guard var changed = schedule else {
        throw .schedule(kind, .settingWithoutSchedule(key.name))
      }
      do {
        try changed.set(key, to: value)
      } catch {
        throw .schedule(kind, error)
      }
      schedule = changed
    case .schedule(let replacement):
      schedule = replacement
    }
  }

  /// The spec written back canonically: `adam:lr=0.01,beta1=0.8`, or just `adam`;
  /// then `clip=` and a shape other than the default (`adafactor:shape=matrix`);
  /// a schedule comes last: `adam:lr=0.1,schedule=cosine,T=200`.
  public var description: String {
    var settings = givenKeys.map { key in
      "\(key)=\(Hyperparameters.format(hyperparameters[key] ?? 0, of: key))"
    }
    if let clip { settings.append("clip=\(clip.description)") }
    if shape != kind.defaultShape, shape != .single { settings.append("shape=\(shape)") }
    if let schedule { settings.append(schedule.description) }
    guard !settings.isEmpty else { return kind.name }
    return kind.name + ":" + settings.joined(separator: ",")
  }
}
