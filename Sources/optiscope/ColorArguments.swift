import App
import ArgumentParser

/// `--color` and `--colors`, as `run`, `render`, `record` (through `AppearanceArguments`)
/// and `themes` take them: one wording and one check of `--colors` for all of them.
struct ColorArguments: ParsableArguments {
  @Option(help: "Colours: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorChoice = .auto

  @Option(
    help: ArgumentHelp(
      "How many colours to use: 24bit, 256, 16 or 8 (default: what the terminal has).",
      valueName: "n"))
  var colors: String?

  func validate() throws {
    if let colors, ColorPolicy.colorCount(argument: colors) == nil {
      throw ValidationError("--colors must be 24bit, 256, 16 or 8, got \(colors)")
    }
  }
}
