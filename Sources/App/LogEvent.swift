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
    }
  }
}
