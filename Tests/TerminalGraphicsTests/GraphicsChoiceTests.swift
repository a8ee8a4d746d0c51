import Testing

@testable import TerminalGraphics

/// `--graphics`: what the terminal's answer, the environment and the mode decide.
@Suite("graphics choice")
struct GraphicsChoiceTests {
  static let kittyReply = Array("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;20;10t\u{1B}[?62;22c".utf8)
  /// xterm -ti vt340: sixel (4) among the attributes, 256 colour registers.
  static let xtermReply = Array("\u{1B}[6;17;8t\u{1B}[?1;0;256S\u{1B}[?63;1;2;4;6;9;15;22c".utf8)
  static let plain: [String: String] = ["TERM": "xterm-256color"]
  static let cell = CellSize(width: 10, height: 20)

  @Test("kitty's reply, the cell size and the device attributes are read")
  func readsKitty() {
    let answer = TerminalAnswer(parsing: Self.kittyReply)
    #expect(answer.kittyGraphics && answer.isComplete && !answer.sixel)
    #expect(answer.cellSize == CellSize(width: 10, height: 20))
  }

  @Test("xterm's sixel attribute and colour registers are read; keys typed meanwhile are skipped")
  func readsXterm() {
    let answer = TerminalAnswer(parsing: Array("q".utf8) + Self.xtermReply + Array("j".utf8))
    #expect(!answer.kittyGraphics && answer.sixel && answer.isComplete)
    #expect(answer.colorRegisters == 256)
    #expect(answer.cellSize == CellSize(width: 8, height: 17))
  }

  @Test("a reply cut short is not complete; a kitty error is no kitty")
  func partial() {
    #expect(!TerminalAnswer(parsing: Array("\u{1B}[?62;4".utf8)).isComplete)
    let error = TerminalAnswer(parsing: Array("\u{1B}_Gi=31;ENOENT:x\u{1B}\\\u{1B}[?62c".utf8))
    #expect(!error.kittyGraphics && error.isComplete)
    // DA1's first number is the terminal class, not a feature: 4 there is no sixel.
    #expect(!TerminalAnswer(parsing: Array("\u{1B}[?4;1c".utf8)).sixel)
  }

  @Test("auto picks kitty, then sixel, by what the terminal says")
  func autoPicks() {
    let kitty = GraphicsChoice.decide(
      mode: .auto, environment: Self.plain, windowCellSize: nil,
      ask: { TerminalAnswer(parsing: Self.kittyReply) })
    #expect(kitty.imageProtocol == .kitty && kitty.notice == nil)
    #expect(kitty.reportedCellSize == CellSize(width: 10, height: 20))
    let sixel = GraphicsChoice.decide(
      mode: .auto, environment: Self.plain, windowCellSize: Self.cell,
      ask: { TerminalAnswer(parsing: Self.xtermReply) })
    #expect(sixel.imageProtocol == .sixel && sixel.sixelColors == 256)
  }

  @Test("auto picks none when the terminal does not answer, or answers without images")
  func autoSilent() {
    let silent = GraphicsChoice.decide(
      mode: .auto, environment: Self.plain, windowCellSize: Self.cell, ask: { nil })
    #expect(silent == GraphicsChoice())
    let plain = GraphicsChoice.decide(
      mode: .auto, environment: Self.plain, windowCellSize: Self.cell,
      ask: { TerminalAnswer(parsing: Array("\u{1B}[?62;22c".utf8)) })
    #expect(plain == GraphicsChoice())
  }

  @Test("in tmux or screen nothing is asked; an explicit protocol says why the map is text")
  func multiplexers() {
    for environment in [
      ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"], ["TERM": "screen"],
      ["TERM": "xterm", "STY": "1234.pts-0"],
    ] {
      var asked = false
      let auto = GraphicsChoice.decide(
        mode: .auto, environment: environment, windowCellSize: Self.cell,
        ask: {
          asked = true
          return TerminalAnswer(parsing: Self.kittyReply)
        })
      #expect(auto == GraphicsChoice())
      let kitty = GraphicsChoice.decide(
        mode: .kitty, environment: environment, windowCellSize: Self.cell,
        ask: {
          asked = true
          return nil
        })
      #expect(kitty.imageProtocol == nil)
      #expect(kitty.notice?.hasPrefix("--graphics kitty: ") == true)
      #expect(kitty.notice?.hasSuffix("does not pass images through; the map is text") == true)
      #expect(!asked)
    }
  }

  @Test("an explicit protocol is used without the terminal's word, but needs the cell size")
  func explicit() {
    let sixel = GraphicsChoice.decide(
      mode: .sixel, environment: Self.plain, windowCellSize: Self.cell, ask: { nil })
    #expect(sixel.imageProtocol == .sixel)
    let unsized = GraphicsChoice.decide(
      mode: .kitty, environment: Self.plain, windowCellSize: nil, ask: { nil })
    #expect(unsized.imageProtocol == nil)
    #expect(
      unsized.notice
        == "--graphics kitty: the terminal does not tell its cell size in pixels; the map is text")
    let none = GraphicsChoice.decide(
      mode: .none, environment: Self.plain, windowCellSize: Self.cell,
      ask: { TerminalAnswer(parsing: Self.kittyReply) })
    #expect(none == GraphicsChoice())
  }
}
