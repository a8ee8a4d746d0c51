import Plot
import Testing

@Suite("Canvas(lines:) and the cell diff of two canvases")
struct CanvasDifferenceTests {
  @Test("Canvas(lines:) lays text out as write does, padded to the widest line or a width")
  func fromLines() {
    let canvas = Canvas(lines: ["ab", "", "a·b∇"])
    #expect(canvas.width == 4)
    #expect(canvas.height == 3)
    #expect(canvas.lines == ["ab  ", "    ", "a·b∇"])
    var written = Canvas(width: 4, height: 3)
    written.write("ab", x: 0, y: 0)
    written.write("a·b∇", x: 0, y: 2)
    #expect(canvas == written)
    #expect(Canvas(lines: ["abcdef"], width: 3).lines == ["abc"])
    #expect(Canvas(lines: []).width == 0)
    let bold = Canvas(lines: ["x"], filling: Cell(attributes: .bold))
    #expect(bold[0, 0] == Cell("x", attributes: .bold))
  }

  @Test("cropped takes a rectangle whole, blank where it leaves the canvas")
  func cropped() {
    let canvas = Canvas(lines: ["abcd", "efgh", "ijkl"])
    #expect(canvas.cropped(x: 1, y: 1, width: 2, height: 2).lines == ["fg", "jk"])
    #expect(canvas.cropped(x: 3, y: 2, width: 2, height: 2).lines == ["l ", "  "])
    #expect(canvas.cropped(x: -1, y: 0, width: 2, height: 1).lines == [" a"])
  }

  @Test("equal canvases have no difference; a changed cell is named by row, column and glyphs")
  func namesCells() throws {
    let expected = Canvas(lines: ["abc", "def"])
    #expect(CanvasDifference(expected: expected, actual: expected) == nil)
    var actual = expected
    actual[2, 1] = Cell("X")
    let difference = try #require(CanvasDifference(expected: expected, actual: actual))
    #expect(difference.changes.map { [$0.row, $0.column] } == [[1, 2]])
    let text = difference.description
    #expect(text.contains("row 1, column 2: expected \"f\", got \"X\""))
    #expect(text.contains("expected |def|"))
    #expect(text.contains("actual   |deX|"))
    #expect(text.contains("             ^"))
    #expect(!text.contains("|abc|"), "rows that agree are not shown")
  }

  @Test("styles count only when asked for, and are then named")
  func styles() throws {
    let expected = Canvas(lines: ["ab"])
    var actual = expected
    actual[1, 0] = Cell("b", foreground: .ansi(1), attributes: [.bold, .reverse])
    #expect(CanvasDifference(expected: expected, actual: actual) == nil)
    let attributes = try #require(
      CanvasDifference(expected: expected, actual: actual, comparing: .glyphsAndAttributes))
    #expect(
      attributes.description.contains(
        "row 0, column 1: expected \"b\" (plain), got \"b\" (bold, reverse)"))
    var coloured = expected
    coloured[0, 0] = Cell("a", foreground: .ansi(1))
    #expect(
      CanvasDifference(expected: expected, actual: coloured, comparing: .glyphsAndAttributes)
        == nil)
    let everything = try #require(
      CanvasDifference(expected: expected, actual: coloured, comparing: .everything))
    #expect(everything.description.contains("expected \"a\" (plain, fg default, bg default)"))
    #expect(everything.description.contains("got \"a\" (plain, fg 1/16:1/8:1, bg default)"))
  }

  @Test("a canvas of another size is a difference, and the rows only one has are shown")
  func sizes() throws {
    let expected = Canvas(lines: ["ab", "cd"])
    let actual = Canvas(lines: ["ab"])
    let difference = try #require(CanvasDifference(expected: expected, actual: actual))
    #expect(difference.changes.isEmpty)
    #expect(difference.description.contains("the canvas is 2×1, expected 2×2"))
    #expect(difference.description.contains("expected |cd|"))
    #expect(difference.description.contains("actual   |(no such row)|"))
  }

  @Test("a long list of changes is cut short, and control characters do not reach the report")
  func longLists() throws {
    let expected = Canvas(width: 40, height: 2)
    var actual = expected
    actual.write(String(repeating: "x", count: 40), x: 0, y: 0)
    actual[0, 0] = Cell(glyph: "\u{1B}")
    actual[0, 1] = Cell("y")
    let difference = try #require(CanvasDifference(expected: expected, actual: actual))
    #expect(difference.changes.count == 41)
    #expect(difference.description.contains("… and 17 more"))
    #expect(difference.description.contains("got U+1B"))
    #expect(!difference.description.unicodeScalars.contains("\u{1B}"))
  }

  @Test("expectCanvas passes on an equal canvas and records the diff on another")
  func expectation() {
    let canvas = Canvas(lines: ["ok"])
    expectCanvas(canvas, equals: "ok")
    withKnownIssue {
      expectCanvas(canvas, equals: "no")
    } matching: { issue in
      issue.comments.contains { $0.rawValue.contains("row 0, column 0: expected \"n\", got \"o\"") }
    }
  }
}
