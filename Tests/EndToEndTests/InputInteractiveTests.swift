import Foundation
import Testing

/// The live program's input in a real terminal: clicks in both mouse encodings under
/// both of tmux's usual `TERM`s, a large paste into `e`, and editing the input lines.
@Suite(
  "Mouse, paste and input lines in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct InputInteractiveTests {
  /// tmux's own entry (its default inside tmux) and xterm's: they name different mouse
  /// encodings (`kmous` `\E[M` and `\E[<`).
  static let terms = ["tmux-256color", "xterm-256color"]

  private let race =
    "--function himmelblau --optimizer adam:lr=0.1 --optimizer sgd:lr=0.01 --fps 30"

  /// Whether this machine has a terminfo entry called `term`.
  static func hasTerminfo(_ term: String) -> Bool {
    let folders = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo", "/usr/lib/terminfo"]
    let initial = String(term.prefix(1))
    let hex = String(format: "%02x", Int(term.unicodeScalars.first?.value ?? 0))
    return folders.contains { folder in
      FileManager.default.fileExists(atPath: "\(folder)/\(initial)/\(term)")
        || FileManager.default.fileExists(atPath: "\(folder)/\(hex)/\(term)")
    }
  }

  /// Starts `TERM=term optiscope ARGS; echo EXIT=$?` in a fresh pane and waits for the legend.
  private func launch(term: String, width: Int = 120, height: Int = 40) throws -> TmuxSession {
    let session = try TmuxSession(width: width, height: height)
    let binary = try OptiscopeProcess.executable().path
    try session.run("TERM=\(term) '\(binary)' \(race); echo EXIT=$?")
    try session.waitFor("adam lr=0.1 ")
    return session
  }

  /// A left click at a 0-based cell, SGR (1006): `ESC [ < 0 ; col ; row M`, then the
  /// release, `m`, as a terminal sends them.
  static func sgrPress(column: Int, row: Int) -> [UInt8] {
    [0x1B] + Array("[<0;\(column + 1);\(row + 1)M".utf8)
      + [0x1B] + Array("[<0;\(column + 1);\(row + 1)m".utf8)
  }

  /// A left click at a 0-based cell, X10 (1000): `ESC [ M`, 32 + button, 33 + column,
  /// 33 + row, then the release (button 3).
  static func x10Press(column: Int, row: Int) -> [UInt8] {
    let cell = [UInt8(33 + column), UInt8(33 + row)]
    return [0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), 32] + cell
      + [0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), 35] + cell
  }

  /// The bottom row of the screen, where messages and the input line go.
  private func bottomLine(_ screen: String) -> String {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    let last = lines.last(where: { !$0.isEmpty }) ?? ""
    return String(last).trimmingCharacters(in: .whitespaces)
  }

  @Test(
    "a click in either encoding restarts the race there, under either TERM; no report byte is a key",
    arguments: terms)
  func clicksInBothEncodings(term: String) throws {
    try #require(Self.hasTerminfo(term), "no terminfo entry for \(term)")
    let session = try launch(term: term)
    defer { session.close() }
    let before = try session.screen()
    let legend = before.split(separator: "\n").filter { $0.contains("lr=") }
    // Two cells on the map, each clicked in both encodings, alternating so that every
    // click changes the message and can be waited for.
    let first = (column: 30, row: 10)
    let second = (column: 20, row: 20)
    var messages: [String] = []
    for (index, bytes) in [
      Self.sgrPress(column: first.column, row: first.row),
      Self.x10Press(column: second.column, row: second.row),
      Self.x10Press(column: first.column, row: first.row),
      Self.sgrPress(column: second.column, row: second.row),
    ].enumerated() {
      try session.send(bytes: bytes)
      let screen = try session.waitUntil("click \(index + 1) to restart the race") { screen in
        let line = bottomLine(screen)
        return line.hasPrefix("start (") && line != messages.last
      }
      messages.append(bottomLine(screen))
    }
    #expect(messages[0] == messages[2])
    #expect(messages[1] == messages[3])
    #expect(messages[0] != messages[1])
    // Nothing else changed: no optimizer hidden, no learning rate, beta or momentum moved
    // (report bytes read as keys would have done that: `[`, `0`, `4`, `M`, `-` …).
    let after = try session.screen()
    #expect(after.split(separator: "\n").filter { $0.contains("lr=") } == legend)
    #expect(!after.contains("hiding"))
    #expect(!after.contains("unknown key"))
    // Still at one step per frame: one `]` says 2.
    try session.type("]")
    try session.waitUntil("the steps per frame") { bottomLine($0) == "2 steps per frame" }
    try session.type("q")
    let exited = try session.waitForExit()
    #expect(exited.contains("EXIT=0"))
  }

  @Test(
    "a 128 KB paste into e stops at 1,000 characters, says so, and Esc is read at once after it")
  func largePaste() throws {
    let term = Self.hasTerminfo("tmux-256color") ? "tmux-256color" : "screen"
    let session = try launch(term: term, width: 80, height: 24)
    defer { session.close() }
    try session.send("e")
    try session.send("C-u")
    try session.waitUntil("the empty input line") { bottomLine($0).hasPrefix("f(x,y) =  ") }
    // Before the fix, 32 KB took 8.7 s and 128 KB about a minute, growing as the square.
    let started = Date()
    try session.paste(String(repeating: "x+", count: 64 * 1024))
    try session.send("Escape")
    try session.waitUntil("Esc after the paste", timeout: 45) { bottomLine($0) == "cancelled" }
    let seconds = Date().timeIntervalSince(started)
    #expect(seconds < 45)
    // The line holds the first 1,000 characters and says why no more went in.
    try session.send("e")
    try session.send("C-u")
    try session.paste(String(repeating: "y*", count: 600))
    let screen = try session.waitUntil("the limit note") {
      bottomLine($0).hasSuffix("at most 1000 characters")
    }
    #expect(bottomLine(screen).hasPrefix("f(x,y) = …"))
    try session.send("Escape")
    try session.waitUntil("the line to close") { bottomLine($0) == "cancelled" }
    try session.type("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
  }

  @Test("s and e open with the current value and edit as in a shell, with Up for earlier entries")
  func editingInputLines() throws {
    let term = Self.hasTerminfo("tmux-256color") ? "tmux-256color" : "screen"
    let session = try launch(term: term, width: 80, height: 24)
    defer { session.close() }
    try session.send("s")
    try session.send("C-u")
    try session.type("1,1")
    try session.send("Enter")
    try session.waitUntil("the first start") { bottomLine($0) == "start (1, 1)" }
    try session.send("s")
    try session.waitUntil("the prefilled start") {
      bottomLine($0) == "start x,y = 1,1   Enter restart there, Esc cancel"
    }
    // Home, a minus, End, Backspace and a 2: -1,2.
    try session.send("Home")
    try session.type("-")
    try session.send("End")
    try session.send("BSpace")
    try session.type("2")
    try session.send("Enter")
    try session.waitUntil("the edited start") { bottomLine($0) == "start (-1, 2)" }
    // Up brings back the entry before the current one.
    try session.send("s")
    try session.send("Up")
    try session.waitUntil("the earlier entry") { bottomLine($0).hasPrefix("start x,y = 1,1 ") }
    try session.send("Enter")
    try session.waitUntil("the earlier start again") { bottomLine($0) == "start (1, 1)" }
    // e: Ctrl-A, Ctrl-E, Ctrl-W and Left on the prefilled Himmelblau.
    try session.send("e")
    try session.send("C-w")
    try session.send("C-w")
    try session.waitUntil("two words deleted") {
      bottomLine($0).hasPrefix("f(x,y) = (x^2+y-11)^2    Enter")
    }
    try session.send("C-a")
    try session.type("2*")
    try session.send("C-e")
    try session.send("Left")
    try session.send("Left")
    try session.send("DC")
    try session.type("3")
    try session.send("Enter")
    let screen = try session.waitUntil("the edited function") {
      bottomLine($0) == "f(x,y) = 2*(x^2+y-11)^3"
    }
    #expect(screen.contains("2*(x^2+y-11)^3"))
    try session.type("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
  }
}
