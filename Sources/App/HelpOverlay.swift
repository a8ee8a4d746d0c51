import Plot

/// The `?` help: every key in a framed box over the middle of the screen, in two columns
/// when one would not fit the height.
struct HelpOverlay {
  var theme: Theme
  var usesASCII: Bool

  /// The lines of the help, key column first.
  static let lines: [(keys: String, action: String)] = [
    ("space  n .", "pause / resume · one step (pauses)"),
    ("r", "restart from the start point (the same noise again)"),
    ("[  ]", "fewer / more steps per frame"),
    ("Tab S-Tab o", "select next / previous optimizer, or all · o: it alone"),
    ("+  -", "learning rate \(HyperparameterNudge.learningRateFactorText) / ÷√2 (selected)"),
    ("b B v V m M", "beta1 / beta2 / momentum down / up: 1−β ×2 / ÷2, 0.9 ↔ 0.95"),
    ("k K  < >", "choose / move an optimizer's own setting (etas, history…)"),
    ("d", "settings of the selected back to the scene's (lr, betas…)"),
    ("c", "lr schedule: none → step → exponential → cosine → …"),
    ("g  G", "gradient noise σ down / up: 0, 0.01, 0.03, 0.1 … (all alike)"),
    ("1 … 9", "show / hide optimizer N"),
    ("arrows z Z 0 w", "pan · zoom in / out · reset · fit to the trails"),
    ("f  F", "next / previous built-in function"),
    ("e  s", "type a function of x and y · a start point (or click)"),
    ("  editing", "← → Home End ^A ^E · ^W ^U ^K Del · ↑ ↓ earlier entries"),
    ("l t L y", "layout · next theme · leaderboard · chart log / linear"),
    ("i", "inspector: −∇f and update arrows, step, lr/√v̂, state"),
    ("a", "basins of attraction of the selected optimizer"),
    ("R  S  P", "start / stop recording · save the scene · save a PNG"),
    ("?  q", "this help · quit (also Ctrl-C)"),
  ]

  /// How many columns the lines go in: one when they fit the screen's height, else as many
  /// as needed (at most 3, descriptions shortened), so every key stays visible.
  static func columnCount(height: Int) -> Int {
    let rowsAvailable = max(1, height - 4)
    return max(1, min(3, (lines.count + rowsAvailable - 1) / rowsAvailable))
  }

  func draw(into canvas: inout Canvas) {
    let columns = Self.columnCount(height: canvas.height)
    let keyWidth = Self.lines.map(\.keys.count).max() ?? 0
    let fullWidth = Self.lines.map { keyWidth + 2 + $0.action.count }.max() ?? 0
    let rowsPerColumn = (Self.lines.count + columns - 1) / columns
    // In several columns, long descriptions are shortened to share the width.
    let textWidth =
      columns == 1 ? fullWidth : min(fullWidth, (canvas.width - 4 - 3 * (columns - 1)) / columns)
    let boxWidth = min(canvas.width, columns * textWidth + 3 * (columns - 1) + 4)
    let boxHeight = min(canvas.height, rowsPerColumn + 4)
    let left = max(0, (canvas.width - boxWidth) / 2)
    let top = max(0, (canvas.height - boxHeight) / 2)
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
    for (index, line) in Self.lines.enumerated() {
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
