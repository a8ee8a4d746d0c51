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
      for scalar in run.text.unicodeScalars where takesCell(scalar) {
        guard column < limit else { return column }
        canvas[column, y] = Cell(
          glyph: scalar, foreground: run.color, background: background,
          attributes: run.attributes)
        column += 1
      }
    }
    return column
  }

  /// Whether `scalar` starts a cell of text, rather than modifying the glyph before it
  /// (a combining mark, a variation selector, a joiner).
  ///
  /// Text is laid into cells scalar by scalar, keeping the first scalar of
  /// each `Character` as `Cell` does: walking a string's characters costs
  /// some twenty times more, and the legend and status line are written in
  /// every frame.
  @inline(__always)
  static func takesCell(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.value >= 0x300 else { return true }
    let properties = scalar.properties
    return !properties.isGraphemeExtend && properties.generalCategory != .spacingMark
      && scalar.value != 0x200D
  }

  /// The columns `text` takes when written: one per scalar that `takesCell`.
  static func width(of text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars where takesCell(scalar) { width += 1 }
    return width
  }

  /// `text` cut to `width` columns, ending in "…" when it was cut.
  static func truncated(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard Self.width(of: text) > width else { return text }
    var kept = String.UnicodeScalarView()
    var used = 0
    for scalar in text.unicodeScalars {
      if takesCell(scalar) {
        if used == width - 1 { break }
        used += 1
      }
      kept.append(scalar)
    }
    return String(kept) + "…"
  }

  /// `text` padded with spaces (or cut) to exactly `width` columns, aligned right or left.
  static func padded(_ text: String, to width: Int, right: Bool = false) -> String {
    let cut = truncated(text, to: width)
    let padding = String(repeating: " ", count: max(0, width - Self.width(of: cut)))
    return right ? padding + cut : cut + padding
  }
}
