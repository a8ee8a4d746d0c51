import Plot
import Testing

@testable import Terminal

/// What `Terminal.nextEvent` makes of what the backend reads: keys, ESC sequences,
/// mouse reports, resizes, signals, timeouts and a closed input.
@Suite("Reading events through a backend")
struct KeyReadingTests {
  /// The events of everything queued, until the input runs dry (reads that fail at
  /// once, again and again: the end of the input).
  private func events(_ terminal: Terminal) -> [TerminalEvent] {
    var events: [TerminalEvent] = []
    while true {
      let event = terminal.nextEvent(timeout: nil)
      if event == .endOfInput { return events }
      events.append(event)
      if events.count > 100 { return events }
    }
  }

  @Test("characters, control characters and the keys curses decodes")
  func keys() {
    let (terminal, backend) = TerminalFixture.terminal()
    backend.type("qé+")
    backend.inputs += [.character(3), .character(23), .character(0), .key(.up), .ignored]
    backend.inputs += [.key(.backTab), .mousePress(column: 4, row: 2), .character(13)]
    #expect(
      events(terminal) == [
        .character("q"), .character("é"), .character("+"), .interrupt, .key(.control("w")),
        .key(.up), .key(.backTab), .mouseClick(column: 4, row: 2), .key(.enter),
      ])
  }

  @Test("ESC then a mouse report of either encoding is one click, and nothing is typed")
  func escapeMouseReports() {
    let (terminal, backend) = TerminalFixture.terminal()
    backend.inputs = [.character(27)]
    backend.type("[<0;41;13M")
    backend.inputs.append(.character(27))
    backend.type("[M" + String(UnicodeScalar(32)) + "!\"")
    backend.type("x")
    #expect(
      events(terminal) == [
        .mouseClick(column: 40, row: 12), .mouseClick(column: 0, row: 1), .character("x"),
      ])
    // The characters after ESC were read with the short waits of a report in one write.
    #expect(backend.readTimeouts.contains(5))
    #expect(backend.readTimeouts.contains(50))
  }

  @Test("ESC and anything else is Esc, then the keys as typed, in order")
  func escapeKeys() {
    let (terminal, backend) = TerminalFixture.terminal()
    backend.inputs = [.character(27)]
    backend.type("xy")
    #expect(events(terminal) == [.key(.escape), .character("x"), .character("y")])
    backend.inputs = [.character(27), .character(91), .key(.left)]
    #expect(events(terminal) == [.key(.escape), .character("["), .key(.left)])
    backend.inputs = [.character(27)]
    #expect(events(terminal) == [.key(.escape)])
  }

  @Test("a mouse report cut short is dropped, not typed")
  func brokenReport() {
    let (terminal, backend) = TerminalFixture.terminal()
    backend.inputs = [.character(27)]
    backend.type("[<0;41")
    #expect(events(terminal) == [])
    backend.type("q")
    #expect(events(terminal) == [.character("q")])
  }

  @Test("a resize reports the new size and makes the next frame repaint everything")
  func resize() {
    let (terminal, backend) = TerminalFixture.terminal(width: 4, height: 2)
    backend.size = (6, 3)
    backend.inputs = [.resize]
    #expect(terminal.nextEvent(timeout: .zero) == .resize(width: 6, height: 3))
    #expect(backend.forgetCount == 1)
  }

  @Test("Ctrl-Z suspends the program and, once continued, repaints the screen at its size")
  func controlZSuspends() {
    let (terminal, backend) = TerminalFixture.terminal(width: 4, height: 2)
    backend.type("\u{1A}")
    backend.size = (5, 3)
    #expect(terminal.nextEvent(timeout: .zero) == .resize(width: 5, height: 3))
    #expect(backend.suspendCount == 1)
    #expect(backend.forgetCount == 1)
    backend.type("\u{17}")
    #expect(terminal.nextEvent(timeout: .zero) == .key(.control("w")))
    #expect(backend.suspendCount == 1)
  }

  @Test("a pending signal comes first; with nothing to read a timeout is a timeout")
  func signalsAndTimeouts() {
    let (terminal, backend) = TerminalFixture.terminal()
    backend.type("q")
    backend.pendingSignal = 15
    #expect(terminal.nextEvent(timeout: nil) == .signal(15))
    backend.pendingSignal = nil
    #expect(terminal.nextEvent(timeout: .zero) == .character("q"))
    #expect(terminal.nextEvent(timeout: .zero) == .timeout)
    #expect(backend.readTimeouts.last == 0)
  }

  @Test("an input that fails at once, again and again, is a closed input, not a tick")
  func closedInput() {
    let (terminal, backend) = TerminalFixture.terminal()
    #expect(terminal.nextEvent(timeout: nil) == .endOfInput)
    #expect(backend.readTimeouts.count == 50)
    #expect(backend.readTimeouts.allSatisfy { $0 == -1 })
  }

  @Test("stop gives the terminal back once; afterwards input is over and nothing is drawn")
  func stop() {
    let (terminal, backend) = TerminalFixture.terminal()
    backend.type("q")
    terminal.stop()
    terminal.stop()
    #expect(backend.stopCount == 1)
    #expect(!terminal.isRunning)
    #expect(terminal.nextEvent(timeout: nil) == .endOfInput)
    #expect(terminal.size == (0, 0))
  }

  @Test("a terminal that goes away without stop gives the screen back too")
  func deinitStops() {
    let backend = MemoryBackend(width: 2, height: 1)
    do {
      let terminal = Terminal(
        backend: backend, colorDepth: .none, supportsUnicode: true, pairCount: 0, colorCount: 0,
        hasDefaultColors: false)
      terminal.draw(Canvas(lines: ["ok"]))
    }
    #expect(backend.stopCount == 1)
    #expect(backend.lines == ["ok"])
  }
}
