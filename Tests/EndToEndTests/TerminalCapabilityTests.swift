import Foundation
import Testing

/// The live program on terminals of different abilities, in tmux: 256 colours,
/// 8 colours, none (vt100), a non-UTF-8 locale, and NO_COLOR. Each must give
/// a usable picture: the map and the legend, readable text, no mojibake.
@Suite(
  "Terminal capabilities in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct TerminalCapabilityTests {
  private let race =
    "--function himmelblau --optimizer adam:lr=0.1 --optimizer sgd:lr=0.01 --fps 30"

  /// Starts `env SETTINGS optiscope ARGS` in a fresh 120×40 pane and waits for a whole frame.
  ///
  /// The first frame may still be on its way to the pane (a loaded machine can
  /// show it half drawn), so this waits until the map, its edge and the legend
  /// are all there (see `problems`), and fails with the last screen and what it
  /// lacked when that does not happen in time.
  private func launch(_ settings: String, _ arguments: String = "") throws -> (
    TmuxSession, String
  ) {
    let session = try TmuxSession()
    let binary = try OptiscopeProcess.executable().path
    try session.run("env \(settings) '\(binary)' \(race) \(arguments); echo EXIT=$?")
    try session.waitFor("adam lr=0.1 ")
    var lacking: [String] = []
    do {
      let screen = try session.waitUntil("a whole frame") { screen in
        lacking = problems(screen)
        return lacking.isEmpty
      }
      return (session, screen)
    } catch {
      session.close()
      Issue.record("the frame never became usable: \(lacking.joined(separator: "; "))")
      throw error
    }
  }
  /// The colour parameters (foreground or background) of the SGR codes on screen.
  private func colourCodes(_ styled: String) throws -> [String] {
    styled.matches(of: try Regex("\u{1B}\\[([0-9;:]*)m")).flatMap { match in
      String(styled[match.range].dropFirst(2).dropLast()).split(separator: ";").map(String.init)
    }.filter { code in
      guard let number = Int(code) else { return false }
      return (30...49).contains(number) && number != 39 && number != 49
        || (90...107).contains(number)
    }
  }

  /// What a usable screen lacks: the title, both optimizers, the legend, many map
  /// rows, and the panel separator down the map's right edge, just left of the legend.
  private func problems(_ screen: String) -> [String] {
    var problems: [String] = []
    for text in ["Himmelblau", "sgd lr=0.01", "optimizers"] where !screen.contains(text) {
      problems.append("no '\(text)'")
    }
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    if rows.count < 38 { problems.append("\(rows.count) rows") }
    guard let legendRow = rows.first(where: { $0.contains("optimizers") }),
      let legend = legendRow.range(of: "optimizers")
    else {
      return problems + ["no legend"]
    }
    let column = legendRow.distance(from: legendRow.startIndex, to: legend.lowerBound) - 1
    if column <= 40 { problems.append("the map is too narrow") }
    let edges = rows.dropFirst().prefix(30).map { row -> Character? in
      guard column < row.count else { return nil }
      return row[row.index(row.startIndex, offsetBy: column)]
    }
    if !edges.allSatisfy({ $0 == "│" || $0 == "|" }) {
      problems.append("the map's edge is \(edges)")
    }
    return problems
  }

  /// The map and the legend are there (`launch` has waited for that; this checks it again).
  private func expectUsable(_ screen: String, _ label: String) {
    #expect(problems(screen) == [], "\(label)")
  }

  @Test func colours256() throws {
    let (session, screen) = try launch("TERM=xterm-256color")
    defer { session.close() }
    expectUsable(screen, "256 colours")
    let styled = try session.styledScreen()
    #expect(styled.contains("48;5;"))
    #expect(screen.contains("●"))
  }

  @Test func eightColours() throws {
    let (session, screen) = try launch("TERM=xterm")
    defer { session.close() }
    expectUsable(screen, "8 colours")
    let codes = try colourCodes(try session.styledScreen())
    #expect(!codes.isEmpty)
    #expect(!codes.contains("38") && !codes.contains("48"))
    #expect(codes.allSatisfy { (Int($0) ?? 0) < 90 })
  }

  @Test func noColoursOnVT100() throws {
    let (session, screen) = try launch("TERM=vt100")
    defer { session.close() }
    expectUsable(screen, "vt100")
    #expect(try colourCodes(try session.styledScreen()).isEmpty)
    // Without colour the glyph ramp draws the heatmap.
    #expect(screen.contains("+++"))
  }

  @Test func noColorEnvironment() throws {
    let (session, screen) = try launch("TERM=xterm-256color NO_COLOR=1")
    defer { session.close() }
    expectUsable(screen, "NO_COLOR")
    #expect(try colourCodes(try session.styledScreen()).isEmpty)
  }

  @Test func nonUTF8LocaleShowsOnlyASCII() throws {
    let (session, screen) = try launch("TERM=xterm-256color LANG=C LC_ALL=C")
    defer { session.close() }
    expectUsable(screen, "LANG=C")
    #expect(screen.unicodeScalars.allSatisfy { $0.value <= 0x7F })
    #expect(screen.contains("x in [-5, 5] y in [-5, 5]"))
    #expect(screen.contains("1 adam"))  // ASCII glyphs in the legend
    try session.type("?")
    // Until the bottom border is on screen too: the box may show part-drawn for a moment.
    let help = try session.waitUntil("the help with its border") { screen in
      screen.contains("optiscope keys") && screen.contains("+---")
    }
    #expect(help.unicodeScalars.allSatisfy { $0.value <= 0x7F })
  }

  @Test func tCyclesThemesLive() throws {
    let (session, _) = try launch("TERM=xterm-256color")
    defer { session.close() }
    try session.type("t")
    try session.waitFor("theme 2/")
    try session.type("q")
    let screen = try session.waitForExit()
    #expect(screen.contains("EXIT=0"))
  }
}
