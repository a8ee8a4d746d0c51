import Testing

@testable import Plot

/// Text is laid into cells scalar by scalar: one cell for each user-perceived character.
@Suite struct CellScalarsTests {
  @Test(arguments: [
    "plain ASCII, 1.5e-03", "∇f β=0.9 α → ←", "e\u{301}te\u{301}", "👨‍👩‍👧 family", "🇩🇪🇫🇷 flags",
    "👍🏽 thumbs", "❤️ heart", "ZWJ at the end\u{200D}", "\u{301} mark first", "\u{200D}x",
    "a\u{200D}b", "",
  ])
  func oneCellPerCharacter(_ text: String) {
    #expect(CellScalars.count(in: text) == text.count, "\(text.unicodeScalars.map(\.value))")
    // Each cell shows the first scalar of its character.
    #expect(Array(CellScalars(text)) == text.compactMap(\.unicodeScalars.first))
  }

  @Test func writtenTextTakesItsWidth() {
    var canvas = Canvas(width: 12, height: 1)
    let text = "a👨‍👩‍👧🇩🇪e\u{301}z"
    let end = TextRun.write(
      [TextRun(text, color: .terminalDefault)], into: &canvas, x: 0, y: 0, width: 12)
    #expect(end == 5)
    #expect(canvas.lines[0] == "a👨🇩ez       ")
    #expect(TextRun.truncated("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", to: 2) == "👨…")
  }
}
