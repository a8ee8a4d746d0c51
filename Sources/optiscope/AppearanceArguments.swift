import App
import ArgumentParser
import FoundationEssentials
import LibC
import Plot
import Runtime
import Terminal

/// How the picture looks, shared by `run`, `render` and `record`: the theme,
/// colours and ASCII-only drawing.
///
/// Everything here is checked before the terminal is touched, so a bad
/// theme file ends the program with one line and a clean screen.
struct AppearanceArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A theme: a name from `optiscope themes`, or the path of a .theme file.",
      valueName: "name|path"))
  var theme: String?

  /// `--color` and `--colors`.
  @OptionGroup var colorArguments: ColorArguments
  /// `--color`: auto, always or never.
  var color: ColorChoice {
    get { colorArguments.color }
    set { colorArguments.color = newValue }
  }
  /// `--colors` as given, nil for the terminal's own depth.
  var colors: String? {
    get { colorArguments.colors }
    set { colorArguments.colors = newValue }
  }

  @Option(
    help: ArgumentHelp(
      "Map cells in colour: half (two samples a cell, ▀ in two colours), full (one), "
        + "quadrant (2×2, ▚ and kin) or sextant (2×3, needs a Unicode 13 font).",
      valueName: "half|full|quadrant|sextant"))
  var cells: CellChoice = .half

  @Flag(
    help: "Draw with ASCII only: no braille, blocks or box drawing (automatic outside UTF-8).")
  var ascii = false

  /// The themes `t` cycles through and the chosen one's position — `--theme`, else
  /// `sceneTheme` (a scene file's), else the default — or the reason the chosen theme
  /// cannot be used (one line naming file, line and key).
  func themeSelection(default sceneTheme: String? = nil) throws(ThemeError) -> (
    choices: [ThemeChoice], index: Int
  ) {
    let catalog = ThemeCatalog.standard()
    guard let chosen = theme ?? sceneTheme else { return catalog.defaultSelection }
    return try catalog.select(chosen)
  }

  /// The theme of `themeSelection(default:)` alone, without reading the other theme
  /// files: for the headless commands, which never switch themes.
  func onlyTheme(default sceneTheme: String? = nil) throws(ThemeError) -> (
    choices: [ThemeChoice], index: Int
  ) {
    try ThemeCatalog.only(theme ?? sceneTheme)
  }

  /// `--colors` as a number of colours (2^24 for `24bit`), nil when not given.
  var colorCount: Int? { colors.flatMap(ColorPolicy.colorCount(argument:)) }

  /// Whether the terminal announces 24-bit colour: `COLORTERM=truecolor|24bit`,
  /// or terminfo's `RGB`/`Tc` flag for `TERM`.
  static func terminalHasTrueColor() -> Bool {
    ColorPolicy.announcesTrueColor(colorTerm: ProcessInfo.processInfo.environment["COLORTERM"])
      || Terminal.hasTrueColor()
  }

  /// Whether to draw with ASCII only: asked for, or the locale is not UTF-8.
  var usesASCII: Bool { ascii || !Terminal.localeIsUTF8 }

  /// The colour depth for output to stdout (headless commands).
  func outputDepth() -> ColorDepth {
    let isTerminal = isatty(STDOUT_FILENO) == 1
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    // Asking terminfo is only needed when colour is on and no depth was given.
    let needsTerminal =
      colors == nil
      && (color == .always || (color == .auto && isTerminal && !noColor))
    return ColorPolicy.depth(
      mode: color.mode, requestedColors: colorCount, isTerminal: isTerminal, noColor: noColor,
      terminalColors: needsTerminal ? Terminal.colorCount() : nil,
      terminalHasTrueColor: needsTerminal && Self.terminalHasTrueColor())
  }
}
