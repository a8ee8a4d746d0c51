import Plot

/// The bottom row while the user types an expression or a start point.
struct InputLineView {
  var line: InputLine
  var theme: Theme

  /// Draws prompt, text, a cursor block and any error over `row`.
  func draw(into canvas: inout Canvas, row: Int) {
    for column in 0..<canvas.width {
      canvas[column, row] = Cell(glyph: " ", background: theme.statusBackground)
    }
    var x = 0
    func put(_ text: String, _ color: Color, _ attributes: Cell.Attributes = []) {
      canvas.write(
        text, x: x, y: row, foreground: color, background: theme.statusBackground,
        attributes: attributes)
      x += TextRun.width(of: text)
    }
    put(" " + line.purpose.prompt, theme.heading, [.bold])
    // Keep the end of a long entry (where the typing happens) in view.
    let room = max(1, canvas.width - x - 2)
    let text =
      TextRun.width(of: line.text) > room ? "…" + String(line.text.suffix(room - 1)) : line.text
    put(text, theme.statusForeground)
    put(" ", theme.statusForeground, [.reverse])
    if let error = line.error {
      put("  " + error, theme.error, [.bold])
    } else {
      put(
        "  Enter " + (line.purpose == .expression ? "use it" : "restart there") + ", Esc cancel",
        theme.dimText)
    }
  }
}
