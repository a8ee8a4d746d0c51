import Foundation
import Testing

/// The interactive program in a real terminal (tmux), driven as a user would.
@Suite(
  "Interactive program in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct InteractiveTests {
  /// Starts `optiscope ARGS; echo EXIT=$?` in a fresh 120×40 pane and waits for the picture.
  private func launch(_ arguments: String = "") throws -> TmuxSession {
    let session = try TmuxSession()
    let binary = try OptiscopeProcess.executable().path
    try session.run("'\(binary)' \(arguments); echo EXIT=$?")
    return session
  }

  private let race =
    "--function himmelblau --optimizer adam:lr=0.1 --optimizer sgd:lr=0.01 --fps 30"

  @Test("starts and shows the map, the legend and the status line")
  func startsWithMapAndLegend() throws {
    let session = try launch(race)
    defer { session.close() }
    let screen = try session.waitFor("adam lr=0.1 ")
    #expect(screen.contains("Himmelblau"))
    #expect(screen.contains("sgd lr=0.01"))
    #expect(screen.contains("optimizers"))
    // The map: band colours fill the rows under the status line (in colour the
    // heatmap is backgrounds, not glyphs, so the styled screen is read).
    let mapRows = try session.styledScreen().split(separator: "\n").dropFirst().prefix(30)
    #expect(mapRows.filter { $0.contains("48;5;") }.count >= 20)
  }

  @Test("+ changes the learning rate shown in the legend")
  func plusChangesLearningRate() throws {
    let session = try launch(race)
    defer { session.close() }
    try session.waitFor("adam lr=0.1 ")
    try session.type("+")
    // Until the whole frame is on screen: the terminal may show it part-drawn for a moment.
    let screen = try session.waitUntil("the new learning rates") { screen in
      screen.contains("adam lr=0.141") && screen.contains("sgd lr=0.0141")
        && screen.contains("×√2")
    }
    #expect(screen.contains("sgd lr=0.0141"))
    #expect(screen.contains("×√2"))
  }

  @Test("? shows the help, any key closes it")
  func helpOverlay() throws {
    let session = try launch(race)
    defer { session.close() }
    try session.waitFor("adam lr=0.1 ")
    try session.type("?")
    let screen = try session.waitFor("optiscope keys")
    #expect(screen.contains("learning rate ×√2"))
    try session.type("x")
    try session.waitUntil("the help to close") { !$0.contains("optiscope keys") }
  }

  @Test("a resize to 20×6 asks to enlarge, and back to 120×40 restores the picture")
  func resizeTinyAndBack() throws {
    let session = try launch(race)
    defer { session.close() }
    try session.waitFor("adam lr=0.1 ")
    try session.resize(width: 20, height: 6)
    try session.waitFor("enlarge")
    try session.resize(width: 120, height: 40)
    let screen = try session.waitFor("adam lr=0.1 ")
    #expect(!screen.contains("enlarge"))
    #expect(screen.contains("Himmelblau"))
  }

  @Test("q exits with status 0 and leaves a clean prompt, a visible cursor and no mouse mode")
  func quitLeavesCleanTerminal() throws {
    let session = try launch(race)
    defer { session.close() }
    try session.waitFor("adam lr=0.1 ")
    try session.type("q")
    let screen = try session.waitForExit()
    #expect(screen.contains("EXIT=0"))
    try expectCleanTerminal(session, screen: screen)
  }

  @Test("Ctrl-C quits with status 0, even while paused")
  func controlCQuits() throws {
    let session = try launch(race)
    defer { session.close() }
    try session.waitFor("adam lr=0.1 ")
    try session.type(" ")
    try session.waitFor("paused")
    try session.send("C-c")
    let screen = try session.waitForExit()
    #expect(screen.contains("EXIT=0"))
    try expectCleanTerminal(session, screen: screen)
  }

  @Test("SIGTERM while paused restores the terminal and exits 143")
  func sigtermRestores() throws {
    let session = try launch(race)
    defer { session.close() }
    try session.waitFor("adam lr=0.1 ")
    try session.type(" ")
    try session.waitFor("paused")
    let shell = try session.display("#{pane_pid}")
    let child = try Self.childProcess(of: shell)
    kill(child, SIGTERM)
    let screen = try session.waitForExit()
    #expect(screen.contains("EXIT=143"))
    try expectCleanTerminal(session, screen: screen)
  }

  /// After the program: the normal screen is back with the cursor shown and
  /// mouse reporting off, the prompt follows the exit line, and no escape
  /// sequence leaked out as text.
  private func expectCleanTerminal(_ session: TmuxSession, screen: String) throws {
    #expect(try session.display("#{alternate_on}") == "0")
    #expect(try session.display("#{cursor_flag}") == "1")
    #expect(try session.display("#{mouse_any_flag}#{mouse_standard_flag}") == "00")
    try session.run("echo AFTER")
    let after = try session.waitUntil("AFTER") { $0.contains("\nAFTER\n") }
    let lines = after.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    #expect(lines.first?.hasPrefix("PROMPT$ ") == true)
    #expect(lines.contains { $0.hasPrefix("EXIT=") })
    #expect(lines.last == "PROMPT$")
    for line in lines {
      #expect(!line.contains("\u{1B}") && !line.contains("[?") && !line.contains("^["))
    }
  }

  /// The pid of the single child process of `parent` (the program run by the shell).
  static func childProcess(of parent: String) throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    process.arguments = ["-P", parent]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? ""
    guard let pid = pid_t(text.trimmingCharacters(in: .whitespaces)) else {
      throw TmuxSession.Failure(description: "no child process of \(parent)")
    }
    return pid
  }
}

@Suite("Interactive program without a terminal")
struct InteractiveWithoutTerminalTests {
  @Test("with stdout not a terminal it exits non-zero and points at render")
  func notATerminal() throws {
    let result = try OptiscopeProcess.run([])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("not a terminal"))
    #expect(result.stderr.contains("optiscope render"))
  }

  @Test("bad options are refused with one line before the terminal is touched")
  func badOptions() throws {
    for arguments in [
      ["--function", "nosuch"], ["--optimizer", "adam:lr=-1"], ["--view", "1,0,0,1"],
      ["--layout", "grid"], ["--fps", "0"], ["--expr", "x^"],
    ] {
      let result = try OptiscopeProcess.run(arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }
}
