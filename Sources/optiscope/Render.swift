import App
import ArgumentParser
import Foundation
import OptimKit
import Plot

/// `optiscope render`: run a race headlessly and print its final screen.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Run a race headlessly and print the final screen as text (no terminal needed).",
    discussion: """
      Prints exactly H lines of exactly W columns: the heatmap of log-scaled contour levels, \
      every optimizer's path, the legend, the loss panel and the status line. Plain text when \
      stdout is not a terminal (or with --color never), ANSI colours with --color always. \
      NO_COLOR in the environment turns colours off under --color auto.

      Without --optimizer a default field races (sgd, momentum, nesterov, adagrad, rmsprop, \
      adam, nadam, radam) with learning rates suited to the function; without --function or \
      --expr the scene is Rosenbrock.

      Examples:
        optiscope render
        optiscope render --function himmelblau --steps 200 --layout split --color always
        optiscope render --expr "x^2 + 10*y^2" --start=-2,1 --optimizer adam:lr=0.1
      """
  )

  /// Largest accepted --steps, so a typo cannot make the command run for minutes.
  static let maximumSteps = 100_000

  /// The optimizers raced when none is given.
  static let defaultField = [
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam", "radam",
  ]

  @OptionGroup var picture: PictureArguments

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The start point X,Y (default: the function's own).", valueName: "x,y"))
  var start: String?

  @Option(
    name: .customLong("optimizer"),
    help: ArgumentHelp(
      "An optimizer SPEC, e.g. adam:lr=0.01; repeat for a race.", valueName: "spec"))
  var optimizers: [String] = []

  @Option(help: "Number of steps (0 to \(Render.maximumSteps)).")
  var steps: Int = 100

  @Option(
    help: ArgumentHelp(
      "The screen WxH (default: the terminal's size, or 120x40 when not a terminal).",
      valueName: "WxH"))
  var size: String?

  @Option(help: "overlay (one map) or split (one map per optimizer).")
  var layout: String = "overlay"

  @Option(help: "Colours: always, never or auto (when stdout is a terminal).")
  var color: ColorChoice = .auto

  func run() throws {
    let output = try makeOutput()
    FileHandle.standardOutput.write(Data(output.utf8))
  }

  /// Checks every input, runs the race and draws it; throws `PictureCommandError`.
  func makeOutput() throws -> String {
    let scene = try picture.scene()
    guard let pictureLayout = PictureLayout(rawValue: layout) else {
      throw PictureCommandError("bad --layout '\(layout)': expected overlay or split")
    }
    guard (0...Self.maximumSteps).contains(steps) else {
      throw PictureCommandError("--steps must be between 0 and \(Self.maximumSteps), got \(steps)")
    }
    let startPoint = try start.map { try PictureArguments.parsePoint($0, option: "--start") }
    let specs =
      try optimizers.isEmpty
      ? Self.defaultSpecs(for: scene)
      : optimizers.map { text in
        do {
          return try OptimizerSpec(parsing: text)
        } catch {
          throw PictureCommandError("bad --optimizer '\(text)': \(error)")
        }
      }
    let isTerminal = isatty(STDOUT_FILENO) == 1
    let screen = try size.map(PictureArguments.parseSize) ?? Self.terminalSize(isTerminal)
    var race = Race(objective: scene.objective, start: startPoint ?? scene.start, specs: specs)
    race.step(times: steps)
    let frame = Picture(
      race: race, title: scene.title, formula: scene.formula, function: scene.identity,
      view: scene.view, minima: scene.minima, minimumValue: scene.minimumValue,
      layout: pictureLayout)
    let canvas = frame.draw(width: screen.width, height: screen.height, theme: .standard)
    let environment = ProcessInfo.processInfo.environment
    let colored: Bool
    switch color {
    case .always: colored = true
    case .never: colored = false
    case .auto: colored = isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
    guard colored else { return TextEncoder.plain(canvas) }
    let term = environment["TERM"] ?? ""
    let depth: ColorDepth =
      color == .always || term.contains("256") || environment["COLORTERM"] != nil
      ? .full256 : .sixteen
    return TextEncoder.ansi(canvas, depth: depth)
  }

  /// The default field with the scene's suggested learning rates.
  static func defaultSpecs(for scene: FunctionScene) -> [OptimizerSpec] {
    defaultField.compactMap { name in
      guard let kind = OptimizerKind(name: name) else { return nil }
      if let rate = scene.learningRates[name],
        let spec = try? OptimizerSpec(kind: kind, values: [.learningRate: rate])
      {
        return spec
      }
      return OptimizerSpec(kind: kind)
    }
  }

  /// The terminal's size when stdout is one, else 120×40.
  static func terminalSize(_ isTerminal: Bool) -> (width: Int, height: Int) {
    var size = winsize()
    if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0,
      size.ws_row > 0
    {
      return (Int(size.ws_col), Int(size.ws_row))
    }
    return (120, 40)
  }
}
