import Plot

/// The bottom row while the user types an expression or a start point.
struct InputLineView {
  var line: InputLine
  var theme: Theme

  /// Draws prompt, text with the cursor block where typing happens, and the hint or error over `row`.
  ///
  /// A line longer than the row shows the part around the cursor, with "…" where it is cut.
  func draw(into canvas: inout Canvas, row: Int) {
    for column in 0..<canvas.width {
      canvas[column, row] = Cell(glyph: " ", background: theme.statusBackground)
    }
    var x = 0
    func put(_ text: String, _ color: Color, _ attributes: Cell.Attributes = []) {
      canvas.write(
        text, x: x, y: row, foreground: color, background: theme.statusBackground,
        attributes: attributes)
      x += max(1, TextRun.width(of: text))
    }
    put(" " + line.purpose.prompt, theme.heading, [.bold])
    // The note after the text (why it was refused, the limit, or the keys) keeps its
    // room however long the text, so that it is seen.
    let note: (text: String, color: Color, attributes: Cell.Attributes)
    if line.isAtLimit {
      note = ("  at most \(InputLine.maximumLength) characters", theme.error, [.bold])
    } else if let error = line.error {
      note = ("  " + error, theme.error, [.bold])
    } else {
      note = (
        "  Enter " + (line.purpose == .expression ? "use it" : "restart there") + ", Esc cancel",
        theme.dimText, []
      )
    }
    let characters = line.characters
    // Each character is written on its own, so a lone combining mark keeps its cell
    // and the cursor block lands on the character it is before.
    let texts = characters.map { String($0) }
    let widths = texts.map { max(1, TextRun.width(of: $0)) }
    let available = max(2, canvas.width - x - 1)
    let room = min(available, max(Self.leastTextRoom, available - TextRun.width(of: note.text)))
    let window = Self.visibleRange(widths: widths, cursor: line.cursor, room: room)
    if window.lowerBound > 0 { put("…", theme.dimText) }
    for index in window {
      put(
        texts[index], theme.statusForeground, index == line.cursor ? [.reverse] : [])
    }
    if line.cursor == characters.count {
      put(" ", theme.statusForeground, [.reverse])
    } else if window.upperBound < characters.count {
      put("…", theme.dimText)
    }
    put(note.text, note.color, note.attributes)
  }

  /// The fewest cells the text keeps when a long note shares the row with it.
  static let leastTextRoom = 16

  /// The characters shown in `room` cells: all when they fit, else a run that holds the
  /// cursor (near the right end, where typing happens), leaving a cell for each "…" and
  /// for the cursor block after the last character.
  static func visibleRange(widths: [Int], cursor: Int, room: Int) -> Range<Int> {
    let count = widths.count
    let total = widths.reduce(0, +) + (cursor == count ? 1 : 0)
    guard total > room else { return 0..<count }
    // Walk left from the cursor while the run, the cursor cell and the marks fit.
    let cursorWidth = cursor < count ? widths[cursor] : 1
    var start = cursor
    var used = cursorWidth
    while start > 0 {
      let marks = (start - 1 > 0 ? 1 : 0) + (cursor + 1 < count ? 1 : 0)
      guard used + widths[start - 1] + marks <= room else { break }
      start -= 1
      used += widths[start]
    }
    // Then right from the cursor with what room is left.
    var end = min(count, cursor + 1)
    while end < count {
      let marks = (start > 0 ? 1 : 0) + (end + 1 < count ? 1 : 0)
      guard used + widths[end] + marks <= room else { break }
      used += widths[end]
      end += 1
    }
    return start..<end
  }
}
