import Plot

/// A theme whose glyphs are easy to write in expected lines: fill bands are
/// letters, contours are -|/\, markers S and M; drawn without colour (its ramp
/// is empty), so the glyph ramp and contour lines show.
enum SnapshotTheme {
  static var theme: Theme {
    var theme = Theme.standard
    theme.name = "snapshot"
    theme.fillGlyphs = ["a", "b", "c", "d", "e"]
    theme.asciiFillGlyphs = ["a", "b", "c", "d", "e"]
    theme.colorRamp = .none
    theme.contourGlyphs = .ascii
    theme.drawsMonochromeContours = true
    theme.undefinedGlyph = "?"
    theme.shadow = .none
    theme.start = MarkerStyle(glyph: "S", asciiGlyph: "S", color: .ansi(2))
    theme.minimum = MarkerStyle(glyph: "M", asciiGlyph: "M", color: .ansi(4))
    return theme
  }
}
