/// Re-simulates a recording from its header and inputs and compares every frame with the log.
///
/// Recordings are deterministic (the race is exact arithmetic, gradient noise
/// is seeded, and every input went through `update`), so a log whose frames
/// do not come out identical was edited, damaged, or written by a program
/// that draws differently.
public enum LogVerifier {
  /// The outcome of a check.
  public enum Outcome: Hashable, Sendable {
    /// Every frame (this many) came out identical.
    case identical(frames: Int)
    /// The first difference found, in one line, and the two versions when it is a row.
    case mismatch(Mismatch)
  }

  /// Where a re-simulated recording first differs from its log.
  public struct Mismatch: Hashable, Sendable, CustomStringConvertible {
    /// What differs, in one line (`frame 12 (step 48), row 7 differs`).
    public var summary: String
    /// The logged text, when a row or line differs.
    public var logged: String?
    /// The re-simulated text.
    public var replayed: String?

    public var description: String {
      var text = summary
      if let logged { text += "\n  log:    " + logged }
      if let replayed { text += "\n  replay: " + replayed }
      return text
    }
  }

  /// Checks every frame and change line of `log`; throws when its header cannot be replayed.
  public static func verify(_ log: RecordingLog) throws(SceneOptions.Problem) -> Outcome {
    var session = try Session(log: log.header)
    var producedChanges: [LogEvent] = []
    var loggedChanges: [LogEvent] = []
    var framesSeen = 0
    var expectedNumber = 0
    for (position, event) in log.events.enumerated() {
      switch event {
      case .input(let message):
        let effects = session.send(message)
        if framesSeen > 0 {
          producedChanges += effects.compactMap { effect in
            if case .liveChange(let step, let description) = effect {
              return .change(step: step, description: LogText.oneLine(description))
            }
            return nil
          }
        }
      case .ticks(let count):
        if let mismatch = tick(&session, times: count, before: log.events[(position + 1)...]) {
          return .mismatch(mismatch)
        }
      case .change:
        if framesSeen > 0 { loggedChanges.append(event) }
      case .frame(let frame):
        if frame.followsTick { _ = session.send(.tick) }
        let where_ = "frame \(frame.number) (step \(frame.step))"
        if let mismatch = compare(loggedChanges, producedChanges, before: where_) {
          return .mismatch(mismatch)
        }
        loggedChanges = []
        producedChanges = []
        guard frame.number == expectedNumber else {
          return .mismatch(
            Mismatch(
              summary: "frame \(frame.number) is out of order: expected frame \(expectedNumber)"))
        }
        expectedNumber += 1
        let model = session.model
        guard frame.step == model.race.stepCount else {
          return .mismatch(
            Mismatch(
              summary:
                "\(where_): the replay is at step \(model.race.stepCount), the log says \(frame.step)"
            ))
        }
        let rows = view(model).lines.map(LogText.oneLine)
        if let mismatch = compare(frame.rows, rows, at: where_) { return .mismatch(mismatch) }
        framesSeen += 1
      }
    }
    if let mismatch = compare(loggedChanges, producedChanges, before: "the end") {
      return .mismatch(mismatch)
    }
    return .identical(frames: framesSeen)
  }

  /// Sends a logged run of `count` clock ticks, checking its plausibility as it goes:
  /// returns a mismatch as soon as the run is seen to be wrong.
  ///
  /// A crafted `> ticks 1000000000` must not keep a check busy for hours, so
  /// the run stops at the first tick that would change nothing (the race paused,
  /// finished or waiting for typed input, and no basins being computed: the
  /// remaining ticks would change nothing either), and when a frame follows the
  /// run directly, the run fails the moment the race passes that frame's step
  /// (steps only go up until an input restarts the race).
  private static func tick(
    _ session: inout Session, times count: Int, before rest: ArraySlice<LogEvent>
  ) -> Mismatch? {
    var limit: (step: Int, frame: LogFrame)?
    if case .frame(let frame) = rest.first { limit = (frame.step, frame) }
    for done in 0..<count {
      let model = session.model
      guard (model.isRacing && model.input == nil) || model.isComputingBasins else { break }
      _ = session.send(.tick)
      if let limit, session.model.race.stepCount > limit.step {
        return Mismatch(
          summary:
            "'> ticks \(count)' before frame \(limit.frame.number) (step \(limit.step)): "
            + "the replay is at step \(session.model.race.stepCount) after \(done + 1) ticks")
      }
    }
    return nil
  }

  /// The first differing row of a frame.
  private static func compare(_ logged: [String], _ replayed: [String], at where_: String)
    -> Mismatch?
  {
    guard logged.count == replayed.count else {
      return Mismatch(
        summary: "\(where_): the log has \(logged.count) rows, the replay \(replayed.count)")
    }
    for (index, pair) in zip(logged, replayed).enumerated() where pair.0 != pair.1 {
      let column = zip(pair.0, pair.1).prefix { $0 == $1 }.count
      return Mismatch(
        summary: "\(where_), row \(index + 1) differs from column \(column + 1)",
        logged: pair.0, replayed: pair.1)
    }
    return nil
  }

  /// The first difference between the logged and the re-simulated change lines.
  private static func compare(_ logged: [LogEvent], _ replayed: [LogEvent], before where_: String)
    -> Mismatch?
  {
    guard logged != replayed else { return nil }
    let text = { (events: [LogEvent]) in
      events.map { String($0.text.dropLast()) }.joined(separator: " | ")
    }
    return Mismatch(
      summary: "the live changes before \(where_) differ", logged: text(logged),
      replayed: text(replayed))
  }
}
