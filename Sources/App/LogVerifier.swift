import Plot

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

    /// The most characters shown of a row: a frame is at most 2000 columns wide.
    static let rowLimit = 2000

    /// The summary, then the two versions on lines of their own, each shown through
    /// `DisplayText`: the logged row comes from a file, which may hold escape codes.
    public var description: String {
      var text = DisplayText(summary, limit: Self.rowLimit).description
      if let logged {
        text += "\n  log:    " + DisplayText(logged, limit: Self.rowLimit).description
      }
      if let replayed {
        text += "\n  replay: " + DisplayText(replayed, limit: Self.rowLimit).description
      }
      return text
    }
  }

  /// Checks every frame and change line of `log`; throws when its header cannot be replayed.
  /// `maximumSteps` bounds the race steps logged ticks take between two frames; `themes`
  /// finds the theme the header names (the runtime's catalog; the built-in one alone by
  /// default).
  ///
  /// A log whose header names plug-ins (`plugin = SPEC`) needs `plugins`, which
  /// adds them to the session and reruns them (see `PluginReplay`).
  public static func verify(
    _ log: RecordingLog, maximumSteps: Int = maximumStepsBetweenFrames,
    themes: ThemeLookup = ThemeChoice.builtInOnly,
    plugins: ((inout Session) throws(SceneOptions.Problem) -> any PluginReplay)? = nil
  ) throws(SceneOptions.Problem) -> Outcome {
    var session = try Session(log: log.header, formatVersion: log.formatVersion, themes: themes)
    var replay: (any PluginReplay)?
    if !log.header.plugins.isEmpty {
      guard let plugins else {
        throw SceneOptions.Problem(
          description: "its header names plug-ins, which only the optiscope command reruns")
      }
      replay = try plugins(&session)
    }
    var producedChanges: [LogEvent] = []
    var loggedChanges: [LogEvent] = []
    var framesSeen = 0
    var expectedNumber = 0
    // Race steps taken by logged ticks since the last frame, and whether a restart
    // before the next frame was found (see `tick`).
    var stepsTicked = 0
    var checkedRestart = false
    for (position, event) in log.events.enumerated() {
      switch event {
      case .input(let message):
        let before = replay == nil ? nil : session.model.race
        let effects = session.send(message)
        if let before { replay?.afterInput(before: before, in: &session) }
        if framesSeen > 0 {
          producedChanges += effects.compactMap { effect in
            if case .liveChange(let step, let description) = effect {
              return .change(step: step, description: LogText.oneLine(description))
            }
            return nil
          }
        }
      case .ticks(let count):
        if let mismatch = tick(
          &session, times: count, before: log.events[(position + 1)...], taken: &stepsTicked,
          maximum: maximumSteps, checkedRestart: &checkedRestart)
        {
          return .mismatch(mismatch)
        }
      case .change:
        if framesSeen > 0 { loggedChanges.append(event) }
      case .pluginSteps(let steps):
        guard let replay else { return .mismatch(Self.pluginLine(event)) }
        replay.reach(steps, in: &session)
      case .pluginEdit(let racer, let key, let value, let step):
        guard let replay else { return .mismatch(Self.pluginLine(event)) }
        replay.edit(racer: racer, key: key, value: value, at: step, in: &session)
      case .pluginFailed(let racer, let step):
        guard let replay else { return .mismatch(Self.pluginLine(event)) }
        if let problem = replay.fail(racer: racer, at: step, in: &session) {
          return .mismatch(Mismatch(summary: problem))
        }
      case .frame(let frame):
        stepsTicked = 0
        checkedRestart = false
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
        let rows = view(model, basins: session.basins).lines.map(LogText.oneLine)
        if let mismatch = compare(frame.rows, rows, at: where_) { return .mismatch(mismatch) }
        framesSeen += 1
      }
    }
    if let mismatch = compare(loggedChanges, producedChanges, before: "the end") {
      return .mismatch(mismatch)
    }
    return .identical(frames: framesSeen)
  }

  /// The most race steps that logged ticks may take between two frames (or before frame
  /// 0): a recording writes a frame whenever the screen changes, and the step count is on
  /// the screen, so only the inputs before a recording started with `R` come near this
  /// (a million steps are three hours of racing at 20 frames a second and 4 steps a
  /// frame); it bounds the time a check takes.
  public static let maximumStepsBetweenFrames = 1_000_000

  /// Sends a logged run of `count` clock ticks, checking its plausibility as it goes:
  /// returns a mismatch as soon as the run is seen to be wrong.
  ///
  /// A crafted `> ticks 1000000` must not keep a check busy for hours, so the
  /// run stops at the first tick that would change nothing (the race paused,
  /// finished or waiting for typed input, and no basins being computed: the
  /// remaining ticks would change nothing either); it fails the moment the race
  /// passes the next frame's step unless one of the inputs before that frame
  /// restarts the race (steps only go up otherwise, so more ticks cannot help);
  /// and the ticks since the last frame (`taken`, in race steps) may take at
  /// most `maximum` steps. Ticks after the last frame and
  /// the last input are not simulated at all. `checkedRestart` says whether the
  /// restart was already found for this frame.
  private static func tick(
    _ session: inout Session, times count: Int, before rest: ArraySlice<LogEvent>,
    taken: inout Int, maximum: Int, checkedRestart: inout Bool
  ) -> Mismatch? {
    var inputs: [Msg] = []
    var next: LogFrame?
    lookahead: for event in rest {
      switch event {
      case .frame(let frame):
        next = frame
        break lookahead
      case .input(let message): inputs.append(message)
      case .ticks, .change, .pluginSteps, .pluginEdit, .pluginFailed: continue
      }
    }
    // After the last frame and the last input, ticks change nothing that is compared.
    if next == nil, inputs.isEmpty { return nil }
    let run =
      next.map { "'> ticks \(count)' before frame \($0.number) (step \($0.step))" }
      ?? "'> ticks \(count)' after the last frame"
    for done in 0..<count {
      let model = session.model
      guard (model.isRacing && model.input == nil) || session.basins.isComputing else { break }
      let before = model.race.stepCount
      _ = session.send(.tick)
      let step = session.model.race.stepCount
      taken += max(0, step - before)
      guard taken <= maximum else {
        return Mismatch(
          summary:
            "\(run): the ticks since the last frame take "
            + "more than \(maximum) race steps, more than a recording holds")
      }
      guard let next, step > next.step, !checkedRestart else { continue }
      // Past the frame's step: only an input that restarts the race can bring it back.
      var trial = session
      for input in inputs { _ = trial.send(input) }
      guard trial.model.race.stepCount <= next.step else {
        return Mismatch(
          summary: "\(run): the replay is at step \(step) after \(done + 1) ticks")
      }
      checkedRestart = true
    }
    return nil
  }

  /// The mismatch of a plug-in line in a log whose header names no plug-in.
  private static func pluginLine(_ event: LogEvent) -> Mismatch {
    Mismatch(
      summary: "'\(event.text.dropLast())' names a plug-in, but the header has no plugin line")
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
