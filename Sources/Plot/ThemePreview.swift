/// A one-line sample of a theme: its heatmap ramp from low to high f and its
/// optimizer glyphs in their colours, for `optiscope themes`.
///
/// Drawn as cells, like the picture, so it shows at every colour depth the
/// way the map would: band colours with colour, the glyph ramp without.
public enum ThemePreview {
  /// Cells of the ramp shown, sampled evenly from low to high f.
  public static let rampWidth = 16

  /// The preview: `rampWidth` ramp cells, a space, then one glyph per optimizer.
  public static func cells(of theme: Theme, colorDepth: ColorDepth, usesASCII: Bool) -> [Cell] {
    var cells: [Cell] = []
    let colored = theme.fillsWithColor(at: colorDepth)
    for step in 0..<rampWidth {
      let shade = Double(step) / Double(rampWidth - 1)
      cells.append(
        colored
          ? Cell(glyph: " ", background: theme.fillColor(shade: shade))
          : Cell(theme.fillGlyph(shade: shade, ascii: usesASCII)))
    }
    // The glyphs on the theme's own background, as in its legend (a light theme's dark
    // colours would vanish on a dark terminal).
    cells.append(Cell(glyph: " ", background: theme.background))
    for style in theme.racers.indices.map(theme.racerStyle) {
      cells.append(
        Cell(
          usesASCII ? style.asciiGlyph : style.glyph, foreground: style.color,
          background: theme.background, attributes: theme.currentAttributes))
    }
    cells.append(Cell(glyph: " ", background: theme.background))
    return cells
  }
}
