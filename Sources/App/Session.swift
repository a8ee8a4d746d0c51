import OptimKit
import Plot

/// The running program around its model: every message goes through here, so the
/// session can be recorded from any moment and replayed exactly.
///
/// Keeps a journal of every input and tick since the start (ticks counted, not
/// listed), so a recording started later with `R` can begin with the scene
/// the program started from plus the inputs that led to the present screen:
/// replaying them rebuilds the optimizers' state too, which no scene file can
/// hold. Still pure: writing goes through the recorder's sink.
public struct Session {
  /// The program's state.
  public private(set) var model: Model
  /// The scene, size, theme and ASCII mode the program started with, and its plug-ins:
  /// every recording's header.
  public private(set) var header: SceneFile
  /// Every input since the start, with tick runs counted: a recording's prelude.
  public private(set) var journal: [LogEvent] = []
  /// The recording in progress, if any.
  public private(set) var recorder: Recorder?
  /// Why the last recording stopped early (a failed write), if it did, and how many whole
  /// frames it had written by then.
  public private(set) var recordingFailure: (reason: String, framesKept: Int)?

  /// What frames keep for the next: the heatmap and the trails as drawn.
  public private(set) var frameCache = FrameCache()
  /// The basins of attraction (`a`) computed so far: one share a tick, refreshed after
  /// every message.
  public private(set) var basins = BasinOverlay()
  /// The heatmap of the plain (colourless) frames a text log records, kept between frames.
  private var plainCache = FrameCache()

  /// A session of `scene` on a `size` screen, with `themes` (the built-in default
  /// alone when nil: the runtime finds theme files) and the screen's colour depth.
  public init(
    scene: Scene, size: ScreenSize, usesASCII: Bool = false,
    themes: (choices: [ThemeChoice], index: Int)? = nil, colorDepth: ColorDepth = .full256,
    cells: HeatmapMode = .cells, inputEditing: Model.InputEditing = .readline
  ) {
    let size = size.bounded
    let model = Model(
      scene: scene, width: size.width, height: size.height,
      themes: themes ?? ([.builtIn], 0), colorDepth: colorDepth,
      usesASCII: usesASCII, cells: cells, inputEditing: inputEditing)
    self.model = model
    header = SceneFile(
      scene: scene, size: size, theme: model.theme.name, usesASCII: usesASCII)
    basins.refresh(for: model)
  }

  /// A session rebuilt from a log's header, its theme found by `themes`; throws a reason
  /// when the header names something this program lacks (an unknown theme).
  ///
  /// A log of `formatVersion` 1 is replayed with the input line of its day
  /// (`Model.InputEditing.appendOnly`), so its typed keys make the same text.
  public init(
    log header: SceneFile, formatVersion: Int = RecordingLog.version,
    themes: ThemeLookup = ThemeChoice.builtInOnly
  ) throws(SceneOptions.Problem) {
    let scene = try header.options.scene()
    let size = header.size ?? ScreenSize(width: 120, height: 40)
    // Text logs hold plain frames, so the replay draws without colour too.
    self.init(
      scene: scene, size: size, usesASCII: header.usesASCII ?? false,
      themes: try header.themeSelection(in: themes), colorDepth: .none,
      inputEditing: formatVersion >= 2 ? .readline : .appendOnly)
  }

  /// Adds a plug-in racer to the race after the scene's (`ExternalEvent.joined`), and its SPEC
  /// to the header, so a recording names it; returns its index.
  @discardableResult
  public mutating func addExternalRacer(
    label: String, _ external: ExternalOptimizer, spec: String? = nil
  ) -> Int {
    if let spec { header.plugins.append(spec) }
    _ = send(.external(.joined(label: label, external)))
    return model.race.racers.count - 1
  }

  /// Journals a plug-in event (steps taken, an edit delivered, a failure) and notes it in
  /// the recording, in order with the inputs and ticks, so a replay reruns the plug-ins
  /// to exactly what was shown.
  public mutating func noteExternal(_ event: LogEvent) {
    journal.append(event)
    recorder?.note(event)
  }

  /// Whether the run loop may block until the next key instead of ticking: the race paused
  /// or finished, and no basins left to compute.
  public var isIdle: Bool { !model.isRacing && !basins.isComputing }

  /// The steps each plug-in racer has taken, in race order; empty without plug-ins.
  public var pluginSteps: [Int] {
    model.race.racers.filter(\.isExternal).map(\.stepCount)
  }

  /// Sends `message` to `update`, journals it, notes it in the recording, and returns
  /// the effects for the run loop to carry out.
  ///
  /// A resize is bounded first (`ScreenSize.bounded`), so the model, the journal
  /// and the log all hold a size that a log may hold and replay can draw. A plug-in's
  /// news (`Msg.external`) is not journaled: `noteExternal` logs what a replay reruns.
  public mutating func send(_ message: Msg) -> [Effect] {
    if case .external = message {
      // A plug-in's step that arrives is written to the trajectories as it lands.
      let before = recorder?.isTracing == true ? model.race.racers.map(\.stepCount) : nil
      let effects = update(&model, message)
      if let before { recorder?.observeArrivals(before: before, after: model.race) }
      return effects
    }
    var message = message
    if case .resize(let width, let height) = message {
      let size = ScreenSize(width: width, height: height).bounded
      message = .resize(width: size.width, height: size.height)
    }
    // The race before, for the trajectories to write what the message did to it.
    let before = recorder?.isTracing == true ? model.race : nil
    let effects = update(&model, message)
    // A tick's share of the basins (for what they were refreshed for), then the refresh.
    if message == .tick { basins.advance() }
    basins.refresh(for: model)
    // Only a tick just adds to the trails, and the pointer's moves leave them alone;
    // after anything else they are drawn afresh.
    switch message {
    case .tick, .pointer: break
    default: frameCache.dropTrails()
    }
    if message == .tick {
      if case .ticks(let count) = journal.last {
        journal[journal.count - 1] = .ticks(count + 1)
      } else {
        journal.append(.ticks(1))
      }
      recorder?.noteTick()
    } else {
      journal.append(.input(message))
      let changes = effects.compactMap { effect -> LogEvent? in
        if case .liveChange(let step, let description) = effect {
          return .change(step: step, description: description)
        }
        return nil
      }
      recorder?.note(message, changes: changes)
    }
    if let before { recorder?.observe(before: before, after: model.race) }
    return effects
  }

  /// The current screen; also recorded as the next frame while recording.
  ///
  /// A write that fails stops the recording and says so on screen (the
  /// returned canvas already shows it).
  public mutating func frame(time: Double) -> Canvas {
    let canvas = view(model, cache: &frameCache, basins: basins)
    guard let format = recorder?.format, recorder?.recordsFrames == true else { return canvas }
    let recorded = format == .text && model.colorDepth.hasColor ? plainFrame() : canvas
    do {
      // Through the optional, so the recorder is changed in place, not copied.
      try recorder?.frame(recorded, step: model.race.stepCount, time: time)
      return canvas
    } catch {
      guard let failed = recorder else { return canvas }
      return fail(failed, error)
    }
  }

  /// The current screen without colour, as a text log holds it: the heatmap drawn with
  /// the theme's glyph ramp, since band colours would leave the map blank in plain text.
  /// The trails are the screen's, as its frame just drew them.
  private mutating func plainFrame() -> Canvas {
    let plan = model.plan
    var picture = model.picture(at: .none)
    basins.show(on: &picture, race: model.race)
    let heatmap = plainCache.heatmap(for: picture, plan: plan, theme: model.theme)
    picture.trailLayer = frameCache.trails
    return view(model, picture: picture, plan: plan, heatmap: heatmap)
  }

  /// Starts recording with `recorder` (its sinks open and empty): writes the header and
  /// the journal so far, shows "● REC file" (unless `showsIndicator` is false, as for a
  /// headless recording), records that screen as frame 0, then the trajectories' start
  /// (a failure there is the recorder's `traceFailure`, for the caller to report).
  ///
  /// Returns false (and shows why) when even the header cannot be written.
  @discardableResult
  public mutating func startRecording(
    _ recorder: Recorder, time: Double, timestamp: Int, showsIndicator: Bool = true
  ) -> Bool {
    var started = recorder
    do {
      try started.begin(
        header: header, prelude: journal, timestamp: timestamp,
        title: "optiscope: \(model.function.title)")
    } catch {
      recordingFailure = ("\(error)", 0)
      _ = send(
        .notice(Message("cannot record to \(recorder.file): \(error)", isError: true)))
      return false
    }
    self.recorder = started
    recordingFailure = nil
    if showsIndicator { _ = send(.recordingStarted(file: recorder.file)) }
    if recorder.recordsFrames { _ = frame(time: time) }
    let race = model.race
    self.recorder?.beginTrace(race: race)
    return self.recorder != nil
  }

  /// Stops the recording's trajectories, and closes them, leaving the recording going (their
  /// file could not be put in place).
  public mutating func stopTracing() {
    recorder?.stopTracing()
  }

  /// Finishes the recording, if any, and says on screen where it went; returns it.
  @discardableResult
  public mutating func stopRecording() -> Recorder? {
    guard var active = recorder else { return nil }
    recorder = nil
    do {
      try active.finish()
    } catch {
      _ = fail(active, error)
      return active
    }
    let frames = active.frameCount
    _ = send(
      .recordingStopped(
        Message("recorded \(frames) frame\(frames == 1 ? "" : "s") to \(active.file)")))
    return active
  }

  /// Drops the recorder after a failed write and shows the reason; returns the new screen.
  private mutating func fail(_ failed: Recorder, _ error: any Error) -> Canvas {
    recorder = nil
    recordingFailure = ("\(error)", failed.frameCount)
    _ = send(
      .recordingStopped(
        Message(
          "recording stopped: cannot write \(failed.file): \(error) "
            + "(\(failed.frameCount) frames kept)", isError: true)))
    return view(model, cache: &frameCache, basins: basins)
  }
}
