import OptimKit

/// The basins' key: for whose optimizer, how far along, and one swatch per minimum with the
/// share of the map that reaches it.
struct BasinKeyPanel: Widget {
  var basins: BasinDrawing
  /// The theme style of the racer it is about.
  var styleIndex: Int
  var theme: Theme
  var usesASCII: Bool

  /// The rows it would like: a heading, one row per minimum, one for "none / diverged".
  var preferredHeight: Int { basins.minima.count + 2 }

  func draw(into canvas: inout Canvas, area: Region) {
    guard !area.isEmpty else { return }
    let style = theme.racerStyle(styleIndex)
    let percent = Int((basins.progress * 100).rounded(.down))
    TextRun.write(
      [
        TextRun("basins ", color: theme.heading, attributes: [.bold]),
        TextRun(
          String(usesASCII ? style.asciiGlyph : style.glyph) + " " + basins.label,
          color: style.color, attributes: [.bold]),
        TextRun(
          percent < 100 ? "  \(percent)%" : "  done",
          color: percent < 100 ? theme.warning : theme.dimText),
      ], into: &canvas, x: area.x, y: area.y, width: area.width)
    let shares = basins.shares
    let swatch = usesASCII ? "##" : "██"
    var y = area.y + 1
    for (index, minimum) in basins.minima.enumerated() where y < area.y + area.height {
      let share = Int((shares.minima[index] * 100).rounded())
      TextRun.write(
        [
          TextRun(swatch, color: BasinDrawing.tint(minimum: index)),
          TextRun(" \(index + 1) ", color: theme.heading, attributes: [.bold]),
          TextRun(
            "(" + NumberFormat.compact(minimum.x, digits: 3) + ", "
              + NumberFormat.compact(minimum.y, digits: 3) + ")", color: theme.text),
          TextRun("  \(share)%", color: theme.dimText),
        ], into: &canvas, x: area.x, y: y, width: area.width)
      y += 1
    }
    if y < area.y + area.height {
      TextRun.write(
        [
          TextRun(swatch, color: BasinDrawing.noneTint),
          TextRun(" none  ", color: theme.dimText),
          TextRun(swatch, color: BasinDrawing.divergedTint),
          TextRun(" diverged \(Int((shares.diverged * 100).rounded()))%", color: theme.dimText),
        ], into: &canvas, x: area.x, y: y, width: area.width)
    }
  }
}
