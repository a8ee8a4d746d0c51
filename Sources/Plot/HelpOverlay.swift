/// The `?` help: every key in a framed box over the middle of its area, in two columns
/// when one would not fit the height.
///
/// It draws the rows it is given (the program's keys live with the program), so the
/// drawing knows nothing of how keys are handled.
public struct HelpOverlay: Widget {
  /// The rows of the help: the keys, then what they do.
  public var rows: [(keys: String, action: String)]
  public var theme: Theme
  public var usesASCII: Bool

  public init(rows: [(keys: String, action: String)], theme: Theme, usesASCII: Bool) {
    self.rows = rows
    self.theme = theme
    self.usesASCII = usesASCII
  }

  /// How many columns the rows go in: one when they fit `height`, else as many
  /// as needed (at most 3, descriptions shortened), so every key stays visible.
  public func columnCount(height: Int) -> Int {
    let rowsAvailable = max(1, height - 4)
    return max(1, min(3, (rows.count + rowsAvailable - 1) / rowsAvailable))
  }

  public func draw(into canvas: inout Canvas, area: Region) {
    let columns = columnCount(height: area.height)
    let keyWidth = rows.map(\.keys.count).max() ?? 0
    let fullWidth = rows.map { keyWidth + 2 + $0.action.count }.max() ?? 0
    let rowsPerColumn = (rows.count + columns - 1) / columns
    // In several columns, long descriptions are shortened to share the width.
    let textWidth =
      columns == 1 ? fullWidth : min(fullWidth, (area.width - 4 - 3 * (columns - 1)) / columns)
    let boxWidth = min(area.width, columns * textWidth + 3 * (columns - 1) + 4)
    let boxHeight = min(area.height, rowsPerColumn + 4)
    let left = area.x + max(0, (area.width - boxWidth) / 2)
    let top = area.y + max(0, (area.height - boxHeight) / 2)
    let background = theme.statusBackground
    for row in top..<(top + boxHeight) {
      for column in left..<(left + boxWidth) {
        canvas[column, row] = Cell(glyph: " ", foreground: theme.text, background: background)
      }
    }
    drawFrame(into: &canvas, left: left, top: top, width: boxWidth, height: boxHeight)
    canvas.write(
      " optiscope keys ", x: left + 2, y: top, foreground: theme.heading, background: background,
      attributes: [.bold])
    for (index, line) in rows.enumerated() {
      let column = index / rowsPerColumn
      let x = left + 2 + column * (textWidth + 3)
      let y = top + 1 + index % rowsPerColumn
      guard y < top + boxHeight - 2 else { continue }
      let padded = line.keys + String(repeating: " ", count: keyWidth - line.keys.count)
      canvas.write(
        padded, x: x, y: y, foreground: theme.warning, background: background,
        attributes: [.bold])
      let room = min(textWidth - keyWidth - 2, left + boxWidth - 2 - (x + 2 + keyWidth))
      canvas.write(
        clip(line.action, to: room), x: x + 2 + keyWidth, y: y, foreground: theme.text,
        background: background)
    }
    canvas.write(
      clip("any key closes this help", to: boxWidth - 4), x: left + 2, y: top + boxHeight - 2,
      foreground: theme.dimText, background: background)
  }

  /// `text` cut to `width` columns, ending in "…" when it was cut.
  private func clip(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    return text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }

  private func drawFrame(into canvas: inout Canvas, left: Int, top: Int, width: Int, height: Int) {
    guard width >= 2, height >= 2 else { return }
    let glyphs: (h: Character, v: Character, corners: [Character]) =
      usesASCII ? ("-", "|", ["+", "+", "+", "+"]) : ("─", "│", ["┌", "┐", "└", "┘"])
    let right = left + width - 1
    let bottom = top + height - 1
    func put(_ glyph: Character, _ x: Int, _ y: Int) {
      canvas[x, y] = Cell(glyph, foreground: theme.border, background: theme.statusBackground)
    }
    for x in (left + 1)..<right {
      put(glyphs.h, x, top)
      put(glyphs.h, x, bottom)
    }
    for y in (top + 1)..<bottom {
      put(glyphs.v, left, y)
      put(glyphs.v, right, y)
    }
    put(glyphs.corners[0], left, top)
    put(glyphs.corners[1], right, top)
    put(glyphs.corners[2], left, bottom)
    put(glyphs.corners[3], right, bottom)
  }
}
