import Plot

/// The `?` help: every key in a framed box over the middle of the screen.
struct HelpOverlay {
  var theme: Theme
  var usesASCII: Bool

  /// The lines of the help, key column first.
  static let lines: [(keys: String, action: String)] = [
    ("space", "pause / resume"),
    ("n  .", "one step (pauses)"),
    ("r", "restart from the start point"),
    ("[  ]", "fewer / more steps per frame"),
    ("Tab  S-Tab", "select next / previous optimizer, or all"),
    ("+  -", "learning rate \(HyperparameterNudge.learningRateFactorText) / ÷√2 (selected)"),
    ("b  B", "beta1 down / up  (1−β ×2 / ÷2: 0.9 ↔ 0.95 ↔ 0.975)"),
    ("v  V", "beta2 down / up"),
    ("m  M", "momentum down / up"),
    ("1 … 9", "show / hide optimizer N"),
    ("arrows", "pan the view"),
    ("z  Z", "zoom in / out        0  reset the view"),
    ("f  F", "next / previous built-in function"),
    ("e", "type a function of x and y"),
    ("s", "type a start point x,y      click: start there"),
    ("l", "layout: overlay / split      t  next theme"),
    ("R", "start / stop recording       S  save the scene"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
  ]

  func draw(into canvas: inout Canvas) {
    let keyWidth = Self.lines.map(\.keys.count).max() ?? 0
    let textWidth = Self.lines.map { keyWidth + 2 + $0.action.count }.max() ?? 0
    let boxWidth = min(canvas.width, textWidth + 4)
    let boxHeight = min(canvas.height, Self.lines.count + 4)
    let left = max(0, (canvas.width - boxWidth) / 2)
    let top = max(0, (canvas.height - boxHeight) / 2)
    let background = theme.statusBackground
    for row in top..<(top + boxHeight) {
      for column in left..<(left + boxWidth) {
        canvas[column, row] = Cell(" ", foreground: theme.text, background: background)
      }
    }
    drawFrame(into: &canvas, left: left, top: top, width: boxWidth, height: boxHeight)
    canvas.write(
      " optiscope keys ", x: left + 2, y: top, foreground: theme.heading, background: background,
      attributes: [.bold])
    for (index, line) in Self.lines.enumerated() {
      let y = top + 1 + index
      guard y < top + boxHeight - 2 else { break }
      let padded = line.keys + String(repeating: " ", count: keyWidth - line.keys.count)
      canvas.write(
        padded, x: left + 2, y: y, foreground: theme.warning, background: background,
        attributes: [.bold])
      canvas.write(
        clip(line.action, to: left + boxWidth - 2 - (left + 4 + keyWidth)), x: left + 4 + keyWidth,
        y: y, foreground: theme.text, background: background)
    }
    canvas.write(
      clip("any key closes this help", to: boxWidth - 4), x: left + 2, y: top + boxHeight - 2,
      foreground: theme.dimText, background: background)
  }

  private func clip(_ text: String, to width: Int) -> String {
    width <= 0 ? "" : String(text.prefix(width))
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
