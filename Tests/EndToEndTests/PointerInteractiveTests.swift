import Foundation
import Testing

/// The pointer readout in a real terminal: the program asks for any-motion tracking
/// (1003), reads motion reports in either encoding as the pointer's cell, shows x, y
/// and f there in the status line, and turns tracking off when it quits.
@Suite(
  "Pointer readout in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct PointerInteractiveTests {
  /// A motion report with no button held at a 0-based cell, SGR (1006): `ESC [ < 35 ; col ; row M`.
  static func sgrMotion(column: Int, row: Int) -> [UInt8] {
    [0x1B] + Array("[<35;\(column + 1);\(row + 1)M".utf8)
  }

  /// The same in X10 (1000): `ESC [ M`, 32 + 35, 33 + column, 33 + row.
  static func x10Motion(column: Int, row: Int) -> [UInt8] {
    [0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), 32 + 35, UInt8(33 + column), UInt8(33 + row)]
  }

  @Test(
    "motion in either encoding reads out x, y and f under the pointer; tracking is off after q",
    arguments: InputInteractiveTests.terms)
  func pointerReadout(term: String) throws {
    try #require(InputInteractiveTests.hasTerminfo(term), "no terminfo entry for \(term)")
    let session = try TmuxSession(width: 120, height: 40)
    defer { session.close() }
    let binary = try OptiscopeProcess.executable().path
    // Himmelblau's view is [-5, 5]²: paused at the start, so only the pointer changes the top line.
    try session.run(
      "TERM=\(term) '\(binary)' --function himmelblau --optimizer adam:lr=0.1; echo EXIT=$?")
    try session.waitFor("adam lr=0.1 ")
    try session.type(" ")
    try session.waitFor("paused")
    #expect(try session.display("#{mouse_any_flag}") == "1")
    func topLine(_ screen: String) -> String {
      String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
    #expect(topLine(try session.screen()).contains("x∈[-5, 5] y∈[-5, 5]"))
    var readouts: [String] = []
    for bytes in [Self.sgrMotion(column: 10, row: 5), Self.x10Motion(column: 40, row: 30)] {
      try session.send(bytes: bytes)
      let screen = try session.waitUntil("the readout") { screen in
        let line = topLine(screen)
        return line.contains("  f ") && !line.contains("x∈") && !readouts.contains(line)
      }
      readouts.append(topLine(screen))
    }
    // Two different points, each with its x, y and f, and nothing typed by the report bytes.
    #expect(readouts[0] != readouts[1])
    for readout in readouts {
      #expect(
        readout.range(
          of: #"x -?[0-9.e+-]+  y -?[0-9.e+-]+  f -?[0-9.]+e[+-][0-9]+"#,
          options: .regularExpression) != nil)
    }
    let after = try session.screen()
    #expect(!after.contains("unknown key"))
    #expect(after.contains("paused"))
    try session.type("q")
    let exited = try session.waitForExit()
    #expect(exited.contains("EXIT=0"))
    #expect(try session.display("#{mouse_any_flag}#{mouse_standard_flag}") == "00")
  }
}
