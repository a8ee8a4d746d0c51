import Testing

@testable import Plot

@Suite struct TextEncoderTests {
  private var sample: Canvas {
    var canvas = Canvas(width: 4, height: 2)
    canvas.write("ab", x: 0, y: 0, foreground: .xterm(196, fallback: 9))
    canvas[3, 0] = Cell(
      "c", foreground: .ansi(2), background: .xterm(17, fallback: 4), attributes: [.bold])
    canvas.write("⠉", x: 1, y: 1)
    return canvas
  }

  @Test func plainTextIsExactlyTheCanvas() {
    #expect(TextEncoder.plain(sample) == "ab c\n ⠉  \n")
    #expect(TextEncoder.plain(Canvas(width: 0, height: 0)) == "")
    #expect(TextEncoder.plain(Canvas(width: 3, height: 2)) == "   \n   \n")
  }

  @Test func ansi256() {
    #expect(
      TextEncoder.ansi(sample, depth: .full256)
        == "\u{1B}[0;38;5;196mab\u{1B}[0m \u{1B}[0;1;38;5;2;48;5;17mc\u{1B}[0m\n ⠉  \n")
  }

  @Test func ansi16UsesBrightCodes() {
    #expect(
      TextEncoder.ansi(sample, depth: .sixteen)
        == "\u{1B}[0;91mab\u{1B}[0m \u{1B}[0;1;32;44mc\u{1B}[0m\n ⠉  \n")
  }

  @Test func ansi8FoldsBrightColours() {
    #expect(
      TextEncoder.ansi(sample, depth: .eight)
        == "\u{1B}[0;31mab\u{1B}[0m \u{1B}[0;1;32;44mc\u{1B}[0m\n ⠉  \n")
  }

  @Test func noColourKeepsAttributesOnly() {
    #expect(TextEncoder.ansi(sample, depth: .none) == "ab \u{1B}[0;1mc\u{1B}[0m\n ⠉  \n")
  }

  @Test func strippingCodesGivesThePlainText() throws {
    let picture = Picture(
      title: "Sphere", formula: "x² + y²", objective: FunctionObjective { x, y in x * x + y * y },
      view: .init(xMin: -1, xMax: 1, yMin: -1, yMax: 1))
    let canvas = picture.draw(width: 80, height: 24)
    let colored = TextEncoder.ansi(canvas, depth: .full256)
    let stripped = colored.replacing(try Regex("\u{1B}\\[[0-9;]*m"), with: "")
    #expect(stripped == TextEncoder.plain(canvas))
    // Every line that sets a style ends in the default one, so colours never bleed.
    for line in colored.split(separator: "\n") where line.contains("\u{1B}") {
      let codes = line.matches(of: try Regex("\u{1B}\\[[0-9;]*m")).map { String(line[$0.range]) }
      #expect(codes.last == "\u{1B}[0m")
    }
  }
}
