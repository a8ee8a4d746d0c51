/// How two canvases differ, cell by cell, told so that a person can read it.
///
/// Tests compare whole screens: a substring check passes when a panel moves,
/// overlaps another or loses a column, a whole-canvas comparison does not. But
/// a failed comparison of two 120 × 40 grids is useless as two dumps, so this
/// names the cells that differ (row, column, expected and actual glyph, and the
/// style when styles are compared) and shows each differing row of both
/// canvases one above the other with a marker under the changed columns.
public struct CanvasDifference: Hashable, Sendable, CustomStringConvertible {
  /// What of a cell takes part in the comparison.
  public enum Aspect: Hashable, Sendable {
    /// The characters only: what a plain-text frame shows.
    case glyphs
    /// The characters and the attributes (bold, dim, underline, reverse).
    case glyphsAndAttributes
    /// Everything: characters, attributes and both colours.
    case everything
  }

  /// One cell that differs.
  public struct Change: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var expected: Cell
    public var actual: Cell
  }

  /// The sizes of the two canvases, as (width, height).
  public let expectedSize: Size
  public let actualSize: Size
  /// The cells that differ inside the area both canvases cover, row by row.
  public let changes: [Change]
  /// What was compared.
  public let aspect: Aspect
  /// The rows of both canvases, to show the differing ones whole.
  private let expectedLines: [String]
  private let actualLines: [String]

  /// A width and a height in cells.
  public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
  }

  /// How many changed cells the description names one by one; the rows show the rest.
  public static let namedChangeLimit = 24

  /// The difference of `actual` from `expected`, or nil when they agree in `aspect`.
  public init?(expected: Canvas, actual: Canvas, comparing aspect: Aspect = .glyphs) {
    var changes: [Change] = []
    for row in 0..<min(expected.height, actual.height) {
      for column in 0..<min(expected.width, actual.width) {
        let wanted = expected[column, row]
        let got = actual[column, row]
        if !Self.agree(wanted, got, in: aspect) {
          changes.append(Change(row: row, column: column, expected: wanted, actual: got))
        }
      }
    }
    let sameSize = expected.width == actual.width && expected.height == actual.height
    guard !changes.isEmpty || !sameSize else { return nil }
    self.expectedSize = Size(width: expected.width, height: expected.height)
    self.actualSize = Size(width: actual.width, height: actual.height)
    self.changes = changes
    self.aspect = aspect
    self.expectedLines = expected.lines
    self.actualLines = actual.lines
  }

  /// Whether two cells agree in what is compared.
  private static func agree(_ one: Cell, _ other: Cell, in aspect: Aspect) -> Bool {
    switch aspect {
    case .glyphs: one.glyph == other.glyph
    case .glyphsAndAttributes: one.glyph == other.glyph && one.attributes == other.attributes
    case .everything: one == other
    }
  }

  public var description: String {
    var report: [String] = []
    if expectedSize != actualSize {
      report.append(
        "the canvas is \(actualSize.width)×\(actualSize.height), "
          + "expected \(expectedSize.width)×\(expectedSize.height)")
    }
    if !changes.isEmpty {
      let rows = Set(changes.map(\.row)).count
      report.append(
        "\(changes.count) cell\(changes.count == 1 ? "" : "s") differ in \(rows) "
          + "row\(rows == 1 ? "" : "s") (\(aspectName)):")
      for change in changes.prefix(Self.namedChangeLimit) {
        report.append(
          "  row \(change.row), column \(change.column): expected \(describe(change.expected)), "
            + "got \(describe(change.actual))")
      }
      if changes.count > Self.namedChangeLimit {
        report.append("  … and \(changes.count - Self.namedChangeLimit) more")
      }
    }
    report.append(contentsOf: rowComparison)
    return report.joined(separator: "\n")
  }

  private var aspectName: String {
    switch aspect {
    case .glyphs: "characters"
    case .glyphsAndAttributes: "characters and attributes"
    case .everything: "characters, attributes and colours"
    }
  }

  /// Each row that differs, expected above actual, `^` under the changed columns;
  /// rows only one canvas has are shown as they are.
  private var rowComparison: [String] {
    var shown: [String] = []
    let changedColumns = Dictionary(grouping: changes, by: \.row).mapValues {
      Set($0.map(\.column))
    }
    let height = max(expectedLines.count, actualLines.count)
    for row in 0..<height {
      let expected = row < expectedLines.count ? expectedLines[row] : nil
      let actual = row < actualLines.count ? actualLines[row] : nil
      let columns = changedColumns[row] ?? []
      guard !columns.isEmpty || expected != actual else { continue }
      shown.append("row \(row):")
      shown.append("  expected |\(expected.map(Self.visible) ?? "(no such row)")|")
      shown.append("  actual   |\(actual.map(Self.visible) ?? "(no such row)")|")
      if let last = columns.max() {
        let marks = (0...last).map { columns.contains($0) ? "^" : " " }.joined()
        shown.append("           \(marks)")
      }
    }
    return shown
  }

  /// A row as one line of the report: a control character would break it.
  private static func visible(_ line: String) -> String {
    String(
      String.UnicodeScalarView(
        line.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "?" : $0 }))
  }

  /// A cell as the report names it: the glyph quoted, and the style when it is compared.
  private func describe(_ cell: Cell) -> String {
    var text = Self.quoted(cell.glyph)
    var style: [String] = []
    if aspect != .glyphs { style += Self.names(of: cell.attributes) }
    if aspect == .everything {
      style.append("fg \(Self.name(of: cell.foreground))")
      style.append("bg \(Self.name(of: cell.background))")
    }
    if !style.isEmpty { text += " (\(style.joined(separator: ", ")))" }
    return text
  }

  private static func quoted(_ glyph: Unicode.Scalar) -> String {
    if glyph.value < 32 || glyph.value == 127 {
      return "U+\(String(glyph.value, radix: 16, uppercase: true))"
    }
    return "\"\(Character(glyph))\""
  }

  private static func names(of attributes: Cell.Attributes) -> [String] {
    var names: [String] = []
    if attributes.contains(.bold) { names.append("bold") }
    if attributes.contains(.dim) { names.append("dim") }
    if attributes.contains(.underline) { names.append("underline") }
    if attributes.contains(.reverse) { names.append("reverse") }
    return names.isEmpty ? ["plain"] : names
  }

  private static func name(of color: Color) -> String {
    if color.isTerminalDefault { return "default" }
    var parts: [String] = []
    if let rgb = color.rgb { parts.append("#" + hex(rgb, digits: 6)) }
    if let index = color.index256 { parts.append("\(index)") }
    if let index = color.index16 { parts.append("16:\(index)") }
    if let index = color.index8 { parts.append("8:\(index)") }
    return parts.joined(separator: "/")
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
