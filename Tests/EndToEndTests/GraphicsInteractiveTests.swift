import Foundation
import TestSupport
import Testing

/// `--graphics`: the live map as a kitty or sixel image, checked on a pseudo-terminal
/// that answers (or not) as a terminal would, and in tmux.
@Suite("images in the terminal", .serialized)
struct GraphicsInteractiveTests {
  static let escape = "\u{1B}"
  static let kittyReply = "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;22c"
  static let sixelReply = "\u{1B}[?63;1;2;4;6;9;15;22c"

  /// One kitty command: its control keys and payload.
  struct KittyCommand {
    var control: [String: String]
    var payload: String
    /// Where it starts in the output.
    var offset: Int
  }

  /// Every kitty graphics command in `bytes` (`ESC _ G control ; payload ESC \`).
  static func kittyCommands(_ bytes: [UInt8]) -> [KittyCommand] {
    var commands: [KittyCommand] = []
    var index = 0
    let start = Array("\u{1B}_G".utf8)
    let end = Array("\u{1B}\\".utf8)
    while let found = PtyTerminal.find(start, in: bytes, from: index) {
      guard let stop = PtyTerminal.find(end, in: bytes, from: found) else { break }
      let body = String(decoding: bytes[(found + 3)..<stop], as: UTF8.self)
      let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
      var control: [String: String] = [:]
      for pair in parts[0].split(separator: ",") {
        let keyValue = pair.split(separator: "=", maxSplits: 1)
        if keyValue.count == 2 { control[String(keyValue[0])] = String(keyValue[1]) }
      }
      commands.append(
        KittyCommand(
          control: control, payload: parts.count > 1 ? String(parts[1]) : "", offset: found))
      index = stop + 2
    }
    return commands
  }

  /// The cursor position (1-based row, column) last set before `offset`, by `ESC [ r ; c H`.
  static func cursor(before offset: Int, in bytes: [UInt8]) -> (row: Int, column: Int)? {
    let text = String(decoding: bytes[max(0, offset - 40)..<offset], as: UTF8.self)
    guard let range = text.range(of: "\u{1B}[", options: .backwards), text.hasSuffix("H") else {
      return nil
    }
    let numbers = text[range.upperBound...].dropLast().split(separator: ";").compactMap {
      Int($0)
    }
    return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
  }

  static func scratch(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "optiscope-graphics-\(UUID().uuidString)-\(name)"
    ).path
  }

  @Test("auto on a terminal that stays silent: the question is asked once, then text only")
  func silentTerminal() throws {
    let terminal = try PtyTerminal(["--function", "himmelblau"])
    try terminal.waitFor("adam")
    // A frame drawn after a key: the program has been running for a while.
    terminal.type("?")
    try terminal.waitFor("any key closes this help")
    terminal.type("x")
    terminal.type("q")
    #expect(try terminal.waitForExit() == 0)
    let output = terminal.output
    let query = Array("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\".utf8)
    #expect(PtyTerminal.find(query, in: output) != nil, "the terminal was asked")
    #expect(PtyTerminal.find(Array("\u{1B}_Ga=".utf8), in: output) == nil, "no kitty image")
    #expect(PtyTerminal.find(Array("\u{1B}P".utf8), in: output) == nil, "no sixel image")
    #expect(PtyTerminal.find(Array("▀".utf8), in: output) != nil, "the text map")
  }

  @Test(
    "a kitty terminal gets the map as a PNG of the map's size at its cell; help and quit delete it")
  func kittyTerminal() throws {
    let terminal = try PtyTerminal(
      ["--function", "rosenbrock"], answers: [(trigger: "\u{1B}[c", reply: Self.kittyReply)])
    try terminal.waitFor("\u{1B}_Ga=T")
    try terminal.waitFor("m=0;")
    let shown = terminal.output.count
    terminal.type("?")
    try terminal.waitFor("\u{1B}_Ga=d,d=I", from: shown)
    try terminal.waitFor("any key closes this help", from: shown)
    let helped = terminal.output.count
    terminal.type("x")
    try terminal.waitFor("\u{1B}_Ga=T", from: helped)
    terminal.type("q")
    #expect(try terminal.waitForExit() == 0)
    let output = terminal.output
    let commands = Self.kittyCommands(output)
    let transmissions = commands.indices.filter { commands[$0].control["a"] == "T" }
    #expect(transmissions.count >= 2, "shown, and shown again after the help")
    let first = try #require(transmissions.first)
    let id = try #require(commands[first].control["i"])
    let columns = try #require(commands[first].control["c"].flatMap { Int($0) })
    let rows = try #require(commands[first].control["r"].flatMap { Int($0) })
    // The map of a 120 × 40 screen: most of its width beside the panels, all rows but the
    // status and message lines and the x axis's values under it; the y axis's values take
    // the first five columns.
    #expect((60..<120).contains(columns) && rows == 37, "\(columns) × \(rows) cells")
    let cursor = try #require(Self.cursor(before: commands[first].offset, in: output))
    #expect(cursor == (row: 2, column: 6), "placed at the map's first cell: \(cursor)")
    // The chunks of the first image, up to the one with m=0.
    var payload = ""
    var index = first
    while index < commands.count {
      payload += commands[index].payload
      if commands[index].control["m"] == "0" { break }
      #expect(commands[index].payload.count == 4096)
      index += 1
    }
    let data = try #require(Data(base64Encoded: payload))
    let path = Self.scratch("kitty.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try data.write(to: URL(fileURLWithPath: path))
    let reading = try ImageCommandTests.read(path)
    #expect(reading.width == columns * 10 && reading.height == rows * 20)
    #expect(reading.mapColors > 20)
    // Every command after the start's query sets q=2 (no replies that would arrive as
    // keys), and the last one deletes the image: nothing stays on the terminal.
    #expect(commands.first?.control["a"] == "q")
    #expect(commands.dropFirst().allSatisfy { $0.control["q"] == "2" || $0.control["a"] == nil })
    let last = try #require(commands.last)
    #expect(last.control == ["a": "d", "d": "I", "i": id, "q": "2"])
  }

  @Test("a sixel terminal gets the map as sixels that libsixel decodes at the map's size")
  func sixelTerminal() throws {
    let terminal = try PtyTerminal(
      ["--function", "rosenbrock"], cellWidth: 9, cellHeight: 17,
      answers: [(trigger: "\u{1B}[c", reply: Self.sixelReply)])
    try terminal.waitFor("\u{1B}P")
    try terminal.waitFor("\u{1B}\\\u{1B}8")
    terminal.type("q")
    #expect(try terminal.waitForExit() == 0)
    let output = terminal.output
    let start = try #require(PtyTerminal.find(Array("\u{1B}P".utf8), in: output))
    let end = try #require(PtyTerminal.find(Array("\u{1B}\\".utf8), in: output, from: start))
    #expect(Self.cursor(before: start, in: output).map { [$0.row, $0.column] } == [2, 6])
    let sixel = Array(output[start..<(end + 2)])
    let input = Self.scratch("map.six")
    let png = Self.scratch("map.png")
    defer {
      try? FileManager.default.removeItem(atPath: input)
      try? FileManager.default.removeItem(atPath: png)
    }
    try Data(sixel).write(to: URL(fileURLWithPath: input))
    let decoded = try TestProcess.run(["sixel2png", "-i", input, "-o", png])
    #expect(decoded.status == 0, "\(decoded.output)")
    let reading = try ImageCommandTests.read(png)
    // 37 rows of 17 pixels (the x axis's values take the row under the map), in whole
    // six-pixel bands: 624 pixels; whole cells across.
    #expect(reading.height == 37 * 17 / 6 * 6, "\(reading.height)")
    #expect(reading.width % 9 == 0 && (60 * 9..<120 * 9).contains(reading.width))
    #expect(reading.mapColors > 20)
  }

  @Test("--graphics kitty without the cell size in pixels says so and shows the text map")
  func noCellSize() throws {
    let terminal = try PtyTerminal(
      ["--graphics", "kitty"], cellWidth: 0, cellHeight: 0)
    try terminal.waitFor("does not tell its cell size in pixels; the map is text")
    terminal.type("q")
    #expect(try terminal.waitForExit() == 0)
    #expect(PtyTerminal.find(Array("\u{1B}_Ga=".utf8), in: terminal.output) == nil)
  }

  @Test("in tmux: auto is the text map without a word; kitty says tmux does not pass images")
  func tmux() throws {
    guard TmuxSession.isAvailable else { return }
    let session = try TmuxSession()
    defer { session.close() }
    let log = Self.scratch("graphics.log")
    defer { try? FileManager.default.removeItem(atPath: log) }
    let binary = try OptiscopeProcess.executable().path
    try session.run("\(binary) --graphics kitty --record \(log); echo EXIT=$?")
    try session.waitFor("--graphics kitty: tmux does not pass images through; the map is text")
    try session.send("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
    // The recording holds the text frames, the line included, and replays exactly.
    let verified = try OptiscopeProcess.run(["replay", "--verify", log])
    #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    #expect(verified.stdout.contains("identical"), "\(verified.stdout)")
    try session.run("clear; \(binary); echo EXIT=$?")
    let screen = try session.waitFor("adam lr=")
    #expect(!screen.contains("--graphics"))
    #expect(!screen.contains("Ga=") && !screen.contains("AAAA"))
    try session.send("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
  }
}
