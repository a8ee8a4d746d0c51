/// Why a learning-rate schedule in a SPEC was refused; every case prints as one line naming the key.
public enum ScheduleError: Error, Hashable, Sendable, CustomStringConvertible {
  /// `schedule=` names no known schedule.
  case unknownSchedule(String)
  /// The schedule has no setting of this name.
  case unknownParameter(LearningRateSchedule.Kind, key: String)
  /// A required setting (torch has no default) is missing.
  case missingParameter(LearningRateSchedule.Kind, ScheduleParameter)
  /// The value is outside the setting's range.
  case outOfRange(LearningRateSchedule.Kind, ScheduleParameter, value: Double)
  /// The text is not a number.
  case malformedValue(LearningRateSchedule.Kind, ScheduleParameter, text: String)
  /// The same setting was given twice.
  case repeatedParameter(LearningRateSchedule.Kind, ScheduleParameter)
  /// warmup-cosine needs T > warmup.
  case periodNotAfterWarmup(period: Double, warmup: Double)
  /// A schedule setting was given without `schedule=`.
  case settingWithoutSchedule(String)

  /// The known schedule names, for messages and help.
  public static let known = LearningRateSchedule.Kind.allCases.map(\.name).joined(separator: "|")

  public var description: String {
    switch self {
    case .unknownSchedule(let name):
      return "unknown schedule '\(name)'; known: \(Self.known)"
    case .unknownParameter(let kind, let key):
      let known = kind.parameters.map(\.name).joined(separator: ", ")
      return "schedule=\(kind) has no setting '\(key)'; its settings: \(known)"
    case .missingParameter(let kind, let key):
      let example = kind.required.map { "\($0)=\($0 == .warmup ? 20 : 100)" }
        .joined(separator: ",")
      return "schedule=\(kind) needs \(key) (e.g. schedule=\(kind),\(example))"
    case .outOfRange(let kind, let key, let value):
      return "schedule=\(kind): \(key) must be \(key.allowed), got \(value)"
    case .malformedValue(let kind, let key, let text):
      return "schedule=\(kind): \(key) must be \(key.allowed), got '\(text)'"
    case .repeatedParameter(let kind, let key):
      return "schedule=\(kind): \(key) is given more than once"
    case .periodNotAfterWarmup(let period, let warmup):
      return
        "schedule=warmup-cosine: T must be greater than warmup, got T=\(Int(period)), "
        + "warmup=\(Int(warmup))"
    case .settingWithoutSchedule(let key):
      return "'\(key)' is a schedule setting; add schedule=\(Self.known)"
    }
  }
}
