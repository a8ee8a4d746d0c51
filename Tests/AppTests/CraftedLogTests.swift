import App
import Foundation
import OptimKit
import Plot
import Testing

/// Logs written by hand or by an adversary: every one is read or refused in one line, and
/// checked in bounded time and memory.
@Suite("Crafted logs: one-line refusals, bounded sizes and tick counts")
struct CraftedLogTests {
  /// A genuine recording of a few frames on a small screen, as text: a frame drawn after
  /// each of `messages` (three ticks by default), as the run loop draws them.
  static func genuineLog(
    _ messages: [Msg] = [.tick, .tick, .tick], skipsRepeatedFrames: Bool = false
  )
    throws -> String
  {
    let sink = MemorySink()
    var session = Session(
      scene: try SceneOptions(function: "sphere", optimizers: ["adam:lr=0.1"]).scene(),
      size: ScreenSize(width: 40, height: 12), colorDepth: .none)
    let started = session.startRecording(
      Recorder(
        file: "g.log", format: .text, sink: sink, skipsRepeatedFrames: skipsRepeatedFrames),
      time: 0, timestamp: 0)
    #expect(started)
    for (index, message) in messages.enumerated() {
      _ = session.send(message)
      _ = session.frame(time: Double(index + 1) / 20)
    }
    session.stopRecording()
    return sink.text
  }

  /// `text` with `line` inserted before the line `before`.
  static func inserting(_ line: String, before: String, in text: String) throws -> String {
    var lines = text.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex(of: before))
    lines.insert(line, at: index)
    return lines.joined(separator: "\n")
  }

  /// The one-line refusal of `text`, or nil when it parses.
  static func refusal(_ text: String) -> String? {
    do {
      _ = try RecordingLog(parsing: text, name: "c.log")
      return nil
    } catch {
      return error.description
    }
  }

  @Test(
    "a log of its first line alone (with or without the newline) is refused in one line",
    arguments: ["optiscope-log 1", "optiscope-log 1\n", "optiscope-log 1\r\n"])
  func firstLineOnly(text: String) {
    #expect(refusalOf(text) == "c.log: the header has no size = WxH line")
  }

  private func refusalOf(_ text: String) -> String? { Self.refusal(text) }

  @Test("a logged resize beyond 2000 either way is refused; 2000 itself is read")
  func resizeBounded() throws {
    let log = try Self.genuineLog()
    for size in ["100000 100000", "5000 5000", "2001 10", "10 2001"] {
      let crafted = try Self.inserting("> resize \(size)", before: "--- frame 1 step 1", in: log)
      let line = try #require(Self.refusal(crafted), "\(size)")
      #expect(line.hasPrefix("c.log line "), "\(line)")
      #expect(
        line.hasSuffix("bad resize line '> resize \(size)': width and height must be 0 to 2000"))
    }
    // After the last frame, so no frame's rows are read at the new size.
    #expect(Self.refusal(log + "> resize 2000 2000\n") == nil)
  }

  @Test("a terminal larger than 2000 cells is held, journalled and logged at 2000")
  func sessionBoundsResizes() throws {
    let scene = try SceneOptions(function: "sphere", optimizers: ["adam:lr=0.1"]).scene()
    var session = Session(
      scene: scene, size: ScreenSize(width: 3000, height: 20), colorDepth: .none)
    #expect(session.model.width == 2000)
    #expect(session.header.size == ScreenSize(width: 2000, height: 20))
    _ = session.send(.resize(width: 30, height: 100_000))
    #expect(session.model.width == 30)
    #expect(session.model.height == 2000)
    #expect(session.journal.last == .input(.resize(width: 30, height: 2000)))
  }

  @Test("a ticks line beyond a million is refused; longer runs are written as several lines")
  func ticksBounded() throws {
    let log = try Self.genuineLog()
    let crafted = try Self.inserting("> ticks 1000000000", before: "--- frame 1 step 1", in: log)
    let line = try #require(Self.refusal(crafted))
    #expect(line.hasSuffix("at most 1000000 ticks go between two inputs or frames"), "\(line)")

    let long = LogEvent.ticks(2_500_001).text
    #expect(long == "> ticks 1000000\n> ticks 1000000\n> ticks 500001\n")
    let reread = try Self.inserting(
      String(long.dropLast()), before: "--- frame 1 step 1", in: log)
    let events = try RecordingLog(parsing: reread, name: "r.log").events
    let counts = events.compactMap { event -> Int? in
      if case .ticks(let count) = event { return count }
      return nil
    }
    #expect(counts == [1_000_000, 1_000_000, 500_001])
  }

  @Test(
    "too many ticks before a frame fail the check at once, at the step they pass",
    .timeLimit(.minutes(1)))
  func implausibleTicksFailFast() throws {
    let log = try Self.genuineLog()
    let crafted = try Self.inserting("> ticks 1000000", before: "--- frame 1 step 1", in: log)
    let parsed = try RecordingLog(parsing: crafted, name: "t.log")
    guard case .mismatch(let mismatch) = try LogVerifier.verify(parsed) else {
      Issue.record("a million ticks before frame 1 passed")
      return
    }
    #expect(
      mismatch.summary
        == "'> ticks 1000000' before frame 1 (step 1): the replay is at step 2 after 2 ticks")
  }

  @Test(
    "ticks while the race is paused cost nothing to check, however many",
    .timeLimit(.minutes(1)))
  func stillTicksAreSkipped() throws {
    // Paused after one step, ticks whose frames repeat (so they are counted), then resumed.
    let log = try Self.genuineLog(
      [.tick, Fixture.key(" "), .tick, .tick, .tick, Fixture.key(" "), .tick],
      skipsRepeatedFrames: true)
    #expect(log.contains("\n> ticks 3\n"))
    // Thirty million ticks while paused: as many seconds of simulation before the fix.
    let many = Array(repeating: "> ticks 1000000", count: 30).joined(separator: "\n")
    let crafted = log.replacingOccurrences(of: "\n> ticks 3\n", with: "\n\(many)\n")
    let parsed = try RecordingLog(parsing: crafted, name: "p.log")
    #expect(try LogVerifier.verify(parsed) == .identical(frames: parsed.frames.count))
  }

  @Test(
    "ticks before a restart may take a bounded number of race steps between two frames",
    .timeLimit(.minutes(1)))
  func ticksBeforeARestartAreBudgeted() throws {
    let sink = MemorySink()
    var session = Session(
      scene: try SceneOptions(
        function: "sphere", optimizers: ["adam:lr=0.1"], stepsPerFrame: 1024
      ).scene(), size: ScreenSize(width: 40, height: 12), colorDepth: .none)
    let started = session.startRecording(
      Recorder(file: "b.log", format: .text, sink: sink, skipsRepeatedFrames: false), time: 0,
      timestamp: 0)
    #expect(started)
    _ = session.send(.tick)
    _ = session.frame(time: 0.05)
    session.stopRecording()
    // A thousand million steps, then `r`, which would make step 0 plausible again.
    let crafted = try Self.inserting(
      "> ticks 1000000\n> key r", before: "--- frame 1 step 1024", in: sink.text)
    let parsed = try RecordingLog(parsing: crafted, name: "b.log")
    #expect(LogVerifier.maximumStepsBetweenFrames == 1_000_000)
    // A smaller bound than the program's, so that the test is quick.
    guard case .mismatch(let mismatch) = try LogVerifier.verify(parsed, maximumSteps: 20_000)
    else {
      Issue.record("a thousand million steps before a frame passed")
      return
    }
    #expect(
      mismatch.summary
        == "'> ticks 1000000' before frame 1 (step 1024): the ticks since the last frame take "
        + "more than 20000 race steps, more than a recording holds")
  }

  @Test("ticks before a restart that brings the race back to the frame's step verify")
  func ticksBeforeARestartVerify() throws {
    var session = Session(
      scene: try SceneOptions(function: "sphere", optimizers: ["adam:lr=0.1"]).scene(),
      size: ScreenSize(width: 40, height: 12), colorDepth: .none)
    for _ in 0..<5 { _ = session.send(.tick) }
    _ = session.send(Fixture.key("r"))
    let sink = MemorySink()
    let started = session.startRecording(
      Recorder(file: "r.log", format: .text, sink: sink), time: 0, timestamp: 0)
    #expect(started)
    session.stopRecording()
    #expect(sink.text.contains("\n> ticks 5\n> key r\n"))
    #expect(sink.text.contains("\n--- frame 0 step 0\n"))
    let parsed = try RecordingLog(parsing: sink.text, name: "r.log")
    #expect(try LogVerifier.verify(parsed) == .identical(frames: 1))
  }

  @Test(
    "ticks after the last frame and the last input are not simulated",
    .timeLimit(.minutes(1)))
  func trailingTicksAreSkipped() throws {
    let log = try Self.genuineLog()
    let many = String(repeating: "> ticks 1000000\n", count: 30)
    let parsed = try RecordingLog(parsing: log + many, name: "e.log")
    #expect(try LogVerifier.verify(parsed) == .identical(frames: 4))
  }
}
