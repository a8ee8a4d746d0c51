import App
import ArgumentParser
import FoundationEssentials
import LibC
import OptimKit
import Plot
import Plugins

/// `optiscope render`: run a race headlessly and print its final screen.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Run a race headlessly and print the final screen as text (no terminal needed).",
    discussion: """
      Prints exactly H lines of exactly W columns: the heatmap of log-scaled contour levels, \
      every optimizer's path, the legend, the loss panel and the status line. Plain text when \
      stdout is not a terminal (or with --color never), ANSI colours with --color always, \
      in the theme's colours for the terminal's depth (or --colors). NO_COLOR in the \
      environment turns colours off under --color auto. In a non-UTF-8 locale, or with \
      --ascii, only ASCII characters are printed.

      Without --optimizer or --sweep the field the live program races runs (sgd, momentum, \
      nesterov, adagrad, rmsprop, adadelta, adam and nadam) at the function's learning rates; \
      without --function or --expr the scene is Rosenbrock.

      Examples:
        optiscope render
        optiscope render --function himmelblau --steps 200 --layout split --color always
        optiscope render --expr "x^2 + 10*y^2" --start=-2,1 --optimizer adam:lr=0.1
        optiscope render --theme magma --color always --colors 16
      """
  )

  /// Largest accepted --steps, so a typo cannot make the command run for minutes.
  static let maximumSteps = 100_000

  @OptionGroup var scene: SceneArguments

  @Option(
    help:
      "Number of steps (0 to \(Render.maximumSteps); default: a --scene file's steps, else 300)."
  )
  var steps: Int?

  @Option(
    help: ArgumentHelp(
      "The screen WxH (default: a --scene file's size, the terminal's, or 120x40).",
      valueName: "WxH"))
  var size: String?

  @OptionGroup var appearance: AppearanceArguments

  @OptionGroup var plugins: PluginArguments

  @Option(help: "What to write: text (the screen), or an image: png, svg or pdf (needs --out).")
  var format: String = "text"

  @Option(
    help: ArgumentHelp("The image file to write (with --format png|svg|pdf).", valueName: "file"))
  var out: String?

  @Option(
    help: ArgumentHelp("The image's size in pixels (default 1000x800).", valueName: "WxH"))
  var pixels: String?

  @Flag(help: "Overwrite --out if it exists.")
  var force = false

  func run() throws {
    if let image = try imagePlan() {
      try writeImage(image)
      return
    }
    let output = try makeOutput()
    try StandardStream.print(output)
  }

  /// Checks every input, runs the race and draws it; throws a one-line `Refusal`.
  func makeOutput() throws -> String {
    let (_, canvas, depth) = try run(drawsScreen: true)
    return depth == .none ? TextEncoder.plain(canvas) : TextEncoder.ansi(canvas, depth: depth)
  }

  /// Checks every input and runs the race; throws a one-line `Refusal`.
  func makeModel() throws -> (Model, ColorDepth) {
    let (model, _, depth) = try run(drawsScreen: false)
    return (model, depth)
  }

  /// Checks every input and runs the race as a program of the one loop (`RenderRun`); the
  /// model at the end, the screen the loop drew (when `drawsScreen`) and the output's depth.
  private func run(drawsScreen: Bool) throws -> (Model, Canvas, ColorDepth) {
    let (sceneArguments, pluginTexts) = try PluginRacers.split(scene)
    if !pluginTexts.isEmpty && sceneArguments.racers.optimizers.isEmpty {
      throw CommandError(
        "race a plug-in beside at least one built-in optimizer (e.g. --optimizer adam)")
    }
    let file = try sceneArguments.sceneFile()
    var options = file.options
    options.pluginSpecs += pluginTexts
    let checked = try options.scene()
    let steps = self.steps ?? file.steps ?? 300
    guard (0...Self.maximumSteps).contains(steps) else {
      throw CommandError("--steps must be between 0 and \(Self.maximumSteps), got \(steps)")
    }
    let isTerminal = isatty(STDOUT_FILENO) == 1
    let screen: (width: Int, height: Int) =
      try size.map { text throws(SceneOptions.Problem) in try SceneOptions.parseSize(text) }
      ?? file.size.map { ($0.width, $0.height) } ?? Self.terminalSize(isTerminal)
    let themes = try appearance.onlyTheme(default: file.theme)
    let depth = appearance.outputDepth()
    let model = Model(
      scene: checked, width: screen.width, height: screen.height, themes: themes,
      colorDepth: depth, usesASCII: appearance.usesASCII || (file.usesASCII ?? false),
      cells: appearance.cells.mode)
    // A bad --plugin-output path is refused before any plug-in starts.
    let printedFile = try plugins.openPluginOutput()
    let started: [PluginOptimizer]
    do {
      started = try PluginRacers.start(pluginTexts, for: checked, runtime: plugins.runtime)
    } catch {
      printedFile?.discard()
      throw error
    }
    defer { for plugin in started { plugin.terminate() } }
    var program = RenderRun(model: model, steps: steps, plugins: started, drawsScreen: drawsScreen)
    let backend = HeadlessBackend(width: screen.width, height: screen.height)
    _ = ProgramLoop.run(&program, on: backend)
    try PluginArguments.finish(
      printedFile, printed: started.map { ($0.spec.object, $0.printed) },
      otherwise: "--plugin-output FILE keeps it")
    return (program.model, backend.screen, depth)
  }

  /// The terminal's size when stdout is one, else 120×40.
  static func terminalSize(_ isTerminal: Bool) -> (width: Int, height: Int) {
    (isTerminal ? StandardOutputSize.current() : nil) ?? (120, 40)
  }
}
