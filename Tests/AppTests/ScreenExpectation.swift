import Foundation
import Plot
import Testing

/// Whole-screen checks: a screen compared cell by cell with one spelled out as text.
///
/// Expected screens of a whole terminal live in `Tests/AppTests/Screens/NAME.txt`,
/// one row a line between `|` bars (so that trailing blanks survive editors). When a
/// screen differs, or its file is missing, the test fails with the cell diff and
/// writes what it saw to `Screens/NAME.actual.txt` (ignored by git). Nothing is ever
/// accepted on its own: a reviewer diffs the two files and, if the change is meant,
/// moves the actual file over the expected one (see README, "Development").
enum ScreenExpectation {
  /// The folder of the expected screens, next to this file.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Screens")

  /// Records a failure naming the cells where `actual` differs from `expected`.
  static func expect(
    _ actual: Canvas, equals expected: Canvas,
    comparing aspect: CanvasDifference.Aspect = .glyphs,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if let difference = CanvasDifference(expected: expected, actual: actual, comparing: aspect) {
      Issue.record(Comment(rawValue: difference.description), sourceLocation: sourceLocation)
    }
  }

  /// The same, with the expected canvas spelled out as text, one row a line.
  static func expect(
    _ actual: Canvas, equals expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expect(actual, equals: canvas(expected, width: actual.width), sourceLocation: sourceLocation)
  }

  /// Compares `actual` with the screen in `Screens/NAME.txt`, glyph by glyph.
  static func expect(
    _ actual: Canvas, matchesFile name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let file = folder.appendingPathComponent("\(name).txt")
    let pending = folder.appendingPathComponent("\(name).actual.txt")
    let review =
      "review with `diff \(file.path) \(pending.path)`; if the change is meant, move the actual file over the expected one"
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
      write(actual, to: pending)
      Issue.record(
        "no expected screen \(name).txt: wrote what the program shows to \(pending.lastPathComponent); \(review)",
        sourceLocation: sourceLocation)
      return
    }
    let expected = parse(text)
    if let difference = CanvasDifference(expected: expected, actual: actual) {
      write(actual, to: pending)
      Issue.record(
        Comment(rawValue: "screen \(name) differs: \(review)\n\(difference)"),
        sourceLocation: sourceLocation)
    } else {
      try? FileManager.default.removeItem(at: pending)
    }
  }

  /// A canvas from a multi-line text (blank cells where a line is short).
  static func canvas(_ text: String, width: Int? = nil) -> Canvas {
    Canvas(
      lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
      width: width)
  }

  /// A canvas from rows of text and, cell for cell under them, rows of attribute letters:
  /// `b` bold, `d` dim, `u` underline, `r` reverse, a space for none.
  static func canvas(lines: [String], attributes: [String], width: Int? = nil) -> Canvas {
    var canvas = Canvas(lines: lines, width: width)
    for (row, letters) in attributes.enumerated() {
      for (column, letter) in letters.enumerated() {
        var cell = canvas[column, row]
        switch letter {
        case "b": cell.attributes = .bold
        case "d": cell.attributes = .dim
        case "u": cell.attributes = .underline
        case "r": cell.attributes = .reverse
        default: cell.attributes = []
        }
        canvas[column, row] = cell
      }
    }
    return canvas
  }

  /// The screen file's text: each row between bars.
  static func text(of canvas: Canvas) -> String {
    canvas.lines.map { "|\($0)|\n" }.joined()
  }

  /// The canvas of a screen file: the rows between the bars of each line.
  static func parse(_ text: String) -> Canvas {
    let rows = text.split(separator: "\n").map { line -> String in
      var row = Substring(line)
      if row.hasPrefix("|") { row = row.dropFirst() }
      if row.hasSuffix("|") { row = row.dropLast() }
      return String(row)
    }
    return Canvas(lines: rows)
  }

  private static func write(_ canvas: Canvas, to file: URL) {
    try? text(of: canvas).write(to: file, atomically: true, encoding: .utf8)
  }
}
