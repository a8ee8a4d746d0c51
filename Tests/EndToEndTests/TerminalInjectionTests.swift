import Foundation
import Testing

/// Escape codes planted in files and arguments never reach the terminal raw: the
/// real binary shows them as visible escapes on stdout, stderr, in casts and logs.
@Suite struct TerminalInjectionTests {
  /// An OSC that would set the terminal's title, BEL, a C1 CSI and a right-to-left override.
  static let planted = "ev\u{1B}]0;pwned\u{07}il\u{9B}2J\u{202E}"
  /// The same text as the program shows it, typed as plain characters.
  static let shown = "ev\\e]0;pwned\\x07il\\u{9B}2J\\u{202E}"

  private let utf8: [String: String?] = ["LANG": "C.UTF-8", "LC_ALL": nil, "LC_CTYPE": nil]

  /// The scalars of `text` a terminal would obey, other than line breaks (and, with
  /// `allowing`, escape sequences the program writes itself, such as its colours).
  static func rawControls(in text: String, allowing own: [String] = []) throws -> [UInt32] {
    // A cast's rows end in "\r\n", which Swift reads as one character.
    var text = text.replacing("\r\n", with: "\n")
    for pattern in own { text = text.replacing(try Regex(pattern), with: "") }
    return text.unicodeScalars.filter { scalar in
      let value = scalar.value
      return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
        || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value)
        || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }.map(\.value)
  }

  /// The colour codes `--color always` writes.
  static let sgr = "\u{1B}\\[[0-9;]*m"

  /// A scratch folder holding `files` (name → contents).
  private func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-inject-\(UUID().uuidString)")
    for (name, text) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    return url
  }

  private func scene(label: String) -> String {
    "function = himmelblau\noptimizer = adam:lr=0.1\noptimizer = sgd:lr=0.01\n"
      + "label = \(label)\nlabel = plain\n"
  }

  @Test("a scene's label shows escaped in render output, plain and in colour")
  func labelInRender() throws {
    let scratch = try folder([
      "evil.txt": scene(label: Self.planted), "typed.txt": scene(label: Self.shown),
    ])
    defer { try? FileManager.default.removeItem(at: scratch) }
    for colour in ["never", "always"] {
      let arguments = ["render", "--size", "90x20", "--color", colour, "--scene"]
      let evil = try OptiscopeProcess.run(
        arguments + [scratch.appendingPathComponent("evil.txt").path], environment: utf8)
      let typed = try OptiscopeProcess.run(
        arguments + [scratch.appendingPathComponent("typed.txt").path], environment: utf8)
      #expect(evil.status == 0, "\(evil.stderr)")
      if colour == "never" { #expect(evil.stdout.contains("● ev\\e]0;pwned\\x07il")) }
      // The whole picture is the one a label typed as those characters gives.
      #expect(evil.stdout == typed.stdout)
      #expect(try Self.rawControls(in: evil.stdout, allowing: [Self.sgr]) == [])
    }
  }

  @Test("a scene's label shows escaped in a cast, which a player would execute")
  func labelInCast() throws {
    let scratch = try folder([
      "evil.txt": scene(label: Self.planted), "typed.txt": scene(label: Self.shown),
    ])
    defer { try? FileManager.default.removeItem(at: scratch) }
    func cast(_ name: String) throws -> [String] {
      let result = try OptiscopeProcess.run(
        [
          "record", "--format", "cast", "--out", "-", "--frames", "3", "--size", "90x20",
          "--scene", scratch.appendingPathComponent(name).path,
        ], environment: utf8)
      #expect(result.status == 0, "\(result.stderr)")
      // The header holds the time it was made; the events follow it.
      return Array(result.stdout.split(separator: "\n").dropFirst().map(String.init))
    }
    let evil = try cast("evil.txt")
    #expect(evil.count == 4)
    #expect(evil == (try cast("typed.txt")))
    for line in evil {
      let event = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
      let data = try #require(event.last as? String)
      // Only the cast's own codes: colours, hide/show cursor, clear, home, new rows.
      let own = [Self.sgr, "\u{1B}\\[\\?25[lh]", "\u{1B}\\[2J", "\u{1B}\\[H"]
      #expect(try Self.rawControls(in: data, allowing: own) == [])
    }
    // The text log shows the label the same way, so it reads back and verifies.
    let log = scratch.appendingPathComponent("evil.log")
    let recorded = try OptiscopeProcess.run(
      [
        "record", "--out", log.path, "--frames", "3", "--size", "90x20", "--scene",
        scratch.appendingPathComponent("evil.txt").path,
      ], environment: utf8)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let text = String(decoding: try Data(contentsOf: log), as: UTF8.self)
    #expect(text.contains("\nlabel = \(Self.shown)\n"))
    #expect(try Self.rawControls(in: text) == [])
    let verified = try OptiscopeProcess.run(["replay", "--verify", log.path], environment: utf8)
    #expect(verified.stdout == "ok: 3 frames identical\n")
  }

  @Test("optiscope themes shows a ./themes file's name and description escaped")
  func themesListing() throws {
    let description = "bad\u{1B}]0;title\u{07} desc\u{9B}"
    let long = "description = " + String(repeating: "d", count: 100_000) + "\n"
    let evil = try folder([
      "themes/ev\u{1B}[2Jil.theme": "description = \(description)\n", "themes/long.theme": long,
    ])
    let typed = try folder([
      "themes/ev\\e[2Jil.theme": "description = bad\\e]0;title\\x07 desc\\u{9B}\n",
      "themes/long.theme": long,
    ])
    defer {
      try? FileManager.default.removeItem(at: evil)
      try? FileManager.default.removeItem(at: typed)
    }
    for colour in ["never", "always"] {
      let shown = try OptiscopeProcess.run(
        ["themes", "--color", colour], environment: utf8, directory: evil)
      let expected = try OptiscopeProcess.run(
        ["themes", "--color", colour], environment: utf8, directory: typed)
      #expect(shown.status == 0, "\(shown.stderr)")
      #expect(try Self.rawControls(in: shown.stdout, allowing: [Self.sgr]) == [])
      // Line for line the listing of a theme typed that way; only the folder differs.
      func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.contains("theme folders:") }
      }
      #expect(lines(shown.stdout) == lines(expected.stdout))
      if colour == "never" {
        let row = try #require(lines(shown.stdout).first { $0.hasPrefix("ev") })
        #expect(row.hasPrefix("ev\\e[2Jil       "))
        #expect(row.hasSuffix("   bad\\e]0;title\\x07 desc\\u{9B}"))
        // A 100,000-character description keeps 200 of them.
        let longRow = try #require(lines(shown.stdout).first { $0.hasPrefix("long ") })
        #expect(
          longRow.hasSuffix(
            "   " + String(repeating: "d", count: 133)
              + "… (99800 characters left out) …" + String(repeating: "d", count: 67)))
      }
    }
    // The name in a refusal is escaped too.
    let refused = try OptiscopeProcess.run(
      ["render", "--theme", "x\u{1B}[2J"], environment: utf8, directory: evil)
    #expect(refused.status == 1)
    #expect(refused.stdout == "")
    #expect(try Self.rawControls(in: refused.stderr) == [])
    #expect(
      refused.stderr.hasPrefix(
        "optiscope: x\\e[2J: no such theme (known: default, cividis, ev\\e[2Jil,"))
  }

  @Test(
    "a refused input is repeated with its controls escaped",
    arguments: [
      (
        ["render", "--expr", "x\u{1B}[31m\u{07}"],
        "optiscope: bad --expr 'x\\e[31m\\x07': col 2: unexpected character U+001B\n"
      ),
      (
        ["render", "--optimizer", "adam", "--optimizer", "sgd", "--select", "a\u{9B}31m"],
        "optiscope: bad --select 'a\\u{9B}31m': no optimizer of that name; have adam, sgd\n"
      ),
      (
        [
          "trace", "--function", "sphere", "--optimizer", "adam", "--steps", "2", "--change",
          "1:1:l\u{07}r=3",
        ],
        "optiscope: bad --change '1:1:l\\x07r=3': adam: unknown hyper-parameter 'l\\x07r'; "
          + "known: lr, beta1, beta2, eps, weight_decay, amsgrad, decoupled_weight_decay, maximize\n"
      ),
      (
        ["render", "--scene", "no\u{1B}[2J\u{202E}file"],
        "optiscope: --scene 'no\\e[2J\\u{202E}file' does not exist\n"
      ),
      (
        ["render", "--function", "sphere", "--start", "1,\u{1B}[2J\r\n2"],
        "optiscope: bad --start '1,\\e[2J\\r\\n2': expected X,Y, e.g. -1.5,2\n"
      ),
    ])
  func refusedInput(arguments: [String], message: String) throws {
    let result = try OptiscopeProcess.run(arguments, environment: utf8)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr == message)
  }

  @Test("compare's heading repeats an expression with its vertical tab and NEL escaped")
  func compareHeading() throws {
    let result = try OptiscopeProcess.run(
      [
        "compare", "--expr", "x^2\u{0B}+y^2\u{85}", "--start", "1,1", "--optimizer", "adam",
        "--steps", "3",
      ], environment: utf8)
    #expect(result.status == 0, "\(result.stderr)")
    let heading = result.stdout.components(separatedBy: "\n").first ?? ""
    #expect(
      heading
        == "x^2\\x0B+y^2\\u{85} from 1.0,1.0, 3 steps; reached: no known minimum: "
        + "ranked by final f with tolerance 1e-06")
    #expect(try Self.rawControls(in: result.stdout) == [])
  }

  @Test("a megabyte scene line gives a message of a few hundred characters")
  func longInputIsCut() throws {
    let scratch = try folder([
      "big.txt": "expression = " + String(repeating: "x+", count: 500_000) + "\u{1B}\n"
    ])
    defer { try? FileManager.default.removeItem(at: scratch) }
    let path = scratch.appendingPathComponent("big.txt").path
    let result = try OptiscopeProcess.run(["render", "--scene", path], environment: utf8)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.count < 450)
    #expect(result.stderr.hasPrefix("optiscope: \(path) line 1: bad expression 'x+x+x+"))
    #expect(result.stderr.contains("characters left out) …x+x+"))
    #expect(result.stderr.hasSuffix("(more than 1000 characters)\n"))
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    #expect(try Self.rawControls(in: result.stderr) == [])
  }

  @Test("replay --verify prints a tampered log row with its controls escaped")
  func verifyMismatch() throws {
    let scratch = try folder([:])
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let log = scratch.appendingPathComponent("run.log")
    let recorded = try OptiscopeProcess.run(
      ["record", "--function", "sphere", "--frames", "3", "--size", "60x12", "--out", log.path],
      environment: utf8)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    var lines = String(decoding: try Data(contentsOf: log), as: UTF8.self)
      .components(separatedBy: "\n")
    let separator = try #require(lines.firstIndex { $0.hasPrefix("--- frame 2 ") })
    let row = lines[separator + 1]
    lines[separator + 1] = Self.planted + row
    try Data(lines.joined(separator: "\n").utf8).write(to: log)
    let verified = try OptiscopeProcess.run(["replay", "--verify", log.path], environment: utf8)
    #expect(verified.status == 1)
    let printed = verified.stdout.components(separatedBy: "\n")
    #expect(printed.count == 4)
    #expect(printed.dropFirst().first == "  log:    " + Self.shown + row)
    #expect(printed.dropFirst(2).first == "  replay: " + row)
    #expect(try Self.rawControls(in: verified.stdout) == [])
  }

  @Test("on a terminal, the label and a --out name show escaped and leave the title alone")
  func onATerminal() throws {
    guard TmuxSession.isAvailable else { return }
    let scratch = try folder(["evil.txt": scene(label: Self.planted)])
    defer { try? FileManager.default.removeItem(at: scratch) }
    let binary = "'\(try OptiscopeProcess.executable().path)'"
    let session = try TmuxSession(width: 100, height: 30)
    defer { session.close() }
    let title = try session.display("#{pane_title}")
    try session.run("cd '\(scratch.path)' && \(binary) --scene evil.txt; echo LIVE=$?")
    try session.waitFor("ev\\e]0;pwned\\x07il")
    try session.send("q")
    try session.waitUntil("the live program to end") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("LIVE=0") }
    }
    try session.run(
      "\(binary) record --scene evil.txt --frames 2 --out $'r\\e]0;pwned\\a.log'; echo EXIT=$?")
    let screen = try session.waitForExit()
    #expect(screen.contains("recorded 2 frames (step 1) to r\\e]0;pwned\\x07.log"))
    #expect(screen.contains("EXIT=0"))
    #expect(try session.display("#{pane_title}") == title)
    // replay draws a log's rows, which a file may fill with escape codes.
    let log = scratch.appendingPathComponent("r\u{1B}]0;pwned\u{07}.log")
    var lines = String(decoding: try Data(contentsOf: log), as: UTF8.self)
      .components(separatedBy: "\n")
    let separator = try #require(lines.firstIndex { $0.hasPrefix("--- frame 0 ") })
    lines[separator + 1] = "\u{1B}]0;hijacked\u{07}\u{9B}2J" + lines[separator + 1]
    try Data(lines.joined(separator: "\n").utf8).write(to: log)
    try session.run("clear; \(binary) replay $'r\\e]0;pwned\\a.log'; echo REPLAY=$?")
    // Frame 0 is on screen for a twentieth of a second: wait for the end of the
    // log, then go back to it (Home shows the first frame, paused).
    try session.waitFor(" · end · ")
    try session.send("Home")
    try session.waitFor("\\e]0;hijacked\\x07\\u{9B}2J")
    try session.send("q")
    try session.waitUntil("replay to end") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("REPLAY=0") }
    }
    #expect(try session.display("#{pane_title}") == title)
  }
}
