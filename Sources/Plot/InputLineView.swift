/// The bottom row while the user types an expression or a start point.
///
/// It draws the plain state it is given (prompt, text, cursor, the note after the text),
/// so the drawing knows nothing of how the line is edited.
public struct InputLineView: Widget {
  /// What the note after the text says.
  public enum Note: Hashable, Sendable {
    /// The keys that finish the line ("Enter use it, Esc cancel"), dimmed.
    case hint(String)
    /// Why the text was refused, or the length limit, in the error colour.
    case error(String)
  }

  /// The prompt before the text, such as "f(x, y) = ".
  public var prompt: String
  /// The text typed so far.
  public var characters: [Character]
  /// Where typing happens: the index of the character the cursor is before.
  public var cursor: Int
  public var note: Note
  public var theme: Theme

  public init(prompt: String, characters: [Character], cursor: Int, note: Note, theme: Theme) {
    self.prompt = prompt
    self.characters = characters
    self.cursor = cursor
    self.note = note
    self.theme = theme
  }

  /// Draws prompt, text with the cursor block where typing happens, and the note over the
  /// first row of `area`.
  ///
  /// A line longer than the row shows the part around the cursor, with "…" where it is cut.
  public func draw(into canvas: inout Canvas, area: Region) {
    guard !area.isEmpty else { return }
    let row = area.y
    for column in area.x..<(area.x + area.width) {
      canvas[column, row] = Cell(glyph: " ", background: theme.statusBackground)
    }
    var x = area.x
    func put(_ text: String, _ color: Color, _ attributes: Cell.Attributes = []) {
      canvas.write(
        text, x: x, y: row, foreground: color, background: theme.statusBackground,
        attributes: attributes)
      x += max(1, TextRun.width(of: text))
    }
    put(" " + prompt, theme.heading, [.bold])
    // The note after the text (why it was refused, the limit, or the keys) keeps its
    // room however long the text, so that it is seen.
    let note: (text: String, color: Color, attributes: Cell.Attributes) =
      switch self.note {
      case .hint(let text): ("  " + text, theme.dimText, [])
      case .error(let text): ("  " + text, theme.error, [.bold])
      }
    // Each character is written on its own, so a lone combining mark keeps its cell
    // and the cursor block lands on the character it is before.
    let texts = characters.map { String($0) }
    let widths = texts.map { max(1, TextRun.width(of: $0)) }
    let available = max(2, area.x + area.width - x - 1)
    let room = min(available, max(Self.leastTextRoom, available - TextRun.width(of: note.text)))
    let window = Self.visibleRange(widths: widths, cursor: cursor, room: room)
    if window.lowerBound > 0 { put("…", theme.dimText) }
    for index in window {
      put(
        texts[index], theme.statusForeground, index == cursor ? [.reverse] : [])
    }
    if cursor == characters.count {
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
