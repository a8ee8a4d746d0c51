import App
import OptimKit
import Plot
import Testing

/// Version-1 logs were recorded before the input line was editable: they must replay with
/// the line of their day, and new logs with today's.
@Suite("Log versions: version-1 logs replay their typed keys as they were typed")
struct LogVersionTests {
  /// A log of `e`, a typed expression with a correction, Enter and a few ticks, recorded
  /// with `editing`; `version` replaces the number on its first line.
  static func log(editing: Model.InputEditing, version: Int) throws -> RecordingLog {
    let sink = MemorySink()
    var session = Session(
      scene: try SceneOptions(function: "sphere", optimizers: ["adam:lr=0.1"]).scene(),
      size: ScreenSize(width: 60, height: 16), colorDepth: .none, inputEditing: editing)
    let started = session.startRecording(
      Recorder(file: "v.log", format: .text, sink: sink), time: 0, timestamp: 0)
    #expect(started)
    // Left and Home move the cursor on today's line and do nothing on version 1's.
    let keys: [Key] =
      [.character("e")] + "x^2+y".map(Key.character) + [.left, .home, .backspace]
      + "^2".map(Key.character) + [.enter]
    var time = 0.0
    for message in keys.map(Msg.key) + [.tick, .tick] {
      _ = session.send(message)
      time += 0.05
      _ = session.frame(time: time)
    }
    session.stopRecording()
    var lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "optiscope-log 2")
    lines[0] = "optiscope-log \(version)"
    return try RecordingLog(parsing: lines.joined(separator: "\n"), name: "v.log")
  }

  @Test("a version-1 log, typed on the line of its day, verifies; read as version 2 it does not")
  func versionOneReplaysAppendOnly() throws {
    let old = try Self.log(editing: .appendOnly, version: 1)
    #expect(old.formatVersion == 1)
    #expect(try LogVerifier.verify(old) == .identical(frames: old.frames.count))
    let misread = try Self.log(editing: .appendOnly, version: 2)
    guard case .mismatch = try LogVerifier.verify(misread) else {
      Issue.record("a version-1 log replayed with today's input line should differ")
      return
    }
  }

  @Test("today's logs are version 2 and verify with the editable line")
  func versionTwoReplaysReadline() throws {
    let log = try Self.log(editing: .readline, version: 2)
    #expect(try LogVerifier.verify(log) == .identical(frames: log.frames.count))
  }

  @Test("the two lines make different texts from the same keys")
  func theLinesDiffer() throws {
    func expression(_ editing: Model.InputEditing) throws -> String? {
      var model = Model(
        scene: try SceneOptions(function: "sphere", optimizers: ["adam"]).scene(),
        width: 60, height: 16, colorDepth: .none, inputEditing: editing)
      let keys: [Key] =
        [.character("e"), .control("u")] + "x^2+y".map(Key.character)
        + [.left, .home, .backspace] + "^2".map(Key.character)
      for key in keys { model = update(model, .key(key)).0 }
      return model.input?.text
    }
    // Ctrl-U clears the prefilled line; version 1's line ignores it (it opened empty).
    #expect(try expression(.readline) == "^2x^2+y")
    #expect(try expression(.appendOnly) == "x^2+^2")
  }
}
