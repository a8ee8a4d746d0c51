import Plot
import Testing

@testable import Terminal

/// What `Terminal.draw` writes: every cell once, then only the cells that changed.
@Suite("The screen diff: what a new frame writes")
struct ScreenDiffTests {
  /// The (column, row) of each write of the last frame.
  private func positions(_ backend: MemoryBackend) -> [[Int]] {
    (backend.frames.last ?? []).map { [$0.column, $0.row] }
  }

  @Test("the first frame writes every cell, an unchanged frame none, a change only its cells")
  func onlyChanges() {
    let (terminal, backend) = TerminalFixture.terminal(width: 6, height: 2)
    var canvas = Canvas(lines: ["abcdef", "ghijkl"])
    terminal.draw(canvas)
    #expect(backend.frames.count == 1)
    #expect(backend.frames[0].count == 12)
    #expect(backend.lines == ["abcdef", "ghijkl"])
    terminal.draw(canvas)
    #expect(backend.frames.count == 2)
    #expect(positions(backend) == [])
    canvas[1, 0] = Cell("B")
    canvas[5, 1] = Cell("L", attributes: .bold)
    canvas[0, 1] = Cell("g", attributes: .underline)
    terminal.draw(canvas)
    #expect(positions(backend) == [[1, 0], [0, 1], [5, 1]])
    #expect(backend.frames.last?.map(\.attributes) == [[], .underline, .bold])
    #expect(backend.lines == ["aBcdef", "ghijkL"])
  }

  @Test("a canvas is clipped to the screen, and the screen outside a small one is blank")
  func clipping() {
    let (terminal, backend) = TerminalFixture.terminal(width: 4, height: 2)
    terminal.draw(Canvas(lines: ["abcdefgh", "ijklmnop", "qrstuvwx"]))
    #expect(backend.lines == ["abcd", "ijkl"])
    #expect(backend.frames[0].allSatisfy { $0.column < 4 && $0.row < 2 })
    terminal.draw(Canvas(lines: ["z"]))
    #expect(backend.lines == ["z   ", "    "])
    #expect(backend.frames[1].count == 8)
  }

  @Test("after a resize, or a size that changed on its own, the whole screen is written")
  func repaintAfterResize() {
    let (terminal, backend) = TerminalFixture.terminal(width: 3, height: 1)
    let canvas = Canvas(lines: ["abcdef", "ghijkl"])
    terminal.draw(canvas)
    backend.size = (5, 2)
    backend.inputs = [.resize]
    #expect(terminal.nextEvent(timeout: .zero) == .resize(width: 5, height: 2))
    terminal.draw(canvas)
    #expect(backend.frames.last?.count == 10)
    #expect(backend.lines == ["abcde", "ghijk"])
    backend.size = (4, 2)
    terminal.draw(canvas)
    #expect(backend.frames.last?.count == 8)
    terminal.draw(canvas)
    #expect(backend.frames.last?.count == 0)
  }

  @Test("a glyph that is not one column wide is written as ? (or a space for a wide space)")
  func oneColumnGlyphs() {
    let (terminal, backend) = TerminalFixture.terminal(width: 5, height: 1)
    var canvas = Canvas(lines: ["a界b"], width: 5)
    canvas[3, 0] = Cell(glyph: "\u{7}")
    canvas[4, 0] = Cell(glyph: "\u{3000}")
    terminal.draw(canvas)
    #expect(backend.lines == ["a?b? "])
  }

  @Test("colours go out as pairs; without colour every cell is pair 0 and no pair is made")
  func pairsPerCell() {
    let red = Color.xterm(196, fallback: 9)
    var canvas = Canvas(width: 3, height: 1)
    canvas[0, 0] = Cell("r", foreground: red)
    canvas[1, 0] = Cell("s", foreground: red, background: .ansi(4))
    let (terminal, backend) = TerminalFixture.terminal(width: 3, height: 1)
    terminal.draw(canvas)
    #expect(backend.colors(column: 0, row: 0) == .init(foreground: 196, background: -1))
    #expect(backend.colors(column: 1, row: 0) == .init(foreground: 196, background: 4))
    #expect(backend.frames[0][2].pair == 0)
    let (plain, plainBackend) = TerminalFixture.terminal(width: 3, height: 1, colorDepth: .none)
    plain.draw(canvas)
    #expect(plainBackend.frames[0].allSatisfy { $0.pair == 0 })
    #expect(plainBackend.pairDefinitions.isEmpty)
  }

  @Test("at 8 colours a colour's boldAtEight sets or clears bold; elsewhere cells keep theirs")
  func boldAtEightColours() {
    var canvas = Canvas(width: 3, height: 1)
    canvas[0, 0] = Cell("a", foreground: Color.xterm(226, 11, 3).brightAtEight)
    canvas[1, 0] = Cell("b", foreground: Color.xterm(214, 3, 3).brightAtEight, attributes: [.bold])
    canvas[2, 0] = Cell("c", foreground: Color.xterm(214, 3, 3), attributes: [.bold])
    let (eight, eightBackend) = TerminalFixture.terminal(
      width: 3, height: 1, colorDepth: .eight, pairCount: 64, colorCount: 8)
    eight.draw(canvas)
    #expect(eightBackend.frames[0].map(\.attributes) == [[.bold], [], [.bold]])
    let (wide, wideBackend) = TerminalFixture.terminal(width: 3, height: 1)
    wide.draw(canvas)
    #expect(wideBackend.frames[0].map(\.attributes) == [[], [.bold], [.bold]])
  }

  @Test("on a direct-colour terminal pairs hold 0xRRGGBB, the darkest raised to #000008")
  func directColour() {
    var canvas = Canvas(width: 2, height: 1)
    canvas[0, 0] = Cell("a", foreground: Color(rgb: 0x12_34_56, fallback: .ansi(1)))
    canvas[1, 0] = Cell("b", foreground: Color(rgb: 0x00_00_03, fallback: .ansi(1)))
    let (terminal, backend) = TerminalFixture.terminal(
      width: 2, height: 1, colorDepth: .truecolor, pairCount: 65536, colorCount: 1 << 24)
    terminal.draw(canvas)
    #expect(backend.colors(column: 0, row: 0) == .init(foreground: 0x12_34_56, background: -1))
    #expect(backend.colors(column: 1, row: 0) == .init(foreground: 8, background: -1))
  }
}
