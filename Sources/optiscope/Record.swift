import App
import ArgumentParser
import FoundationEssentials
import LibC
import OptimKit
import Plot
import Plugins

/// `optiscope record`: run a race headlessly and record every frame to a file.
struct Record: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record a race frame by frame to a text log or asciicast, headlessly (no terminal).",
    discussion: """
      Frame 0 is the start; each further frame is one clock tick (--steps-per-frame optimizer \
      steps) later, exactly as the live program would show it on a WxH screen. The text log \
      is plain UTF-8 that less, grep and diff read: a header with the whole scene, then per \
      frame a line `--- frame N step S` and the screen's H rows (see README "Recording"). \
      `optiscope replay FILE` plays it, `optiscope replay --verify FILE` re-simulates it and \
      checks every frame. --format cast writes asciicast v2 for `asciinema play`.

      --frames defaults to the scene's steps (a --scene file's `steps`, else 100) divided by \
      the steps per frame, plus the start. --out - writes to standard output. An existing \
      file is refused unless --force is given.

      Examples:
        optiscope record --function himmelblau --optimizer adam:lr=0.1 --frames 101 --out run.log
        optiscope record --scene scenes/01-ellipse.txt --out ellipse.cast --format cast
        optiscope record --function rosenbrock --optimizer adam:lr=0.05 --out run.log \\
            --trace run.csv
      """
  )

  /// The most frames one command records.
  static let maximumFrames = 100_001

  @OptionGroup var scene: SceneArguments

  @Option(
    help: ArgumentHelp(
      "Number of frames, the start included (1 to \(Record.maximumFrames)).", valueName: "n"))
  var frames: Int?

  @Option(help: ArgumentHelp("The file to write (- for standard output).", valueName: "file"))
  var out: String

  @Option(
    help: ArgumentHelp(
      "The screen WxH (default: the scene file's size, else 120x40).", valueName: "WxH"))
  var size: String?

  @OptionGroup var recording: RecordingArguments

  @OptionGroup var appearance: AppearanceArguments

  @OptionGroup var plugins: PluginArguments

  @Option(
    help: ArgumentHelp(
      "With --format gif: the animation's size in pixels (default 1000x800).", valueName: "WxH"))
  var pixels: String?

  func run() throws {
    // A bad --plugin-output path is refused before anything runs (the file is written at the end).
    try plugins.openPluginOutput()?.discard()
    let plan = try makePlan()
    if writesGIF {
      try recordGIF(plan)
      return
    }
    let sink = try FileSink.open(out, force: recording.force, option: "--out")
    let trace: FileSink?
    do {
      trace = try recording.openTrace(besides: out, option: "--out")
    } catch {
      sink.discard()
      throw error
    }
    // A text log holds plain frames (the heatmap as glyphs); a cast holds colours.
    let depth =
      plan.format == .text || appearance.color == .never
      ? ColorDepth.none : appearance.colorCount.map { ColorDepth(colors: $0) } ?? .full256
    var session = Session(
      scene: plan.scene, size: plan.size,
      usesASCII: appearance.ascii || (plan.file.usesASCII ?? false), themes: plan.themes,
      colorDepth: depth, cells: appearance.cells.mode)
    // The plug-ins race after the built-in racers; the loop waits for each of their steps.
    var race = LiveRace(session: session, plugins: plan.plugins)
    defer { race.plugins?.stop() }
    session = race.session
    let recorder = Recorder(
      file: out, format: plan.format, sink: sink, skipsRepeatedFrames: false,
      trace: trace.map { ($0.path, $0) })
    let started = session.startRecording(
      recorder, time: 0, timestamp: Int(Date().timeIntervalSince1970), showsIndicator: false)
    /// Stops, and leaves whatever was not committed as it was before the run.
    func abandon() {
      session.stopRecording()
      sink.discard()
      trace?.discard()
    }
    if let failure = session.recorder?.traceFailure {
      abandon()
      throw CommandError("cannot write --trace '\(trace?.path ?? "")': \(failure)")
    }
    // Frame 0 and the trace's start are whole: now the files replace what was there.
    if started {
      do {
        try sink.commit()
        try trace?.commit()
      } catch {
        abandon()
        throw error
      }
    }
    // Every further frame is one tick of the one loop, on a screen in memory whose clock
    // moves by exactly a frame a tick.
    race.replaceSession(session)
    race.frameLimit = plan.frames
    race.startsRecorded = true
    let backend = HeadlessBackend(width: plan.size.width, height: plan.size.height)
    _ = ProgramLoop.run(&race, on: backend)
    session = race.session
    if let failure = race.traceFailure {
      abandon()
      throw CommandError(failure)
    }
    let finished = session.stopRecording()
    if let failure = session.recordingFailure {
      sink.discard()
      trace?.discard()
      let kept = failure.framesKept
      let what =
        kept > 0
        ? "\(kept) whole frame\(kept == 1 ? "" : "s") kept"
        : out == "-" ? "no frame written" : "no frame written; '\(out)' is as it was"
      throw CommandError("cannot write --out '\(out)': \(failure.reason) (\(what))")
    }
    try keepPrinted(plan.plugins)
    if out != "-", isatty(STDERR_FILENO) == 1 {
      let count = finished?.frameCount ?? 0
      StandardStream.warn(
        "recorded \(count) frames (step \(session.model.race.stepCount)) to \(out)\n")
    }
  }

  /// Keeps what `plugins` printed beside the recording: in `--plugin-output FILE`, else
  /// (when they printed anything and --out is a file) in the side file `OUT.printed`,
  /// replaced; each plug-in's text after a `== LABEL ==` line, as `--plugin-output` writes it.
  func keepPrinted(_ plugins: [PluginOptimizer]) throws {
    let printed = plugins.map { ($0.spec.object, $0.printed) }
    var sidePath = self.plugins.pluginOutput
    if sidePath == nil, out != "-", printed.contains(where: { !$0.1.isEmpty }) {
      sidePath = out + ".printed"
    }
    guard let sidePath else {
      try PluginArguments.finish(nil, printed: printed, otherwise: "--plugin-output FILE keeps it")
      return
    }
    let sink: FileSink
    do {
      sink = try FileSink.open(sidePath, force: true, option: "--plugin-output")
    } catch {
      throw CommandError(error.description)
    }
    try PluginArguments.finish(sink, printed: printed, otherwise: "")
  }

  /// What to record: the checked scene, its file, size, frame count and format.
  struct Plan {
    var file: SceneFile
    var scene: Scene
    var size: ScreenSize
    var frames: Int
    var format: RecordingFormat
    /// The themes, `--theme` (else the scene file's) current.
    var themes: (choices: [ThemeChoice], index: Int)
    /// The plug-in SPECs, and the plug-ins started, that race after the built-in ones.
    var pluginTexts: [String] = []
    var plugins: [PluginOptimizer] = []
  }

  /// Checks every option before any file is touched; throws a one-line `Refusal`.
  func makePlan() throws -> Plan {
    // Plug-in SPECs (FILE.py:OBJECT, MODULE:OBJECT) race after the built-in ones.
    let (sceneArguments, pluginTexts) = try PluginRacers.split(scene)
    var plan = try makePlan(sceneArguments, plugins: pluginTexts)
    plan.plugins = try PluginRacers.start(
      plan.pluginTexts, for: plan.scene, runtime: plugins.runtime)
    return plan
  }

  /// `makePlan()` for the built-in racers and the plug-ins `pluginTexts` (with a scene
  /// file's, such as a recording's header, first).
  private func makePlan(_ scene: SceneArguments, plugins pluginTexts: [String]) throws -> Plan {
    if !pluginTexts.isEmpty && scene.racers.optimizers.isEmpty {
      throw CommandError(
        "race a plug-in beside at least one built-in optimizer (e.g. --optimizer adam)")
    }
    var file = try scene.sceneFile()
    let texts = file.plugins + pluginTexts
    file.plugins = []
    file.options.pluginSpecs = texts
    let checked = try file.options.scene()
    if writesGIF, checked.function.isOneVariable {
      throw CommandError(
        "--format gif does not draw functions of one variable yet; record text or cast")
    }
    let screen =
      try size.map { text throws(SceneOptions.Problem) in
        try ScreenSize(parsing: text)
      } ?? file.size ?? ScreenSize(width: 120, height: 40)
    let themes = try appearance.onlyTheme(default: file.theme)
    let steps = file.steps ?? 100
    let count =
      frames ?? (steps + checked.stepsPerFrame - 1) / checked.stepsPerFrame + 1
    guard (1...Self.maximumFrames).contains(count) else {
      throw SceneOptions.Problem(
        description: "--frames must be between 1 and \(Self.maximumFrames), got \(count)")
    }
    return Plan(
      file: file, scene: checked, size: screen, frames: count,
      format: writesGIF ? .text : try recording.recordingFormat(), themes: themes,
      pluginTexts: texts)
  }
}
