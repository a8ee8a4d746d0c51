import App
import FoundationEssentials
import Plot
import Plugins
import Terminal

/// The race as a program of the one loop (`ProgramLoop`): the live program on a terminal,
/// and headless `record` on a `HeadlessBackend`.
///
/// Nothing clever lives here: the behaviour is in `App.update`, the drawing in
/// `App.view`, recording in `App.Session`. This program turns events into
/// messages, sends them through the session, and turns the session's effects
/// into the loop's: file writes and plug-in steps become jobs whose outcomes
/// come back as messages (`Message.done`, `Input.plugin`), so the loop
/// never blocks on them and a recording holds every change they made. The
/// trajectories (`--trace`) are the session's recorder's too.
struct LiveRace {
  /// The running program.
  private(set) var session: Session
  /// The plug-in racers (nil without any).
  let plugins: PluginRacers?
  /// The recording asked for at the start (`--record`, headless `record`), its file open.
  var recording: RecordingRequest?
  /// The format `R` records in.
  var format: RecordingFormat = .text
  /// Lines for standard error once the terminal is restored (where recordings went).
  private(set) var notes: [String] = []
  /// Seconds since the start, by the loop's clock (for a recording's frame times).
  var clock: () -> Double = { 0 }
  /// Headless `record`: how many frames to record (the start included); the program
  /// then ticks even when the race is idle, and quits after the last frame.
  var frameLimit: Int?
  /// Why the trajectories stopped, when `frameLimit` is set (headless `record` fails then
  /// rather than go on without them).
  private(set) var traceFailure: String?
  /// Clock ticks sent so far.
  private var ticks = 0
  /// Whether the trajectories' failure is already reported (it is reported once).
  private var reportedTraceFailure = false
  /// Whether the recording's frame 0 is already written (headless `record` starts it):
  /// the first view shows the screen without recording it again.
  var startsRecorded = false
  /// The map as an image (`--graphics`), drawn by the terminal backend; told each
  /// frame's model here. Nil for the text map.
  var graphics: LiveMapImage?
  /// Why an asked-for `--graphics` is not used, for the message line at the start.
  var graphicsNotice: String?

  /// A recording to start with the program: its file, format and optional trajectory file.
  struct RecordingRequest {
    var sink: FileSink
    var format: RecordingFormat
    var trace: FileSink?
  }

  /// What the race acts on.
  enum Input {
    /// A message for `update` (a key, a click, a tick, a resize, a notice).
    case app(Msg)
    /// A plug-in's answer to a step.
    case plugin(PluginRacers.Answer)
    /// `R`'s new file is open (or could not be).
    case recordingOpened(Result<FileSink, any Error>)
    /// A job is done; the message to send, if any (`P` with no figure to save has none).
    case done(Msg?)
  }

  /// A race of `session` with the plug-ins `optimizers` (started), which race after its
  /// built-in racers.
  init(session: Session, plugins optimizers: [PluginOptimizer] = []) {
    var session = session
    plugins = optimizers.isEmpty ? nil : PluginRacers(optimizers, session: &session)
    self.session = session
  }

  /// Ends the recordings and says where they went; closes the plug-ins' helpers.
  mutating func finish() {
    let tracing = session.recorder?.isTracing == true
    if let stopped = session.stopRecording() {
      if stopped.failure == nil {
        notes.append("recorded \(stopped.frameCount) frames to \(stopped.file)")
      }
      if tracing, stopped.traceFailure == nil, let file = stopped.traceFile {
        notes.append("wrote trajectories to \(file)")
      }
    }
    plugins?.stop()
  }

  /// Starts the recording asked for at the start (`--record`).
  private mutating func startRequestedRecording() {
    guard let recording else { return }
    let recorder = Recorder(
      file: recording.sink.path, format: recording.format, sink: recording.sink,
      trace: recording.trace.map { ($0.path, $0) })
    guard session.startRecording(recorder, time: clock(), timestamp: Self.timestamp()) else {
      recording.trace?.discard()
      return
    }
    _ = checkTrace()
    // Frame 0 is whole: the recording (and the trace) now replace what was there.
    commit(recording.sink)
    guard let trace = recording.trace else { return }
    guard session.recorder?.isTracing == true else {
      // Stopped before it began: its file stays as it was.
      trace.discard()
      return
    }
    do {
      try trace.commit()
    } catch {
      trace.discard()
      session.stopTracing()
      _ = session.send(.notice(Message("trajectories stopped: \(error)", isError: true)))
    }
  }

  /// Sends one message through the session, with the trajectories and plug-ins that follow
  /// the race; returns the loop's effects.
  private mutating func send(_ message: Msg) -> [ProgramEffect<Input>] {
    let before = plugins == nil ? nil : session.model.race
    let effects = session.send(message)
    if let before, let plugins { plugins.restartIfNeeded(before: before, &session) }
    if !checkTrace() { return [.quit] }
    var loop: [ProgramEffect<Input>] = []
    for effect in effects {
      switch effect {
      case .quit:
        return [.quit]
      case .startRecording:
        let format = self.format
        loop.append(
          .run(
            .now {
              .recordingOpened(
                Result {
                  try FileSink.openNew(
                    stem: FileSink.timestampedStem("optiscope"), extension: format.fileExtension)
                })
            }))
      case .editPlugin(let index, let key, let value):
        plugins?.edit(racer: index, key: key, value: value, &session)
      case .stopRecording:
        if let stopped = session.stopRecording(), stopped.failure == nil {
          notes.append("recorded \(stopped.frameCount) frames to \(stopped.file)")
        }
      case .saveScene(let text):
        loop.append(.run(.now { .done(Self.save(scene: text)) }))
      case .saveImage:
        let session = self.session
        loop.append(.run(.now { .done(Self.saveImage(in: session)) }))
      case .liveChange:
        break
      }
    }
    return loop
  }

  /// The jobs that ask the plug-ins for the steps they lag behind.
  private mutating func pluginSteps() -> [ProgramEffect<Input>] {
    guard let plugins else { return [] }
    return plugins.requests(&session).map { job in
      .run(Job(patience: job.patience) { timeout in job.poll(timeout).map(Input.plugin) })
    }
  }

  /// `R`: records from now into the new file.
  private mutating func startRecording(into sink: FileSink) {
    let recorder = Recorder(file: sink.path, format: format, sink: sink)
    if session.startRecording(recorder, time: clock(), timestamp: Self.timestamp()) {
      commit(sink)
    }
  }

  /// `S`: writes the scene into a new file named after the date and time; the message that
  /// says where.
  private static func save(scene text: String) -> Msg {
    do {
      let sink = try FileSink.openNew(
        stem: FileSink.timestampedStem("optiscope-scene"), extension: "txt")
      defer { sink.discard() }
      try sink.write(Array(text.utf8))
      try sink.commit()
      return .notice(Message("scene saved to \(sink.path)"))
    } catch {
      return .notice(Message("cannot save the scene: \(error)", isError: true))
    }
  }

  /// Puts a recording's file in place once its first frame is written (`FileSink.commit`);
  /// when that fails, stops the recording, leaves the old file as it was and says why.
  private mutating func commit(_ sink: FileSink) {
    do {
      try sink.commit()
    } catch {
      _ = session.stopRecording()
      sink.discard()
      _ = session.send(.recordingStopped(Message("cannot record: \(error)", isError: true)))
    }
  }

  /// Reports trajectories whose write just failed: on screen, or, headless, in
  /// `traceFailure` (for `record` to discard with the recording); false when the program
  /// should stop then.
  private mutating func checkTrace() -> Bool {
    guard let recorder = session.recorder, let reason = recorder.traceFailure,
      let file = recorder.traceFile, !reportedTraceFailure
    else { return true }
    reportedTraceFailure = true
    if frameLimit != nil {
      traceFailure = "cannot write --trace '\(file)': \(reason)"
      return false
    }
    _ = session.send(
      .notice(
        Message("trajectories stopped: cannot write \(file): \(reason)", isError: true)))
    return true
  }

  /// Puts back the session after the caller changed it outside the loop (headless `record`
  /// starts its recording itself, to refuse a file it cannot write before any frame).
  mutating func replaceSession(_ session: Session) { self.session = session }

  /// Seconds since 1970, for a cast's header.
  static func timestamp() -> Int { Int(Date().timeIntervalSince1970) }
}

extension LiveRace: Program {
  func message(for event: TerminalEvent) -> Input? {
    switch event {
    case .character(let character): return .app(.key(.character(character)))
    case .key(let key): return Key(key).map { .app(.key($0)) }
    case .interrupt: return .app(.key(.interrupt))
    case .mouseClick(let column, let row): return .app(.click(column: column, row: row))
    case .mouseMove(let column, let row): return .app(.pointer(column: column, row: row))
    case .resize(let width, let height): return .app(.resize(width: width, height: height))
    case .timeout, .signal, .endOfInput: return nil
    }
  }

  var tick: Input { .app(.tick) }

  /// One frame at the scene's rate while the race runs; idle when paused or finished
  /// (headless `record` ticks on: every frame is recorded).
  var tickInterval: Duration? {
    session.isIdle && frameLimit == nil ? nil : .seconds(1) / session.model.framesPerSecond
  }

  mutating func start() -> [ProgramEffect<Input>] {
    startRequestedRecording()
    // After the recording's own line, so that this one shows (and is recorded).
    if let graphicsNotice { _ = session.send(.notice(Message(graphicsNotice, isError: true))) }
    return pluginSteps()
  }

  mutating func update(_ message: Input) -> [ProgramEffect<Input>] {
    switch message {
    case .app(.tick) where frameLimit != nil:
      // Headless: the last frame is drawn; a failed write ends the recording early.
      guard let limit = frameLimit, ticks + 1 < limit, session.recorder != nil else {
        return [.quit]
      }
      ticks += 1
      return send(.tick) + pluginSteps()
    case .app(let msg):
      return send(msg) + pluginSteps()
    case .plugin(let answer):
      plugins?.receive(answer, &session)
      return pluginSteps()
    case .recordingOpened(.success(let sink)):
      startRecording(into: sink)
      return []
    case .recordingOpened(.failure(let error)):
      return send(.notice(Message("cannot record: \(error)", isError: true)))
    case .done(let msg):
      guard let msg else { return [] }
      return send(msg) + pluginSteps()
    }
  }

  mutating func view(time: Double) -> Canvas {
    // What the frame shows of the plug-ins, noted first, so a replay reruns them to it.
    if let plugins {
      plugins.refreshState(&session)
      plugins.noteSteps(&session)
    }
    if let failure = graphics?.takeFailure() {
      _ = session.send(.notice(Message(failure, isError: true)))
    }
    graphics?.model = session.model
    if startsRecorded {
      startsRecorded = false
      return App.view(session.model, basins: session.basins)
    }
    return session.frame(time: time)
  }
}

extension Key {
  /// The App's name for a terminal key; nil for keys the program does not use.
  // duplicates: a one-to-one key mapping, alike in shape to its neighbour only.
  init?(_ key: TerminalEvent.Key) {
    switch key {
    case .up: self = .up
    case .down: self = .down
    case .left: self = .left
    case .right: self = .right
    case .tab: self = .tab
    case .backTab: self = .backTab
    case .escape: self = .escape
    case .enter: self = .enter
    case .backspace: self = .backspace
    case .delete: self = .delete
    case .home: self = .home
    case .end: self = .end
    case .control(let letter): self = .control(letter)
    case .pageUp, .pageDown: return nil
    }
  }
}
