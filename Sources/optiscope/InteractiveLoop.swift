import App
import FoundationEssentials
import Plot
import Plugins
import Terminal

/// The interactive program's loop: event → message → session (update) → view → screen
/// (and the recording).
///
/// Nothing clever lives here: the program's behaviour is in `App.update`,
/// the drawing in `App.view`, recording in `App.Session`, the terminal in
/// `Terminal`. The loop keeps time — ticks at the frame rate while running,
/// and blocks (no CPU) while paused — and carries out the effects that touch
/// files: starting and stopping recordings, saving scenes.
struct InteractiveLoop {
  let terminal: Terminal
  let scene: Scene
  /// The themes `t` cycles through and the one to start with.
  let themes: (choices: [ThemeChoice], index: Int)
  /// Draw with ASCII only (`--ascii`, or a terminal without UTF-8).
  let usesASCII: Bool
  /// How finely the map is sampled (`--cells`).
  var cells = HeatmapMode.halfBlocks
  /// The recording asked for with --record, its file already open.
  var recording: RecordingRequest?
  /// The format `R` records in.
  var format: RecordingFormat = .text
  /// The plug-in optimizers, started, that race after the built-in ones.
  var plugins: [PluginOptimizer] = []

  /// A recording to start with the program: its file, format and optional trajectory file.
  struct RecordingRequest {
    var sink: FileSink
    var format: RecordingFormat
    var trace: TraceRecorder?
  }

  /// How the program ended: by a signal (its number) or not, and what to tell the user.
  struct Outcome {
    var signal: Int32?
    /// Lines for standard error once the terminal is restored (where recordings went).
    var notes: [String] = []
  }

  /// The most waiting events read before a frame is drawn: a long paste still shows
  /// progress, and a key after it (Esc, Ctrl-C) is read within a frame or two.
  static let eventsPerFrame = 4096

  /// Runs until the user quits.
  func run() -> Outcome {
    let size = terminal.size
    var session = Session(
      scene: scene, size: ScreenSize(width: size.width, height: size.height),
      usesASCII: usesASCII, themes: themes, colorDepth: terminal.colorDepth, cells: cells)
    let clock = ContinuousClock()
    let started = clock.now
    func elapsed() -> Double {
      let (seconds, attoseconds) = started.duration(to: clock.now).components
      return Double(seconds) + Double(attoseconds) * 1e-18
    }
    var trace: TraceRecorder?
    var notes: [String] = []
    let live = LivePluginRacers(plugins, session: &session)
    // However the loop ends, each helper's stdin closes and the helper exits.
    defer { live.stop() }
    if let recording {
      let recorder = Recorder(
        file: recording.sink.path, format: recording.format, sink: recording.sink)
      if session.startRecording(recorder, time: elapsed(), timestamp: Self.timestamp()) {
        trace = recording.trace
        let race = session.model.race
        Self.attempt(&trace, in: &session) { try $0.begin(race: race) }
        // Frame 0 is whole: the recording (and the trace) now replace what was there.
        Self.commit(recording.sink, in: &session)
        if let started = trace {
          do {
            try started.commit()
          } catch {
            started.discard()
            trace = nil
            _ = session.send(.notice(Message("trajectories stopped: \(error)", isError: true)))
          }
        }
      }
    }
    let frame = Duration.seconds(1) / session.model.framesPerSecond
    var nextTick = clock.now + frame
    var screen = session.frame(time: elapsed())

    /// Ends the recordings and says where they went.
    func finish() {
      if let stopped = session.stopRecording(), stopped.failure == nil {
        notes.append("recorded \(stopped.frameCount) frames to \(stopped.file)")
      }
      if let finished = trace {
        finished.finish()
        if finished.failure == nil { notes.append("wrote trajectories to \(finished.path)") }
      }
    }

    while true {
      terminal.draw(screen)
      let model = session.model
      let timeout: Duration? = model.isIdle ? nil : max(.zero, clock.now.duration(to: nextTick))
      var messages: [Msg] = []
      // Everything that has arrived is read before the next frame is drawn, so a
      // paste of thousands of keys costs thousands of updates, not of frames.
      var event = terminal.nextEvent(timeout: timeout)
      while true {
        switch event {
        case .character(let character): messages.append(.key(.character(character)))
        case .key(let key): if let key = Key(key) { messages.append(.key(key)) }
        case .interrupt: messages.append(.key(.interrupt))
        case .mouseClick(let column, let row): messages.append(.click(column: column, row: row))
        case .resize(let width, let height):
          messages.append(.resize(width: width, height: height))
        case .timeout: break
        case .signal(let number):
          finish()
          return Outcome(signal: number, notes: notes)
        case .endOfInput:
          finish()
          return Outcome(signal: nil, notes: notes)
        }
        guard event != .timeout, messages.count < Self.eventsPerFrame else { break }
        event = terminal.nextEvent(timeout: .zero)
      }
      let now = clock.now
      if session.model.isIdle {
        nextTick = now + frame
      } else if now >= nextTick {
        messages.append(.tick)
        // Never try to catch up on missed frames: a slow frame just slows the race.
        nextTick = max(nextTick + frame, now)
      }
      guard !messages.isEmpty else { continue }
      for message in messages {
        let before = trace == nil && live.isEmpty ? nil : session.model.race
        let effects = session.send(message)
        if let before, !live.isEmpty { live.restartIfNeeded(before: before, &session) }
        if let before, trace != nil {
          let after = session.model.race
          Self.attempt(&trace, in: &session) { try $0.observe(before: before, after: after) }
        }
        for effect in effects {
          switch effect {
          case .quit:
            finish()
            return Outcome(signal: nil, notes: notes)
          case .startRecording:
            if live.isEmpty {
              startRecording(in: &session, time: elapsed())
            } else {
              // A replay could not rerun plug-in steps taken live.
              _ = session.send(
                .notice(
                  Message("recording does not take plug-in racers yet", isError: true)))
            }
          case .editPlugin(let index, let key, let value):
            live.edit(racer: index, key: key, value: value, &session)
          case .stopRecording:
            if let stopped = session.stopRecording(), stopped.failure == nil {
              notes.append("recorded \(stopped.frameCount) frames to \(stopped.file)")
            }
            if let finished = trace {
              finished.finish()
              trace = nil
            }
          case .saveScene(let text):
            Self.save(scene: text, in: &session)
          case .saveImage:
            Self.saveImage(in: &session)
          case .liveChange:
            break
          }
        }
      }
      if !live.isEmpty { live.advance(&session) }
      screen = session.frame(time: elapsed())
    }
  }

  /// `R`: records from now into a new file named after the date and time.
  private func startRecording(in session: inout Session, time: Double) {
    do {
      let sink = try FileSink.openNew(
        stem: FileSink.timestampedStem("optiscope"), extension: format.fileExtension)
      let recorder = Recorder(file: sink.path, format: format, sink: sink)
      if session.startRecording(recorder, time: time, timestamp: Self.timestamp()) {
        Self.commit(sink, in: &session)
      }
    } catch {
      _ = session.send(.notice(Message("cannot record: \(error)", isError: true)))
    }
  }

  /// `S`: writes the scene into a new file named after the date and time.
  private static func save(scene text: String, in session: inout Session) {
    do {
      let sink = try FileSink.openNew(
        stem: FileSink.timestampedStem("optiscope-scene"), extension: "txt")
      defer { sink.discard() }
      try sink.write(Array(text.utf8))
      try sink.commit()
      _ = session.send(.notice(Message("scene saved to \(sink.path)")))
    } catch {
      _ = session.send(.notice(Message("cannot save the scene: \(error)", isError: true)))
    }
  }

  /// Puts a recording's file in place once its first frame is written (`FileSink.commit`);
  /// when that fails, stops the recording, leaves the old file as it was and says why.
  private static func commit(_ sink: FileSink, in session: inout Session) {
    do {
      try sink.commit()
    } catch {
      _ = session.stopRecording()
      sink.discard()
      _ = session.send(.recordingStopped(Message("cannot record: \(error)", isError: true)))
    }
  }

  /// Runs a trace write; on failure drops the trace and says so on screen.
  private static func attempt(
    _ trace: inout TraceRecorder?, in session: inout Session,
    _ body: (inout TraceRecorder) throws -> Void
  ) {
    guard var active = trace else { return }
    do {
      try body(&active)
      trace = active
    } catch {
      trace = nil
      _ = session.send(
        .notice(
          Message(
            "trajectories stopped: cannot write \(active.path): \(error)", isError: true)))
    }
  }

  /// Seconds since 1970, for a cast's header.
  static func timestamp() -> Int { Int(Date().timeIntervalSince1970) }
}

extension Key {
  /// The App's name for a terminal key; nil for keys the program does not use.
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
