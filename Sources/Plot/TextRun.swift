/// A piece of styled text for panels and the status line.
///
/// Panels are built from runs so they can drop or shorten the least
/// important pieces when there is not enough room.
public struct TextRun: Hashable, Sendable {
  public var text: String
  public var color: Color
  public var attributes: Cell.Attributes

  public init(_ text: String, color: Color, attributes: Cell.Attributes = []) {
    self.text = text
    self.color = color
    self.attributes = attributes
  }

  /// Writes runs one after another from (x, y), clipped to `width` columns;
  /// returns the column after the last character written.
  @discardableResult
  static func write(
    _ runs: [TextRun], into canvas: inout Canvas, x: Int, y: Int, width: Int,
    background: Color = .terminalDefault
  ) -> Int {
    var column = x
    let limit = x + width
    for run in runs {
      for scalar in CellScalars(run.text) {
        guard column < limit else { return column }
        canvas[column, y] = Cell(
          glyph: scalar, foreground: run.color, background: background,
          attributes: run.attributes)
        column += 1
      }
    }
    return column
  }

  /// The columns `text` takes when written (see `CellScalars`).
  public static func width(of text: String) -> Int {
    CellScalars.count(in: text)
  }

  /// `text` cut to `width` columns, ending in "…" when it was cut.
  static func truncated(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard Self.width(of: text) > width else { return text }
    var kept = String.UnicodeScalarView()
    for scalar in CellScalars(text).prefix(width - 1) { kept.append(scalar) }
    return String(kept) + "…"
  }

  /// `text` padded with spaces (or cut) to exactly `width` columns, aligned right or left.
  static func padded(_ text: String, to width: Int, right: Bool = false) -> String {
    let cut = truncated(text, to: width)
    let padding = String(repeating: " ", count: max(0, width - Self.width(of: cut)))
    return right ? padding + cut : cut + padding
  }
}
