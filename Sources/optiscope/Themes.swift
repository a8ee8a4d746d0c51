import App
import ArgumentParser
import FoundationEssentials
import Plot
import Runtime
import Terminal

/// `optiscope themes`: list the themes that can be found, each with a one-line preview.
struct Themes: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the themes, each with a one-line preview (no terminal UI).",
    discussion: """
      One line per theme: its name (for --theme), a preview of its heatmap ramp from low to \
      high f and its optimizer glyphs in their colours, and what it is for. A broken theme \
      file is listed with what is wrong with it. The preview is in colour when stdout is a \
      terminal (or with --color always), at the terminal's colour depth (or --colors); \
      without colour it shows the glyph ramp, which most themes share, and says so.

      Theme files NAME.theme are searched for, first match of a name winning, in: ./themes, \
      $XDG_CONFIG_HOME/optiscope/themes (~/.config/optiscope/themes), \
      ../share/optiscope/themes next to the executable, and the themes folder of the source \
      tree it was built from. The built-in default is always there.

      Examples:
        optiscope themes
        optiscope --theme magma
        optiscope render --theme okabe-ito --color always
      """
  )

  /// `--color` and `--colors`, as `render` takes them.
  @OptionGroup var colorArguments: ColorArguments

  @Flag(help: "Only ASCII characters (automatic outside a UTF-8 locale).")
  var ascii = false

  func run() throws {
    var appearance = AppearanceArguments()
    appearance.colorArguments = colorArguments
    appearance.ascii = ascii
    let depth = appearance.outputDepth()
    let usesASCII = appearance.usesASCII
    let catalog = ThemeCatalog.standard()
    let output = Self.listing(catalog, depth: depth, usesASCII: usesASCII)
    try StandardStream.print(output)
  }

  /// The listing: one line per theme, then where the themes were found.
  static func listing(_ catalog: ThemeCatalog, depth: ColorDepth, usesASCII: Bool) -> String {
    let names = catalog.choices.map { text($0.name, limit: nameLimit) }
    let nameWidth = max(names.map(\.count).max() ?? 0, 7)
    let standard = Theme.standard
    var lines: [[Cell]] = []
    for (choice, name) in zip(catalog.choices, names) {
      var cells = name + text(String(repeating: " ", count: nameWidth + 2 - name.count))
      switch choice.result {
      case .success(let theme):
        cells += ThemePreview.cells(of: theme, colorDepth: depth, usesASCII: usesASCII)
        cells += text("  ", color: standard.dimText) + text(theme.summary, color: standard.dimText)
      case .failure(let error):
        cells += text(
          "broken: \(error)", color: standard.error, limit: StandardStream.messageLimit)
      }
      lines.append(cells)
    }
    lines.append([])
    if depth == .none {
      // Most themes share one glyph ramp and differ only in colour: say so, rather than
      // show six identical previews as if they were the themes.
      lines.append(
        text(
          "without colour the previews show only the glyph ramps (most themes share one); "
            + "--color always shows their colours", color: standard.dimText))
    }
    let folders =
      catalog.folders.isEmpty
      ? "none found (only the built-in default)"
      : catalog.folders.map { DisplayText($0, limit: textLimit).description }
        .joined(separator: ", ")
    lines.append(text("theme folders: " + folders, color: standard.dimText, limit: .max))
    lines.append(
      text(
        "use one with --theme NAME (or --theme PATH); t cycles them live", color: standard.dimText))
    let width = lines.map(\.count).max() ?? 0
    var canvas = Canvas(width: width, height: lines.count)
    for (row, cells) in lines.enumerated() {
      for (column, cell) in cells.enumerated() { canvas[column, row] = cell }
    }
    if usesASCII { ASCIIFallback.apply(to: &canvas) }
    let encoded =
      depth == .none ? TextEncoder.plain(canvas) : TextEncoder.ansi(canvas, depth: depth)
    // Lines are padded to the canvas's width; a listing reads better without trailing spaces.
    return encoded.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .map { line in
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return line + "\n"
      }.joined()
  }

  /// The most characters of a theme's name shown (a file name can be 255 bytes).
  static let nameLimit = 40

  /// The most characters shown of a description or a folder on a line.
  static let textLimit = 200

  /// The cells that show `string`, a name or description from a theme file among them:
  /// through `CellScalars`, so a control character shows as its escape (`\e`), never raw.
  private static func text(
    _ string: String, color: Color = .terminalDefault, limit: Int = textLimit
  ) -> [Cell] {
    CellScalars(DisplayText(string, limit: limit).description).map {
      Cell(glyph: $0, foreground: color)
    }
  }
}
