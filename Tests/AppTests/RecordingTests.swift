import App
import Foundation
import OptimKit
import Plot
import Testing

@Suite("Recording: the text log, replay verification, asciicast")
struct RecordingTests {
  static let size = ScreenSize(width: 100, height: 30)

  /// A scene with noise, so determinism is tested with the seeded stream in play.
  static func scene(noise: String? = "0.3") throws -> Scene {
    try SceneOptions(
      function: "himmelblau", optimizers: ["adam:lr=0.1", "sgd:lr=0.01", "momentum:lr=0.01"],
      noise: noise, seed: "7"
    ).scene()
  }

  /// A session recording from the start into `sink`.
  static func recording(
    _ sink: MemorySink, format: RecordingFormat = .text, skipsRepeatedFrames: Bool = true,
    colorDepth: ColorDepth = .none
  ) throws -> Session {
    var session = Session(scene: try scene(), size: size, colorDepth: colorDepth)
    let recorder = Recorder(
      file: "test.log", format: format, sink: sink, skipsRepeatedFrames: skipsRepeatedFrames)
    let started = session.startRecording(recorder, time: 0, timestamp: 1_700_000_000)
    #expect(started)
    return session
  }

  /// Plays `messages`, drawing a frame after each (as the run loop does); returns the
  /// frames drawn while recording (frame 0 first).
  static func play(_ messages: [Msg], on session: inout Session, from time: Double = 0)
    -> [Canvas]
  {
    var canvases = [view(session.model)]
    for (index, message) in messages.enumerated() {
      _ = session.send(message)
      canvases.append(session.frame(time: time + Double(index + 1) / 20))
    }
    return canvases
  }

  /// A session with live changes of every kind: keys, selection, a click, a resize,
  /// typing a start point, a pause with single steps.
  static let liveSession: [Msg] =
    [.tick, .tick, Fixture.key("+"), .tick, .key(.tab), Fixture.key("b"), .tick, .tick]
    + [.click(column: 20, row: 10), .tick, .resize(width: 90, height: 28), .tick]
    + [Fixture.key("s"), .key(.control("u"))] + Fixture.typing("1,-1") + [
      .key(.enter), .tick, Fixture.key(" "),
    ]
    + [Fixture.key("n"), Fixture.key("n"), Fixture.key("z"), .key(.left), Fixture.key(" "), .tick]
    + [Fixture.key("f"), .tick, .tick, Fixture.key("-"), .tick]

  @Test("a colour screen goes into a text log as plain frames, the heatmap drawn with glyphs")
  func colourScreenRecordsPlainGlyphs() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink, skipsRepeatedFrames: false, colorDepth: .full256)
    let drawn = Self.play([.tick, .tick], on: &session)
    session.stopRecording()
    let log = try RecordingLog(parsing: sink.text, name: "test.log")
    #expect(log.frames.count == 3)
    let ramp = Set("#*+=-;:,.")
    func rampCells(_ rows: [String]) -> Int {
      rows.dropFirst().reduce(0) { $0 + $1.prefix(40).filter { ramp.contains($0) }.count }
    }
    // On screen the bands are colours (blank cells); in the log they are glyphs.
    #expect(rampCells(drawn[2].lines) < rampCells(log.frames[2].rows) / 4)
    #expect(rampCells(log.frames[2].rows) > 200)
    // Everything but the map is the same text.
    #expect(log.frames[2].rows.first == drawn[2].lines.first)
  }

  @Test("a recorded log parses back to exactly the frames that were drawn")
  func parsesBackToFrames() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink, skipsRepeatedFrames: false)
    let drawn = Self.play(Self.liveSession, on: &session)
    session.stopRecording()
    let log = try RecordingLog(parsing: sink.text, name: "test.log")
    #expect(!log.isTruncated)
    #expect(log.frames.map(\.rows) == drawn.map(\.lines))
    #expect(log.frames.map(\.number) == Array(0..<drawn.count))
    // The resize shows up in the frames' heights.
    #expect(log.frames.last?.rows.count == 28)
    #expect(log.frames.first?.rows.count == 30)
  }

  @Test("every frame is one write, with the input and change lines before it")
  func oneWritePerFrame() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink, skipsRepeatedFrames: false)
    _ = Self.play([.tick, Fixture.key("+"), .tick], on: &session)
    // Header, frame 0 (with the "recording" input), then three frames.
    #expect(sink.writes.count == 5)
    let third = String(decoding: sink.writes[3], as: UTF8.self)
    #expect(third.hasPrefix("> key +\n@ step 1 adam: lr=0.1414\n"))
    #expect(third.contains("--- frame 2 step 1 no-tick\n"))
    for chunk in sink.writes.dropFirst() {
      let lines = String(decoding: chunk, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let separator = try #require(lines.firstIndex { $0.hasPrefix("--- frame") })
      // Exactly the screen's rows follow the separator, then the final newline.
      #expect(lines.count - separator - 2 == Self.size.height)
    }
  }

  @Test("the header reproduces the scene, and the log is plain text")
  func headerReproducesScene() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink)
    _ = Self.play([.tick, .tick], on: &session)
    session.stopRecording()
    let log = try RecordingLog(parsing: sink.text, name: "test.log")
    #expect(
      SceneFileTests.summary(try log.header.options.scene())
        == SceneFileTests.summary(try Self.scene()))
    #expect(log.header.size == Self.size)
    #expect(log.header.options.noise == "0.3")
    #expect(log.header.options.seed == "7")
    #expect(sink.text.hasPrefix("optiscope-log 2\n"))
    #expect(!sink.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!sink.text.contains("\u{1B}"))
  }

  @Test("replay --verify passes on a fresh recording full of live changes")
  func verifyPasses() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink)
    let drawn = Self.play(Self.liveSession, on: &session)
    session.stopRecording()
    let log = try RecordingLog(parsing: sink.text, name: "test.log")
    #expect(log.events.contains { if case .change = $0 { return true } else { return false } })
    // Identical frames are left out, so there may be fewer than were drawn.
    #expect(log.frames.count <= drawn.count)
    #expect(try LogVerifier.verify(log) == .identical(frames: log.frames.count))
  }

  @Test("a recording started mid-session (R) replays the inputs before it, then verifies")
  func verifyMidSession() throws {
    var session = Session(scene: try Self.scene(), size: Self.size)
    _ = Self.play(Array(Self.liveSession.prefix(12)), on: &session)
    let startEffects = session.send(Fixture.key("R"))
    #expect(startEffects == [.startRecording])
    let sink = MemorySink()
    session.startRecording(
      Recorder(file: "later.log", format: .text, sink: sink), time: 5, timestamp: 0)
    #expect(session.model.recordingFile == "later.log")
    #expect(view(session.model).lines[0].contains("● REC later.log"))
    _ = Self.play(Array(Self.liveSession.dropFirst(12)), on: &session, from: 5)
    let stopEffects = session.send(Fixture.key("R"))
    #expect(stopEffects == [.stopRecording])
    let stopping = session.stopRecording()
    let stopped = try #require(stopping)
    #expect(session.model.recordingFile == nil)
    #expect(session.model.message?.text == "recorded \(stopped.frameCount) frames to later.log")
    let log = try RecordingLog(parsing: sink.text, name: "later.log")
    #expect(log.frames.first?.step ?? 0 > 0)
    #expect(try LogVerifier.verify(log) == .identical(frames: log.frames.count))
  }

  @Test("replay --verify finds a tampered frame row and a tampered change line")
  func verifyFailsOnTampering() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink)
    _ = Self.play(Self.liveSession, on: &session)
    session.stopRecording()
    var lines = sink.text.components(separatedBy: "\n")
    // A character in the middle of frame 3's map.
    let separator = try #require(lines.firstIndex { $0.hasPrefix("--- frame 3 ") })
    var row = Array(lines[separator + 10])
    row[30] = row[30] == "X" ? "Y" : "X"
    lines[separator + 10] = String(row)
    let tampered = try RecordingLog(parsing: lines.joined(separator: "\n"), name: "t.log")
    guard case .mismatch(let mismatch) = try LogVerifier.verify(tampered) else {
      Issue.record("a tampered row passed")
      return
    }
    #expect(mismatch.summary.hasPrefix("frame 3 "))
    #expect(mismatch.summary.contains("row 10 differs from column 31"))

    var changed = sink.text.components(separatedBy: "\n")
    let change = try #require(changed.firstIndex { $0.hasPrefix("@ step ") })
    changed[change] = changed[change].replacingOccurrences(of: "lr=", with: "lr=9")
    let edited = try RecordingLog(parsing: changed.joined(separator: "\n"), name: "c.log")
    guard case .mismatch(let other) = try LogVerifier.verify(edited) else {
      Issue.record("a tampered change line passed")
      return
    }
    #expect(other.summary.hasPrefix("the live changes before frame"))
  }

  @Test("a log cut mid-frame reads up to its last complete frame, and still verifies")
  func truncatedLog() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink, skipsRepeatedFrames: false)
    _ = Self.play(Array(repeating: .tick, count: 6), on: &session)
    let full = sink.bytes
    let frame5 = try #require(sink.text.range(of: "--- frame 5 step 5\n"))
    let cut = sink.text.utf8.distance(from: sink.text.startIndex, to: frame5.upperBound)
    for length in [cut - 3, cut + 40, cut + 301, full.count - 1] {
      let text = String(decoding: full.prefix(length), as: UTF8.self)
      let log = try RecordingLog(parsing: text, name: "cut.log")
      #expect(log.isTruncated)
      // Frames 0…6 were written; a cut inside frame 5 keeps 0…4, one inside frame 6 keeps 0…5.
      #expect(log.frames.count == (length == full.count - 1 ? 6 : 5))
      #expect(try LogVerifier.verify(log) == .identical(frames: log.frames.count))
    }
  }

  @Test("a control character typed shows escaped on screen and in the log, which verifies")
  func controlCharactersOnScreen() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink)
    let typed: [Msg] = [Fixture.key("e")] + Fixture.typing("x\u{7}é\u{85}e\u{301}")
    let drawn = Self.play(typed, on: &session)
    let screen = drawn.last?.lines.joined() ?? ""
    #expect(screen.contains("x\\x07é\\u{85}e"))
    #expect(!screen.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    session.stopRecording()
    #expect(!sink.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!sink.text.unicodeScalars.contains { $0.value == 0x85 })
    // A cell shows one scalar: a decomposed "é" keeps its base letter, not the mark.
    #expect(sink.text.contains("x\\x07é\\u{85}e"))
    #expect(!sink.text.unicodeScalars.contains("\u{301}"))
    let log = try RecordingLog(parsing: sink.text, name: "c.log")
    #expect(try LogVerifier.verify(log) == .identical(frames: log.frames.count))
  }

  @Test("a frame's cells are logged as UTF-8 of every length, controls as ?, one row per line")
  func frameBytes() throws {
    let glyphs: [Unicode.Scalar] = [
      "a", "é", "⣿", "𝑥", "\u{7}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "~", "\u{A0}", "│",
    ]
    var canvas = Canvas(width: 4, height: 3)
    for (index, glyph) in glyphs.enumerated() {
      canvas[index % 4, index / 4] = Cell(glyph: glyph, foreground: .ansi(2))
    }
    let sink = MemorySink()
    var recorder = Recorder(file: "cells.log", format: .text, sink: sink)
    try recorder.frame(canvas, step: 0, time: 0)
    try recorder.finish()
    #expect(sink.writes.count == 1)
    let rows = sink.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    #expect(Array(rows) == ["aé⣿𝑥", "????", "?~\u{A0}│", ""])
  }

  @Test("a failed write stops the recording, says so on screen, and the program goes on")
  func diskFullMidRun() throws {
    let sink = MemorySink(failsAfter: 4)
    var session = try Self.recording(sink, skipsRepeatedFrames: false)
    let canvases = Self.play(Array(repeating: .tick, count: 5), on: &session)
    #expect(session.recorder == nil)
    #expect(session.model.recordingFile == nil)
    #expect(sink.isClosed)
    let message = try #require(session.model.message)
    #expect(message.isError)
    #expect(message.text.contains("recording stopped: cannot write test.log"))
    #expect(message.text.contains("No space left on device"))
    #expect(canvases[3].lines.joined().contains("No space left on device"))
    // The race goes on.
    _ = session.send(.tick)
    #expect(session.model.race.stepCount == 6)
    // What was written is a readable log of the frames before the failure.
    let log = try RecordingLog(parsing: sink.text, name: "full.log")
    #expect(log.frames.count == 3)
    #expect(try LogVerifier.verify(log) == .identical(frames: 3))
    // The session says how many whole frames the file kept, after the recorder is gone.
    #expect(session.recordingFailure?.framesKept == 3)
    #expect(session.recordingFailure?.reason == "No space left on device")
  }

  @Test("a header that cannot be written leaves the program unrecorded with a message")
  func headerFails() throws {
    var session = Session(scene: try Self.scene(), size: Self.size)
    let started = session.startRecording(
      Recorder(file: "x.log", format: .text, sink: MemorySink(failsAfter: 0)), time: 0,
      timestamp: 0)
    #expect(!started)
    #expect(session.recorder == nil)
    #expect(session.model.message?.isError == true)
  }

  @Test("inputs round-trip through their log lines")
  func inputLines() {
    let messages: [Msg] = [
      Fixture.key("+"), Fixture.key(" "), Fixture.key("é"), Fixture.key("R"), Fixture.key("\u{7}"),
      .key(.character("e\u{301}")), .key(.up), .key(.backTab), .key(.interrupt), .key(.enter),
      .click(column: 3, row: 14), .resize(width: 80, height: 24),
      .recordingStarted(file: "a b.log"), .recordingStopped(Message("done")),
      .recordingStopped(Message("disk full", isError: true)), .notice(Message("saved x")),
      .notice(Message("no", isError: true)),
    ]
    for message in messages {
      let text = message.logText ?? ""
      #expect(Msg(logText: text) == message, "\(text)")
      #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
    }
    #expect(Msg.tick.logText == nil)
    #expect(Msg(logText: "key") == nil)
    #expect(Msg(logText: "click 1") == nil)
    #expect(Msg(logText: "jump 1 2") == nil)
  }

  @Test("asciicast v2: a JSON header, then one [time, \"o\", data] event per frame")
  func asciicast() throws {
    let sink = MemorySink()
    var session = try Self.recording(sink, format: .cast, skipsRepeatedFrames: false)
    _ = Self.play([.tick, Fixture.key("+"), .tick, .resize(width: 80, height: 24)], on: &session)
    session.stopRecording()
    var lines = sink.text.split(separator: "\n").map(String.init)
    #expect(lines.count == 8)
    // The last event shows the cursor again, at the last frame's time.
    #expect(lines.removeLast().hasSuffix(", \"o\", \"\\u001b[?25h\"]"))
    // The resize is announced before the frame drawn at the new size.
    #expect(lines[5].hasSuffix(", \"r\", \"80x24\"]"))
    lines.remove(at: 5)
    let header = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 100)
    #expect(header["height"] as? Int == 30)
    #expect(header["timestamp"] as? Int == 1_700_000_000)
    var times: [Double] = []
    for (index, line) in lines.dropFirst().enumerated() {
      let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
      #expect(event.count == 3)
      let time = try #require(event[0] as? Double)
      times.append(time)
      #expect(event[1] as? String == "o")
      let data = try #require(event[2] as? String)
      let clears = index == 0 || index == 4
      #expect(data.hasPrefix(clears ? "\u{1B}[?25l\u{1B}[2J\u{1B}[H" : "\u{1B}[H"), "\(index)")
      #expect(data.contains("\u{1B}[0;"))
      // Rows end in CR LF, and the last row has no line end (no scrolling).
      let rows = data.components(separatedBy: "\r\n")
      #expect(rows.count == (index == 4 ? 24 : 30))
      #expect(!data.hasSuffix("\n"))
    }
    #expect(times == times.sorted())
    #expect(times.first == 0)
  }
}
