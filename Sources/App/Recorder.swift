import OptimKit
import Plot

/// Writes a recording as the program runs — a text log or a cast (header, inputs, changes and
/// frames), and with it, or alone, the CSV trajectories (`--trace`) — each into its own sink.
///
/// Each frame goes out whole in one write, together with the input and
/// change lines before it, so a log cut short by a crash or a full disk ends
/// at a complete frame. The first failed write stops the recorder for good
/// (`failure` says why); the program goes on without it.
///
/// The trajectories follow the race rather than the screen: whatever a message
/// did to it (`observe(before:after:)`) goes out as rows of `TraceRows`, the
/// rows `optiscope trace` prints for the same race. A failed write of them
/// stops only the trajectories (`traceFailure`); the log goes on.
public struct Recorder {
  /// The file's name as shown on screen.
  public let file: String
  public let format: RecordingFormat
  /// The log's or cast's sink; nil for a recorder of trajectories alone (`record --format gif`,
  /// whose frames are pictures written elsewhere).
  private let sink: (any RecordingSink)?
  /// The trajectories' sink, while they are written.
  private var traceSink: (any RecordingSink)?
  /// The trajectories' file as given (`--trace`), if any.
  public let traceFile: String?
  /// Why writing the trajectories failed, once it has; no more rows are written then.
  public private(set) var traceFailure: String?
  /// Lines waiting to go out with the next frame (text format).
  private var pending = ""
  /// Clock ticks since the last line or frame, not yet written.
  private var ticksSinceLast = 0
  /// The last frame written, to skip repeats and to notice a new size.
  private var lastCanvas: Canvas?
  /// The time of frame 0, for a cast's relative times.
  private var startTime: Double?
  /// The last frame's time relative to frame 0, for a cast's closing event.
  private var lastTime = 0.0
  /// Frames written so far.
  public private(set) var frameCount = 0
  /// Why writing failed, once it has; nothing more is written then.
  public private(set) var failure: String?
  /// Whether a frame identical to the previous one is left out (its tick is counted instead).
  public var skipsRepeatedFrames: Bool

  /// A recorder of a log or cast into `sink`, with the trajectories into `trace`'s sink if given.
  public init(
    file: String, format: RecordingFormat, sink: any RecordingSink,
    skipsRepeatedFrames: Bool = true,
    trace: (file: String, sink: any RecordingSink)? = nil
  ) {
    self.file = file
    self.format = format
    self.sink = sink
    self.skipsRepeatedFrames = skipsRepeatedFrames
    traceFile = trace?.file
    traceSink = trace?.sink
  }

  /// A recorder of the trajectories alone, into `sink`: the frames go elsewhere.
  public init(trajectoriesTo file: String, sink: any RecordingSink) {
    self.file = file
    format = .text
    self.sink = nil
    skipsRepeatedFrames = true
    traceFile = file
    traceSink = sink
  }

  /// Whether frames are recorded (a log or cast), not the trajectories alone.
  public var recordsFrames: Bool { sink != nil }

  /// Whether the trajectories are being written (asked for and not failed or stopped).
  public var isTracing: Bool { traceSink != nil }

  /// Writes the trajectories' header and every racer's start (step 0); on failure, see
  /// `traceFailure`.
  public mutating func beginTrace(race: Race) {
    var output = TraceRows.csvHeader(for: race.objective)
    for racer in race.racers {
      TraceRows.append(racer, on: race.objective, format: .csv, to: &output)
    }
    writeTrace(output)
  }

  /// Writes the trajectories' rows for whatever one message did to the race (new steps, or
  /// a restart); on failure, see `traceFailure`.
  public mutating func observe(before: Race, after: Race) {
    guard traceSink != nil else { return }
    let output = TraceRows.rows(from: before, to: after, format: .csv)
    guard !output.isEmpty else { return }
    writeTrace(output)
  }

  /// Writes a row for each external racer (a plug-in) that took a step since its step count
  /// was `before` (race order): plug-ins arrive apart from the race's own steps.
  public mutating func observeArrivals(before: [Int], after: Race) {
    guard traceSink != nil else { return }
    var output = ""
    for (index, racer) in after.racers.enumerated()
    where racer.isExternal && index < before.count && racer.stepCount > before[index] {
      TraceRows.append(racer, on: after.objective, format: .csv, to: &output)
    }
    guard !output.isEmpty else { return }
    writeTrace(output)
  }

  /// Stops writing the trajectories (their file could not be put in place) and closes them.
  public mutating func stopTracing() {
    traceSink?.close()
    traceSink = nil
  }

  /// Writes the header: the scene (text) or the asciicast header (cast), plus for a
  /// text log the inputs that led from the scene to now (`prelude`), all in one write.
  public mutating func begin(
    header: SceneFile, prelude: [LogEvent], timestamp: Int, title: String
  ) throws {
    switch format {
    case .text:
      var text = RecordingLog.headerText(header)
      for event in prelude { text += event.text }
      try write(text)
    case .cast:
      try write(
        CastEncoder.header(
          size: header.size ?? ScreenSize(width: 80, height: 24), timestamp: timestamp,
          title: title))
    }
  }

  /// Notes an input that was sent to `update`, with the live changes it caused.
  public mutating func note(_ message: Msg, changes: [LogEvent]) {
    guard failure == nil, sink != nil, format == .text, message.logText != nil else { return }
    flushTicks()
    pending += LogEvent.input(message).text
    for change in changes { pending += change.text }
  }

  /// Notes a plug-in event (`LogEvent.pluginSteps` and the like) where it happened.
  public mutating func note(_ event: LogEvent) {
    guard failure == nil, sink != nil, format == .text else { return }
    flushTicks()
    pending += event.text
  }

  /// Notes a clock tick that was sent to `update`.
  public mutating func noteTick() {
    ticksSinceLast += 1
  }

  /// Writes `canvas` as the next frame, at `time` seconds, showing race step `step`.
  ///
  /// Unless it is the first, a frame identical to the last one written is left out
  /// when `skipsRepeatedFrames` is set; its ticks are counted into the next line.
  public mutating func frame(_ canvas: Canvas, step: Int, time: Double) throws {
    guard failure == nil, sink != nil else { return }
    if skipsRepeatedFrames, let lastCanvas, lastCanvas == canvas { return }
    let start = startTime ?? time
    startTime = start
    switch format {
    case .text:
      let followsTick = frameCount > 0 && ticksSinceLast > 0
      if followsTick { ticksSinceLast -= 1 }
      flushTicks()
      let frame = LogFrame(number: frameCount, step: step, followsTick: followsTick, rows: [])
      var bytes = Array((pending + frame.separator + "\n").utf8)
      pending = ""
      FrameText.appendRows(of: canvas, to: &bytes)
      try write(bytes)
    case .cast:
      let resized = lastCanvas.map { $0.width != canvas.width || $0.height != canvas.height }
      var text = ""
      if resized == true {
        text += CastEncoder.resize(
          to: ScreenSize(width: canvas.width, height: canvas.height), time: time - start)
      }
      text += CastEncoder.frame(canvas, time: time - start, clears: resized ?? true)
      try write(text)
      lastTime = time - start
    }
    ticksSinceLast = 0
    lastCanvas = canvas
    frameCount += 1
  }

  /// Writes what is still pending and closes the sinks.
  public mutating func finish() throws {
    defer {
      sink?.close()
      traceSink?.close()
    }
    guard failure == nil, sink != nil else { return }
    if format == .cast, frameCount > 0 {
      // Show the cursor again, so a player leaves the terminal as it found it.
      pending = CastEncoder.output("\u{1B}[?25h", time: lastTime)
    }
    flushTicks()
    if !pending.isEmpty {
      let text = pending
      pending = ""
      try write(text)
    }
  }

  /// Turns counted ticks into a `> ticks N` line.
  private mutating func flushTicks() {
    guard format == .text, ticksSinceLast > 0 else { return }
    pending += LogEvent.ticks(ticksSinceLast).text
    ticksSinceLast = 0
  }

  /// One write to the sink; the first failure is kept and rethrown.
  private mutating func write(_ text: String) throws {
    try write(Array(text.utf8))
  }

  /// One write of `bytes` to the sink; the first failure is kept and rethrown, and stops the
  /// trajectories too (the recording ends there).
  private mutating func write(_ bytes: [UInt8]) throws {
    guard let sink else { return }
    do {
      try sink.write(bytes)
    } catch {
      failure = "\(error)"
      sink.close()
      stopTracing()
      throw error
    }
  }

  /// One write of trajectory rows; the first failure is kept and stops the trajectories.
  private mutating func writeTrace(_ text: String) {
    guard let traceSink else { return }
    do {
      try traceSink.write(Array(text.utf8))
    } catch {
      traceFailure = "\(error)"
      stopTracing()
    }
  }
}
