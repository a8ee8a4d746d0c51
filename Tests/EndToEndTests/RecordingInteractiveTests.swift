import Foundation
import Testing

/// Recording the interactive program in a real terminal (tmux), and replaying it, as a user would.
@Suite(
  "Recording the interactive program in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct RecordingInteractiveTests {
  private let race =
    "--function himmelblau --optimizer adam:lr=0.1 --optimizer sgd:lr=0.01 --fps 30"

  /// Starts `COMMAND; echo EXIT=$?` in `directory` in a fresh 120×40 pane.
  private func launch(_ command: String, in directory: URL) throws -> TmuxSession {
    let session = try TmuxSession()
    try session.run("cd '\(directory.path)' && \(command); echo EXIT=$?")
    return session
  }

  private var binary: String {
    get throws { "'\(try OptiscopeProcess.executable().path)'" }
  }

  @Test("--record: a session with +, b and Tab replays identically; the trace follows it")
  func recordKeysThenVerify() throws {
    let scratch = try RecordingCommandTests.Scratch()
    defer { scratch.remove() }
    let session = try launch(
      "\(try binary) \(race) --record session.log --trace session.csv", in: scratch.url)
    defer { session.close() }
    try session.waitFor("● REC session.log")
    try session.type("+")
    try session.waitFor("adam lr=0.141")
    try session.type("b")
    try session.waitFor("adam: beta1=0.8")
    try session.send("Tab")
    try session.waitFor("keys: adam")
    try session.type("+")
    try session.waitFor("adam lr=0.2 ")
    try session.type("q")
    let screen = try session.waitForExit()
    #expect(screen.contains("EXIT=0"))
    #expect(screen.contains("optiscope: recorded "))
    #expect(screen.contains("frames to session.log"))
    let log = try scratch.text("session.log")
    #expect(log.contains("\n> key +\n@ step "))
    #expect(log.contains("\n> key b\n@ step "))
    #expect(log.contains("\n> key tab\n"))
    #expect(log.contains(" adam: lr=0.2\n"))
    let verified = try OptiscopeProcess.run(["replay", "--verify", scratch.path("session.log")])
    #expect(verified.status == 0, "\(verified.stdout)")
    #expect(verified.stdout.hasPrefix("ok: "))
    #expect(verified.stdout.hasSuffix(" frames identical\n"))
    let csv = try scratch.text("session.csv")
    #expect(csv.hasPrefix("optimizer,step,x,y,f,status\nadam,0,0.0,0.0,170.0,running\n"))
  }

  @Test("R starts and stops a recording into a dated file; S saves a scene that loads")
  func recordKeyAndSaveKey() throws {
    let scratch = try RecordingCommandTests.Scratch()
    defer { scratch.remove() }
    let session = try launch("\(try binary) \(race)", in: scratch.url)
    defer { session.close() }
    try session.waitFor("adam lr=0.1 ")
    try session.type("+")
    try session.waitFor("adam lr=0.141")
    try session.type("R")
    try session.waitFor("● REC optiscope-")
    try session.type("-")
    try session.waitFor("adam lr=0.1 ")
    try session.type("R")
    try session.waitFor("recorded ")
    try session.type("S")
    try session.waitFor("scene saved to optiscope-scene-")
    try session.type("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
    let logs = files.filter { $0.hasPrefix("optiscope-") && $0.hasSuffix(".log") }
    let scenes = files.filter { $0.hasPrefix("optiscope-scene-") && $0.hasSuffix(".txt") }
    #expect(logs.count == 1)
    #expect(scenes.count == 1)
    // Both went through temporary files, renamed into place: none is left.
    #expect(files.count == 2, "\(files)")
    if let log = logs.first {
      let verified = try OptiscopeProcess.run(["replay", "--verify", scratch.path(log)])
      #expect(verified.status == 0, "\(verified.stdout)")
      // The recording started after a change: it replays the inputs before it first.
      #expect(try scratch.text(log).contains("\n> key +\n"))
    }
    if let scene = scenes.first {
      let text = try scratch.text(scene)
      #expect(text.contains("optimizer = adam:lr=0.1"))
      let rendered = try OptiscopeProcess.run([
        "render", "--scene", scratch.path(scene), "--steps", "5",
      ])
      #expect(rendered.status == 0, "\(rendered.stderr)")
      #expect(rendered.stdout.contains("Himmelblau"))
    }
  }

  @Test("--record --force replaces an existing file once frame 0 is whole, not before")
  func recordForceReplacesOnceStarted() throws {
    let scratch = try RecordingCommandTests.Scratch()
    defer { scratch.remove() }
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: scratch.path("k.log")))
    let session = try launch("\(try binary) \(race) --record k.log --force", in: scratch.url)
    defer { session.close() }
    try session.waitFor("● REC k.log")
    // While the program runs, the file in place is already the recording.
    #expect(try scratch.text("k.log").hasPrefix("optiscope-log 2\n"))
    try session.type("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["k.log"])
    let verified = try OptiscopeProcess.run(["replay", "--verify", scratch.path("k.log")])
    #expect(verified.status == 0, "\(verified.stdout)")
  }

  @Test("a write error mid-run stops the recording, says so, and the program keeps running")
  func writeErrorMidRun() throws {
    let scratch = try RecordingCommandTests.Scratch()
    defer { scratch.remove() }
    // A file size limit makes write(2) fail with EFBIG after 64 KiB (the shell
    // ignores SIGXFSZ, so the program sees the error instead of being killed).
    let session = try launch(
      "(trap '' XFSZ; ulimit -f 64; exec \(try binary) \(race) --record big.log)", in: scratch.url)
    defer { session.close() }
    try session.waitFor("recording stopped: cannot write big.log: File too large")
    let before = try session.screen()
    try session.waitUntil("the race to go on") { $0 != before && !$0.contains("● REC") }
    try session.type("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
    let verified = try OptiscopeProcess.run(["replay", "--verify", scratch.path("big.log")])
    #expect(verified.status == 0)
    #expect(verified.stdout.contains("(the log is cut short"))
  }

  @Test("replay plays a log: the player's line, stepping, and q")
  func replayPlays() throws {
    let scratch = try RecordingCommandTests.Scratch()
    defer { scratch.remove() }
    let recorded = try OptiscopeProcess.run([
      "record", "--function", "booth", "--optimizer", "adam:lr=0.5", "--frames", "30",
      "--size", "100x30", "--out", scratch.path("r.log"),
    ])
    #expect(recorded.status == 0)
    let session = try launch("\(try binary) replay r.log", in: scratch.url)
    defer { session.close() }
    try session.waitFor("frame 29 (30/30) · step 29 · end")
    try session.send("Home")
    try session.waitFor("frame 0 (1/30) · step 0 · paused")
    try session.send("Right")
    try session.send("Right")
    let screen = try session.waitFor("frame 2 (3/30) · step 2 · paused")
    #expect(screen.contains("Booth"))
    try session.type(",")
    try session.waitFor("frame 1 (2/30)")
    try session.type("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
  }
}
