import OptimKit

/// One entry of a recording after its header: an input, a run of clock ticks, a live
/// change, or a frame.
///
/// Replaying the inputs and ticks in order through `update` rebuilds every
/// frame exactly; the change lines are for people (and are checked too).
public enum LogEvent: Hashable, Sendable {
  /// `> …`: a message sent to `update` (a key, a click, a resize, a report from the run loop).
  case input(Msg)
  /// `> ticks N`: N clock ticks with no frame recorded between them.
  case ticks(Int)
  /// `@ step N description`: a live change that took effect before step N.
  case change(step: Int, description: String)
  /// `--- frame N step S` and the screen's rows.
  case frame(LogFrame)
  /// `@ plug-in steps A B …`: the plug-in racers (in race order) have now taken A, B, …
  /// steps. A plug-in answers in its own time, so a live race shows whichever steps had
  /// come; these lines let `replay --verify` rerun the plug-ins to exactly those steps.
  case pluginSteps([Int])
  /// `@ plug-in edit R KEY=VALUE at S`: a key's edit reached the plug-in of racer R
  /// (0-based, in the race) when it had taken S steps.
  case pluginEdit(racer: Int, key: Hyperparameter, value: Double, step: Int)
  /// `@ plug-in failed R at S`: the plug-in of racer R failed (raised, timed out) after S
  /// steps; a replay's rerun must fail there too.
  case pluginFailed(racer: Int, step: Int)

  /// The event's lines as written to a log, each ending in "\n" (a run of more than
  /// `RecordingLog.maximumTicks` ticks takes several lines).
  public var text: String {
    switch self {
    case .input(let message):
      guard let body = message.logText else { return "> ticks 1\n" }
      return "> " + body + "\n"
    case .ticks(let count):
      // A reader takes at most `maximumTicks` per line: a longer run is split.
      var text = ""
      var left = count
      repeat {
        text += "> ticks \(min(left, RecordingLog.maximumTicks))\n"
        left -= RecordingLog.maximumTicks
      } while left > 0
      return text
    case .change(let step, let description):
      return "@ step \(step) " + LogText.oneLine(description) + "\n"
    case .frame(let frame):
      var text = frame.separator + "\n"
      for row in frame.rows { text += LogText.oneLine(row) + "\n" }
      return text
    case .pluginSteps(let steps):
      return "@ plug-in steps" + steps.map { " \($0)" }.joined() + "\n"
    case .pluginEdit(let racer, let key, let value, let step):
      return "@ plug-in edit \(racer) \(key.rawValue)=\(value) at \(step)\n"
    case .pluginFailed(let racer, let step):
      return "@ plug-in failed \(racer) at \(step)\n"
    }
  }
}
