import App
import ArgumentParser
import FoundationEssentials
import LibC
import OptimKit
import Plot
import Plugins
import Terminal

/// `optiscope` (or `optiscope run`): the full-screen race, steered from the keyboard.
struct Interactive: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Race optimizers live in the terminal (the default command).",
    discussion: """
      With no options, races eight optimizers down the Rosenbrock valley. Press ? in the \
      program for every key: space pauses, + and - change the learning rate of the selected \
      optimizer (Tab selects), b/B v/V m/M move beta1, beta2 and momentum, arrows pan, z/Z \
      zoom, f/F switch function, e types a new function, s a new start point, a click on the \
      map starts there, t cycles the themes, R starts and stops recording, S saves the scene, \
      q quits. Beyond that: g/G gradient noise, c learning-rate schedules, L the leaderboard, i \
      the inspector, a the basins of attraction.

      --theme picks a theme by name (see `optiscope themes`) or a .theme file by path; a \
      broken theme file is refused with one line naming the file, line and key. Colours \
      follow the terminal (24-bit, 256, 16, 8 or none) unless --colors or --color say otherwise; \
      NO_COLOR turns them off. Outside a UTF-8 locale, or with --ascii, only ASCII is drawn.

      SPEC is NAME[:KEY=VALUE[,KEY=VALUE...]] as in `optiscope trace`, or a Python plug-in \
      (FILE.py:OBJECT[:KEYWORDS], MODULE:OBJECT), which races beside the built-in ones (README \
      "Plug-ins in the live race"; --python and --step-timeout as in `trace`). Without --optimizer, \
      a built-in function races a standard set of optimizers at its own suggested learning \
      rates. --scene FILE loads a scene file (or a recording's scene); options given with it \
      override the file's.

      --record FILE records every frame from the start (R stops it; R again starts a new, \
      automatically named file); see `optiscope record --help` and README "Recording".

      --graphics auto|kitty|sixel|none shows the map as an image in terminals that show \
      images (auto asks the terminal; inside tmux or screen the map stays text); README \
      "Images in the terminal".

      Needs a terminal; for pictures in scripts or pipes use `optiscope render`.
      """
  )

  @OptionGroup var scene: SceneArguments

  @OptionGroup var appearance: AppearanceArguments

  @Flag(help: ArgumentHelp("The same as --color never.", visibility: .hidden))
  var noColor = false

  @Option(
    help: ArgumentHelp(
      "Record every frame to this file (a text log, or asciicast with --format cast).",
      valueName: "file"))
  var record: String?

  @OptionGroup var recording: RecordingArguments

  @OptionGroup var plugins: PluginArguments

  @OptionGroup var graphics: GraphicsArguments

  func run() throws {
    let scene: Scene
    let format: RecordingFormat
    let theme: String?
    // Plug-in SPECs (FILE.py:OBJECT, MODULE:OBJECT) race after the built-in ones.
    let (sceneArguments, given) = try PluginRacers.split(self.scene)
    var pluginTexts = given
    do {
      if !pluginTexts.isEmpty && sceneArguments.racers.optimizers.isEmpty {
        throw CommandError(
          "race a plug-in beside at least one built-in optimizer (e.g. --optimizer adam)")
      }
      let file = try sceneArguments.sceneFile()
      // A recording's header (`--scene run.log`) names its plug-ins too.
      pluginTexts = file.plugins + pluginTexts
      var options = file.options
      options.pluginSpecs = pluginTexts
      scene = try options.scene()
      theme = file.theme
      format = try recording.recordingFormat()
    } catch {
      StandardStream.warn("optiscope: \(error)\n")
      throw ExitCode(1)
    }
    let themes: (choices: [ThemeChoice], index: Int)
    do {
      themes = try appearance.themeSelection(default: theme)
    } catch {
      StandardStream.warn("optiscope: \(error)\n")
      throw ExitCode(1)
    }
    // Plug-ins start before the terminal changes: one that cannot start is refused in one line.
    let started: [PluginOptimizer]
    if !pluginTexts.isEmpty, isatty(STDERR_FILENO) == 1 {
      // Python and `import torch` take seconds: say so rather than show a still terminal
      // (on a terminal only, so that a refusal read by a program stays one line).
      let count =
        pluginTexts.count == 1 ? "a plug-in optimizer" : "\(pluginTexts.count) plug-in optimizers"
      StandardStream.warn(
        "optiscope: starting \(count) (Python and its imports take a few seconds)…")
    }
    do {
      // `q` quits at once meanwhile, even while a plug-in's import hangs.
      started = try StartupKeys.watching {
        try PluginRacers.start(pluginTexts, for: scene, runtime: plugins.runtime)
      }
    } catch {
      if "\(error)".hasSuffix(PluginOptimizer.quitWhileStarting) {
        StandardStream.warn("\n")
        return
      }
      StandardStream.warn("optiscope: \(error)\n")
      throw ExitCode(1)
    }
    let mode = noColor ? ColorPolicy.Mode.never : appearance.color.mode
    // Files first: an unwritable or existing one is refused before the terminal changes.
    var request: LiveRace.RecordingRequest?
    if let record {
      do {
        let sink = try FileSink.open(record, force: recording.force, option: "--record")
        request = LiveRace.RecordingRequest(sink: sink, format: format)
        request?.trace = try recording.openTrace(besides: record, option: "--record")
      } catch {
        request?.sink.discard()
        StandardStream.warn("optiscope: \(error)\n")
        throw ExitCode(1)
      }
    } else if recording.trace != nil {
      StandardStream.warn(
        "optiscope: --trace goes with --record FILE (see 'optiscope run --help')\n")
      throw ExitCode(1)
    }
    // Asked before curses starts, so the terminal's replies are not read as keys.
    let graphicsChoice = graphics.choice()
    let terminal: Terminal
    do {
      terminal = try Terminal(
        maximumColorDepth: ColorPolicy.maximumDepth(
          mode: mode, requestedColors: appearance.colorCount),
        honorsNoColor: mode != .always)
    } catch {
      request?.sink.discard()
      request?.trace?.discard()
      for plugin in started { plugin.terminate() }
      StandardStream.warn(
        ("optiscope: \(error); the interactive view needs a terminal "
          + "(for a picture in a pipe or file, use `optiscope render`; "
          + "to record without one, `optiscope record`)\n"))
      throw ExitCode(1)
    }
    let size = terminal.size
    let session = Session(
      scene: scene, size: ScreenSize(width: size.width, height: size.height),
      usesASCII: appearance.usesASCII || !terminal.supportsUnicode, themes: themes,
      colorDepth: terminal.colorDepth, cells: appearance.cells.mode)
    let backend = TerminalBackend(terminal)
    let graphics = LiveMapImage(graphicsChoice)
    backend.mapImage = graphics
    var race = LiveRace(session: session, plugins: started)
    race.graphics = graphics
    race.graphicsNotice = graphicsChoice.notice
    race.recording = request
    race.format = format
    race.clock = { ProgramLoop.seconds(backend.elapsed) }
    let end = ProgramLoop.run(&race, on: backend)
    race.finish()
    graphics?.stop()
    terminal.stop()
    for note in race.notes {
      StandardStream.warn("optiscope: \(note)\n")
    }
    if case .signal(let number) = end { throw ExitCode(128 + number) }
  }
}
