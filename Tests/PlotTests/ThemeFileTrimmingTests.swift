import Testing

@testable import Plot

/// Theme file lines lose their surrounding whitespace, and only that.
@Suite struct ThemeFileTrimmingTests {
  @Test(arguments: [
    ("  ramp.256 = 17 18  ", "ramp.256 = 17 18"),
    ("\tkey=value\t", "key=value"),
    ("inner   spaces kept", "inner   spaces kept"),
    ("", ""),
    (" \t \u{00A0} ", ""),
    ("\u{2003}é ü\u{2003}", "é ü"),
    ("x", "x"),
  ])
  func trimsOnlyTheEnds(text: String, expected: String) {
    #expect(ThemeFile.trimmed(Substring(text)) == expected)
    let reference = String(
      text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    #expect(ThemeFile.trimmed(Substring(text)) == reference)
  }
}
