import Testing

@testable import Plot

/// Outside text is shown with its controls escaped and cut when overlong, and is
/// laid into cells (and so onto the screen, `render` output and casts) that way.
@Suite struct DisplayTextTests {
  /// What each C0 control shows as, from U+0000 to U+001F.
  static let controlEscapes = [
    "\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\x07",
    "\\x08", "\\t", "\\n", "\\x0B", "\\x0C", "\\r", "\\x0E", "\\x0F",
    "\\x10", "\\x11", "\\x12", "\\x13", "\\x14", "\\x15", "\\x16", "\\x17",
    "\\x18", "\\x19", "\\x1A", "\\e", "\\x1C", "\\x1D", "\\x1E", "\\x1F",
  ]

  @Test func everyC0ControlIsEscaped() throws {
    for value in 0..<0x20 {
      let scalar = try #require(Unicode.Scalar(value))
      #expect(DisplayText("a\(scalar)b").description == "a" + Self.controlEscapes[value] + "b")
    }
    let all = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    #expect(DisplayText(all).description == Self.controlEscapes.joined())
  }

  @Test func deleteAndC1ControlsAreEscaped() throws {
    #expect(DisplayText("a\u{7F}b").description == "a\\x7Fb")
    #expect(DisplayText("\u{9B}31m").description == "\\u{9B}31m")
    #expect(DisplayText("\u{85}").description == "\\u{85}")
    for value in 0x80...0x9F {
      let scalar = try #require(Unicode.Scalar(value))
      let hex = String(value, radix: 16, uppercase: true)
      #expect(DisplayText(String(scalar)).description == "\\u{\(hex)}")
    }
  }

  @Test func escapeSequencesShowAsText() {
    // Set the title, clear the screen, colour red, erase backwards: all visible, none obeyed.
    #expect(DisplayText("ev\u{1B}]0;pwned\u{07}il").description == "ev\\e]0;pwned\\x07il")
    #expect(DisplayText("\u{1B}[2J\u{1B}[31mred\u{1B}[0m").description == "\\e[2J\\e[31mred\\e[0m")
    #expect(DisplayText("ok\u{08}\u{08}no\r\n").description == "ok\\x08\\x08no\\r\\n")
    #expect(DisplayText("\u{1B}P+q\u{1B}\\").description == "\\eP+q\\e\\")
  }

  @Test func bidirectionalControlsAndSeparatorsAreEscaped() {
    // U+202E would show "exe.txt" as "txt.exe"; isolates and marks reorder the same way.
    #expect(DisplayText("file\u{202E}txt.exe").description == "file\\u{202E}txt.exe")
    let bidi =
      "\u{61C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}"
    #expect(
      DisplayText(bidi).description
        == "\\u{61C}\\u{200E}\\u{200F}\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{2066}\\u{2067}"
        + "\\u{2068}\\u{2069}")
    #expect(DisplayText("a\u{2028}b\u{2029}c").description == "a\\u{2028}b\\u{2029}c")
  }

  @Test(arguments: [
    "plain ASCII, 1.5e-03 ~ \\ backslash", "∇f β=0.9 α → ← ±∞", "café crème naïve",
    "e\u{301}te\u{301}",
    "東京 北京 서울 日本語", "👨‍👩‍👧 family 👍🏽 ❤️ 🇩🇪🇫🇷", "ZWJ\u{200D} ZWNJ\u{200C} BOM\u{FEFF} ZWSP\u{200B}",
    "שלום עולם مرحبا", "ǅ Ωμέγα Ж ñ ß", "",
  ])
  func ordinaryTextIsUnchanged(_ text: String) {
    #expect(DisplayText(text).description == text)
    #expect(DisplayText(text, limit: 100).description == text)
    #expect(Array(CellScalars(text)) == text.compactMap(\.unicodeScalars.first))
  }

  @Test func escapingTwiceChangesNothing() {
    let once = DisplayText("a\u{1B}[1m\u{9B}\u{202E}\u{07}").description
    #expect(DisplayText(once).description == once)
  }

  @Test func longTextIsCutInItsMiddle() {
    let text = String(repeating: "a", count: 500_000) + String(repeating: "z", count: 500_000)
    #expect(
      DisplayText(text, limit: 100).description
        == String(repeating: "a", count: 66) + "… (999900 characters left out) …"
        + String(repeating: "z", count: 34))
    // Exactly at the limit, nothing is cut; characters are counted, not bytes.
    let accented = String(repeating: "é", count: 100)
    #expect(DisplayText(accented, limit: 100).description == accented)
    #expect(
      DisplayText(accented + "é", limit: 100).description
        == String(repeating: "é", count: 66) + "… (1 character left out) …"
        + String(repeating: "é", count: 34))
  }

  @Test func aCutNeverSplitsAnEscape() {
    // The cut counts the text's own characters; each control shows whole.
    let text = String(repeating: "\u{1B}", count: 1000)
    let shown = DisplayText(text, limit: 9).description
    #expect(
      shown == String(repeating: "\\e", count: 6) + "… (991 characters left out) …"
        + String(repeating: "\\e", count: 3))
  }

  @Test func cellsShowControlsEscaped() {
    var canvas = Canvas(width: 24, height: 2)
    canvas.write("ev\u{1B}]0;pwned\u{07}il", x: 0, y: 0)
    TextRun.write(
      [TextRun("● \u{9B}2J\u{202E}x", color: .terminalDefault)], into: &canvas, x: 0, y: 1,
      width: 24)
    #expect(
      canvas.lines == [
        "ev\\e]0;pwned\\x07il      ",
        "● \\u{9B}2J\\u{202E}x     ",
      ])
    #expect(CellScalars.count(in: "a\u{1B}b") == 4)
    #expect(TextRun.width(of: "\u{202E}") == 8)
    #expect(TextRun.truncated("ab\u{1B}[2Jcd", to: 5) == "ab\\e…")
  }

  @Test func encodersNeverWriteAControlFromACell() {
    var canvas = Canvas(width: 4, height: 1)
    canvas.write("ab", x: 0, y: 0)
    canvas[2, 0] = Cell(glyph: "\u{1B}")
    canvas[3, 0] = Cell(glyph: "\u{9B}", foreground: .xterm(196, 9, 1))
    #expect(TextEncoder.plain(canvas) == "ab??\n")
    #expect(TextEncoder.ansi(canvas, depth: .full256) == "ab?\u{1B}[0;38;5;196m?\u{1B}[0m\n")
  }
}
