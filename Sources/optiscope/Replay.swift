import App
import ArgumentParser
import FoundationEssentials
import OptimKit
import Plugins
import Runtime
import Terminal

/// `optiscope replay`: play a recorded text log in the terminal, or verify it by re-simulation.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Play a recorded log in the terminal, or check it frame by frame (--verify).",
    discussion: """
      Plays the frames of a text log (from `optiscope record`, `--record` or the R key) at the \
      recording's frame rate. Keys: space pauses and resumes, → or . steps forward, ← or , \
      steps back, + and - change the speed, Home and End jump to the first and last frame, \
      q quits.

      --verify needs no terminal: it rebuilds the scene from the log's header, sends every \
      logged input through the program again and checks that every frame (and every logged \
      live change) comes out identical. A recording of plug-in optimizers plays without \
      Python; --verify reruns the plug-ins (their SPECs are in the header), so it needs the \
      Python they ran with (--python as in `trace`). It prints `ok: N frames identical` and exits 0, or \
      prints the first differing frame and row and exits 1. A log cut short (a crash, a full \
      disk) is checked up to its last complete frame.

      Examples:
        optiscope replay run.log
        optiscope replay --verify run.log
      """
  )

  @Argument(help: ArgumentHelp("The recording (a text log).", valueName: "file"))
  var file: String

  @Flag(help: "Re-simulate the recording and check every frame instead of playing it.")
  var verify = false

  @Option(help: ArgumentHelp("Playback speed, 1/16 to 16.", valueName: "x"))
  var speed: Double = 1

  @OptionGroup var plugins: PluginArguments

  func run() throws {
    let log = try load()
    if verify {
      try check(log)
      return
    }
    guard (1.0 / 16...16).contains(speed) else {
      throw CommandError("--speed must be between 0.0625 and 16, got \(speed)")
    }
    guard !log.frames.isEmpty else {
      throw CommandError("\(file) has no complete frame to play")
    }
    let terminal: Terminal
    do {
      terminal = try Terminal(mouse: false)
    } catch {
      throw CommandError(
        "\(error); replay needs a terminal (use `less \(file)` to read the log, "
          + "or --verify to check it)")
    }
    var player = ReplayPlayer(log: log, speed: speed, size: terminal.size)
    let end = ProgramLoop.run(&player, on: TerminalBackend(terminal))
    terminal.stop()
    if case .signal(let number) = end { throw ExitCode(128 + number) }
  }

  /// Starts the plug-ins the log's header names (`plugin = SPEC`), at the scene's start;
  /// one line when they cannot start.
  func startPlugins(of log: RecordingLog) throws -> [PluginOptimizer] {
    let texts = log.header.plugins
    guard !texts.isEmpty else { return [] }
    let scene: Scene
    do {
      scene = try log.header.options.scene()
    } catch {
      throw CommandError("\(file): cannot replay its header: \(error.description)")
    }
    do {
      return try PluginRacers.start(texts, for: scene, runtime: plugins.runtime)
    } catch {
      let names = texts.joined(separator: ", ")
      throw CommandError(
        "\(file): --verify reruns its plug-in\(texts.count == 1 ? "" : "s") \(names), "
          + "which cannot start: \(error)")
    }
  }

  /// Reads and parses the log; refusals are one line.
  func load() throws -> RecordingLog {
    let data: [UInt8]
    do {
      data = try FileContents.read(file)
    } catch {
      throw CommandError("\(file) \(error == .missing ? "does not exist" : "cannot be read")")
    }
    if data.starts(with: Array("{\"version\"".utf8)) {
      throw CommandError(
        "\(file) is an asciicast recording; play it with `asciinema play \(file)` "
          + "(replay reads optiscope's text logs)")
    }
    return try RecordingLog(parsing: String(decoding: data, as: UTF8.self), name: file)
  }

  /// `--verify`: prints the outcome; exits 1 on a mismatch.
  ///
  /// A recording of plug-in racers names their SPECs in its header; they are
  /// started again (Python is needed for this, not for playing) and rerun to
  /// exactly the steps the log says each frame showed.
  func check(_ log: RecordingLog) throws {
    let started = try startPlugins(of: log)
    defer { for plugin in started { plugin.terminate() } }
    let outcome: LogVerifier.Outcome
    do {
      outcome = try LogVerifier.verify(
        log, themes: ThemeCatalog.standard().select,
        plugins: started.isEmpty
          ? nil
          : { session in PluginRacers(started, session: &session, announces: false) })
    } catch {
      throw CommandError("\(file): cannot replay its header: \(error.description)")
    }
    switch outcome {
    case .identical(let frames):
      var line = "ok: \(frames) frame\(frames == 1 ? "" : "s") identical"
      if log.isTruncated {
        line += " (the log is cut short; checked up to its last complete frame)"
      }
      print(line)
    case .mismatch(let mismatch):
      print("mismatch: \(mismatch)")
      throw ExitCode(1)
    }
  }
}
