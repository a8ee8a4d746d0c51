/// One change to a running optimizer's settings: a hyper-parameter, a schedule setting,
/// or the whole schedule.
///
/// Every layer that forwards a live change (`Race` → `Racer` → `Optimizer` →
/// `OptimizerSpec`) takes this one typed value through one `edit(_:)`, so none of
/// them needs a string overload: names are parsed into an edit once, at the edge
/// (the command line's `--change`, a scene file, a log), by `init(key:text:for:)`.
public enum OptimizerEdit: Hashable, Sendable {
  /// Sets a hyper-parameter (torch's `param_group[key] = value`).
  case hyperparameter(Hyperparameter, Double)
  /// Changes one setting of the current schedule, keeping its clock.
  case scheduleParameter(ScheduleParameter, Double)
  /// `schedule=cosine,T=200` (or `schedule=none`, nil): a new schedule starting at t = 0.
  case schedule(LearningRateSchedule?)

  /// Parses `key=text` as typed for `spec`'s optimizer as it is when the edit applies.
  ///
  /// `key` is torch's name of a hyper-parameter (any case), a schedule setting's
  /// name, or `schedule`; `text` a number, a switch's true/false/1/0, or a schedule.
  /// The value's range is judged when the edit applies (`OptimizerSpec.edit(_:)`).
  public init(key: String, text: String, for spec: OptimizerSpec) throws(OptimizerError) {
    if key.lowercased() == "schedule" {
      do {
        self = .schedule(try LearningRateSchedule.parse(text))
      } catch {
        throw .schedule(spec.kind, error)
      }
      return
    }
    if Hyperparameter(rawValue: key.lowercased()) == nil, let setting = ScheduleParameter(name: key)
    {
      guard let schedule = spec.schedule else {
        throw .schedule(spec.kind, .settingWithoutSchedule(key))
      }
      guard let value = Double(text) else {
        throw .schedule(spec.kind, .malformedValue(schedule.kind, setting, text: text))
      }
      self = .scheduleParameter(setting, value)
      return
    }
    let hyperparameter = try spec.hyperparameters.key(named: key)
    guard let value = hyperparameter.value(parsing: text) else {
      throw .malformedValue(spec.kind, hyperparameter, text: text)
    }
    self = .hyperparameter(hyperparameter, value)
  }

}
