import OptimKit

/// A hyper-parameter edit scheduled for a trace: `STEP:INDEX:KEY=VALUE`.
///
/// `100:2:lr=0.05` sets `lr` of the second `--optimizer` after 100 steps,
/// before step 101, the way editing a torch `param_group` mid-run does.
struct TraceChange: Equatable {
  /// Steps taken before the edit applies.
  let step: Int
  /// The optimizer to edit, 0-based (typed 1-based).
  let racer: Int
  /// torch's name of the hyper-parameter, as typed.
  let key: String
  /// The value as typed: a number, or true/false/1/0 for a switch.
  let text: String

  /// Parses `STEP:INDEX:KEY=VALUE`; checks only the shape, not the key or value.
  init(parsing text: String) throws {
    let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    let usage = "expected STEP:INDEX:KEY=VALUE, e.g. 100:1:lr=0.05"
    guard parts.count == 3 else {
      throw CommandError("bad --change '\(text)': \(usage)")
    }
    guard let step = Int(parts[0]), step >= 0 else {
      throw CommandError("bad --change '\(text)': STEP must be a whole number >= 0")
    }
    guard let index = Int(parts[1]), index >= 1 else {
      throw CommandError("bad --change '\(text)': INDEX must be a whole number >= 1")
    }
    let setting = parts[2].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    guard setting.count == 2, !setting[0].isEmpty, !setting[1].isEmpty else {
      throw CommandError("bad --change '\(text)': \(usage)")
    }
    self.step = step
    self.racer = index - 1
    self.key = String(setting[0])
    self.text = String(setting[1])
  }
}
