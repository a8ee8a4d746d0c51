import Plot

/// A theme whose glyphs are easy to write in expected lines: fill bands are
/// digits-like letters, contours are -|/\, markers S and M.
enum SnapshotTheme {
  static let plainFill: Color = .xterm(100, fallback: 2)

  static var theme: Theme {
    var theme = Theme.standard
    theme.name = "snapshot"
    theme.fillGlyphs = ["a", "b", "c", "d", "e"]
    theme.fillColors = [plainFill]
    theme.fillBackgrounds = []
    theme.contourGlyphs = Theme.ContourGlyphs(
      horizontal: "-", vertical: "|", rising: "/", falling: "\\")
    theme.undefinedGlyph = "?"
    theme.start = MarkerStyle(glyph: "S", asciiGlyph: "S", color: .ansi(2))
    theme.minimum = MarkerStyle(glyph: "M", asciiGlyph: "M", color: .ansi(4))
    return theme
  }
}
