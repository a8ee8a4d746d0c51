import Foundation
import Testing

/// Thousands of random keys, clicks and resizes into the real program in tmux.
///
/// The program must survive all of it, never show a NaN or an infinity, and
/// still quit with `q`, status 0 and a clean terminal. The suite's version sends
/// 1000 keys; `scripts/storm [KEYS] [SEED]` runs a long one
/// (OPTISCOPE_STORM_KEYS and OPTISCOPE_STORM_SEED set the count and the seed).
@Suite(
  "Key storm in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct KeyStormTests {
  static let environment = ProcessInfo.processInfo.environment
  static let keyCount = environment["OPTISCOPE_STORM_KEYS"].flatMap { Int($0) } ?? 1000
  static let seed = environment["OPTISCOPE_STORM_SEED"].flatMap { UInt64($0) } ?? 20_261_122
  /// The line that lets the shell after the program take commands again.
  static let endOfStorm = "END-OF-STORM"

  @Test("random keys, input lines, clicks and resizes: no crash, no NaN, q quits cleanly")
  func storm() throws {
    let session = try TmuxSession()
    defer { session.close() }
    let binary = try OptiscopeProcess.executable().path
    // The program's stderr goes to a file, for the message of a crash. Whenever it
    // ends, a read loop swallows what is left of the storm, which must never reach
    // the shell as commands, until the test types the line that ends the loop.
    let errors = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-storm-\(Self.seed)-\(UUID().uuidString.prefix(6)).stderr")
    defer { try? FileManager.default.removeItem(at: errors) }
    try session.run(
      "'\(binary)' --fps 60 2>'\(errors.path)'; echo EXIT=$?; "
        + "while IFS= read -r line; do [ \"$line\" = \(Self.endOfStorm) ] && break; done")
    try session.waitFor("keys act on: all")
    let usesSGR = try session.display("#{mouse_sgr_flag}") == "1"

    var storm = KeyStorm(seed: Self.seed)
    var size = (width: 120, height: 40)
    var sent = 0
    var sinceCheck = 0
    var log: [String] = []
    while sent < Self.keyCount {
      let (actions, keys) = storm.nextActions(width: size.width, height: size.height)
      for action in actions {
        switch action {
        case .keys(let names):
          try session.send(keys: names)
          log.append(names.joined(separator: " "))
        case .text(let text):
          try session.type(text)
          log.append("text \(text)")
        case .click(let column, let row):
          try session.send(bytes: Self.click(column: column, row: row, sgr: usesSGR))
          log.append("click \(column),\(row)")
        case .resize(let width, let height):
          try session.resize(width: width, height: height)
          size = (width, height)
          log.append("resize \(width)x\(height)")
        }
      }
      sent += keys
      sinceCheck += keys
      if sinceCheck >= 150 {
        sinceCheck = 0
        try check(try session.screen(), after: log, errors: errors)
      }
    }

    // Back to a normal size and out of any input line or help; then a start point
    // no storm can type: once its message shows, every key before it was read
    // (a debug build may lag far behind a storm).
    try session.resize(width: 120, height: 40)
    try session.send(keys: ["Escape"])
    try session.send(keys: ["Escape"])
    // Keys are read in order, so the start point below is typed into a line of its
    // own once no help and no input line is left open by the storm.
    do {
      try session.waitUntil(
        "no help and no input line", timeout: Double(Self.keyCount) / 10 + 30
      ) { screen in
        Self.hasExited(screen) || !Self.showsHelpOrInputLine(screen)
      }
    } catch {
      writeReport(
        screen: (try? session.screen()) ?? "", log: log + ["Escape Escape"], errors: errors)
      throw error
    }
    try session.send(keys: ["s", "C-u"])
    try session.type("6.125,-4.375")
    try session.send(keys: ["Enter"])
    let settled: String
    do {
      settled = try session.waitUntil(
        "the start point typed last", timeout: Double(Self.keyCount) / 10 + 30
      ) { screen in
        screen.contains("start (6.125, -4.375)") || Self.hasExited(screen)
      }
    } catch {
      writeReport(screen: (try? session.screen()) ?? "", log: log + ["sentinel"], errors: errors)
      throw error
    }
    try check(settled, after: log + ["sentinel"], errors: errors)
    try session.send(keys: ["q"])
    let screen: String
    do {
      screen = try session.waitForExit()
    } catch {
      writeReport(
        screen: (try? session.screen()) ?? "", log: log + ["sentinel", "q"], errors: errors)
      throw error
    }
    #expect(screen.contains("EXIT=0"), "seed \(Self.seed)")
    #expect(try session.display("#{alternate_on}") == "0")
    #expect(try session.display("#{cursor_flag}") == "1")
    #expect(try session.display("#{mouse_any_flag}#{mouse_standard_flag}") == "00")
    try session.run(Self.endOfStorm)
    try session.run("echo AFTER")
    let after = try session.waitUntil("AFTER") { $0.contains("\nAFTER\n") }
    #expect(after.split(separator: "\n").last == "PROMPT$")
    #expect(!after.contains("\u{1B}"))
  }

  /// The program is still running and shows no non-finite number.
  ///
  /// On failure the screen and the whole input so far are also written to
  /// `optiscope-storm-SEED.txt` in the temporary directory, to replay by hand.
  private func check(_ screen: String, after log: [String], errors: URL) throws {
    let recent = log.suffix(8).joined(separator: " | ")
    let exited = Self.hasExited(screen)
    let words = Self.nonFiniteWords(in: screen)
    guard exited || !words.isEmpty else { return }
    let report = writeReport(screen: screen, log: log, errors: errors)
    let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    #expect(
      !exited,
      """
      the program ended during the storm (seed \(Self.seed), see \(report.path)); \
      last input: \(recent); stderr: \(stderr.prefix(2000))
      """)
    if exited { throw TmuxSession.Failure(description: "program exited:\n\(screen)") }
    #expect(
      words.isEmpty,
      "\(words) on screen (seed \(Self.seed), see \(report.path)); last input: \(recent)")
  }

  /// Writes the screen and every input sent to `optiscope-storm-SEED.txt` in the temporary directory.
  @discardableResult
  private func writeReport(screen: String, log: [String], errors: URL) -> URL {
    let report = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-storm-\(Self.seed).txt")
    let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    try? (["screen:", screen, "stderr:", stderr, "input:"] + log).joined(separator: "\n")
      .write(to: report, atomically: true, encoding: .utf8)
    return report
  }

  /// Whether the help box or an input line (its prompt starts the bottom row) is on screen.
  static func showsHelpOrInputLine(_ screen: String) -> Bool {
    let bottom =
      screen.split(separator: "\n", omittingEmptySubsequences: false)
      .last { !$0.isEmpty } ?? ""
    return screen.contains("any key closes this help") || bottom.hasPrefix(" start x,y = ")
      || bottom.hasPrefix(" f(x,y) = ")
  }

  /// Whether the shell has printed the program's exit status.
  static func hasExited(_ screen: String) -> Bool {
    screen.split(separator: "\n").contains { $0.hasPrefix("EXIT=") }
  }

  /// The words "nan", "inf" or "infinity" (any case) standing alone in `text`.
  static func nonFiniteWords(in text: String) -> [String] {
    text.split { !$0.isLetter }.map { $0.lowercased() }.filter {
      $0 == "nan" || $0 == "inf" || $0 == "infinity"
    }
  }

  /// A left-button press and release at a cell, as the terminal reports it: SGR
  /// (`ESC [ < 0 ; x ; y M`) or the classic X10 form (`ESC [ M` and three bytes).
  static func click(column: Int, row: Int, sgr: Bool) -> [UInt8] {
    if sgr {
      return Array("\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m".utf8)
    }
    let x = UInt8(clamping: 33 + column)
    let y = UInt8(clamping: 33 + row)
    return [0x1B, 0x5B, 0x4D, 32, x, y, 0x1B, 0x5B, 0x4D, 35, x, y]
  }

  @Test func nonFiniteWordsAreFoundOnlyAsWords() {
    #expect(Self.nonFiniteWords(in: "f nan at step 3") == ["nan"])
    #expect(Self.nonFiniteWords(in: "|∇f| -inf, Infinity") == ["inf", "infinity"])
    #expect(Self.nonFiniteWords(in: "info: nano sin(x) finance") == [])
  }

  @Test func helpAndInputLinesAreRecognised() {
    #expect(Self.showsHelpOrInputLine("map\n any key closes this help \n\n"))
    #expect(Self.showsHelpOrInputLine("map\n start x,y = 1,2   Enter restart there\n"))
    #expect(Self.showsHelpOrInputLine("map\n f(x,y) = x^2\n\n"))
    #expect(!Self.showsHelpOrInputLine("map\n start (1, 2)\n"))
    #expect(!Self.showsHelpOrInputLine("map f(x,y) = x\n status\n"))
  }

  @Test func stormsAreReproducibleAndUseEveryKindOfInput() {
    var first = KeyStorm(seed: 1)
    var second = KeyStorm(seed: 1)
    var kinds = Set<String>()
    var keys = Set<String>()
    for _ in 0..<2000 {
      let one = first.nextActions(width: 120, height: 40)
      let other = second.nextActions(width: 120, height: 40)
      #expect(String(describing: one.actions) == String(describing: other.actions))
      for action in one.actions {
        switch action {
        case .keys(let names):
          kinds.insert("keys")
          keys.formUnion(names)
          #expect(!names.contains("q") && !names.contains("C-c"))
        case .text(let text):
          kinds.insert("text")
          #expect(Self.nonFiniteWords(in: text).isEmpty)
        case .click(let column, let row):
          kinds.insert("click")
          #expect((0..<120).contains(column) && (0..<40).contains(row))
        case .resize: kinds.insert("resize")
        }
      }
    }
    #expect(kinds == ["keys", "text", "click", "resize"])
    #expect(keys.isSuperset(of: KeyStorm.commandKeys + KeyStorm.otherKeys + ["e", "s"]))
  }
}
