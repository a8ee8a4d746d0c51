import Foundation
import Testing

/// Plug-in optimizers in recordings (real Python): `record` takes them and is deterministic,
/// the header names them, `replay --verify` reruns them (and catches a changed one), and
/// verifying without a working Python is one line.
@Suite(
  .serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginRecordingTests {
  /// A folder with the live tests' plug-ins (`My_Adam`, and `Bad_Adam`, which raises at
  /// its third step).
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-plugin-log-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try PluginLiveTests.source.write(
      to: folder.appendingPathComponent("my_adam.py"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func headlessRecordOfPluginsIsDeterministicAndVerifies() throws {
    let python = try PluginPython.required()
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let record = { (out: String) in
      try OptiscopeProcess.run(
        [
          "record", "--python", python, "--function", "rosenbrock",
          "--optimizer", "adam:lr=0.1", "--optimizer", "my_adam.py:My_Adam:lr=0.1",
          "--optimizer", "my_adam.py:Bad_Adam:lr=0.1", "--frames", "12", "--size", "80x24",
          "--out", out,
        ], directory: folder)
    }
    let first = try record("run.log")
    #expect(first.status == 0, "\(first.stderr)")
    let second = try record("again.log")
    #expect(second.status == 0, "\(second.stderr)")
    let text = try String(contentsOf: folder.appendingPathComponent("run.log"), encoding: .utf8)
    #expect(
      try String(contentsOf: folder.appendingPathComponent("again.log"), encoding: .utf8) == text)
    #expect(
      text.contains("\nplugin = my_adam.py:My_Adam:lr=0.1\nplugin = my_adam.py:Bad_Adam:lr=0.1\n"))
    // Headless, every plug-in keeps up with the race until Bad_Adam raises on step 3.
    #expect(text.contains("\n@ plug-in steps 11 2\n--- frame 11 step 11 no-tick\n"))
    #expect(text.contains("\n@ plug-in failed 2 at 2\n"))

    let verify = { (file: String, extra: [String]) in
      try OptiscopeProcess.run(["replay", "--verify", file] + extra, directory: folder)
    }
    let checked = try verify("run.log", ["--python", python])
    #expect(checked.status == 0, "\(checked.stderr)")
    #expect(checked.stdout == "ok: 12 frames identical\n")

    // Another learning rate in the header: the rerun draws another path.
    let changed = text.replacingOccurrences(
      of: "plugin = my_adam.py:My_Adam:lr=0.1", with: "plugin = my_adam.py:My_Adam:lr=0.2")
    try changed.write(
      to: folder.appendingPathComponent("changed.log"), atomically: true, encoding: .utf8)
    let mismatch = try verify("changed.log", ["--python", python])
    #expect(mismatch.status == 1)
    #expect(mismatch.stdout.hasPrefix("mismatch: frame 0 (step 0), row"))

    // No Python: playing needs none, verifying says in one line what it cannot do.
    let missing = try verify("run.log", ["--python", "/nonexistent/python"])
    #expect(missing.status == 1)
    #expect(missing.stdout.isEmpty)
    let lines = missing.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      missing.stderr.hasPrefix(
        "optiscope: run.log: --verify reruns its plug-ins my_adam.py:My_Adam:lr=0.1, "
          + "my_adam.py:Bad_Adam:lr=0.1, which cannot start: "))
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func liveRecordingAndTheRKeyTakePluginsAndVerify() throws {
    let python = try PluginPython.required()
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = try TmuxSession(width: 80, height: 24)
    defer { session.close() }
    let binary = try OptiscopeProcess.executable().path
    try session.run(
      "cd '\(folder.path)' && '\(binary)' --python '\(python)' --function rosenbrock"
        + " --optimizer adam:lr=0.1 --optimizer my_adam.py:My_Adam:lr=0.1 --fps 30"
        + " --record live.log; echo EXIT=$?")
    _ = try session.waitUntil("My_Adam to take 15 steps", timeout: 180) { screen in
      (PluginLiveTests.legend("My_Adam", in: screen)?.step ?? 0) >= 15
    }
    // A key edits the plug-in's lr while recording; R stops, R again starts a second file.
    try session.send("+")
    try session.send("R")
    _ = try session.waitUntil("the recording to stop", timeout: 20) { $0.contains("recorded ") }
    try session.send("R")
    _ = try session.waitUntil("the second recording", timeout: 20) {
      $0.contains("recording to optiscope-")
    }
    let now = PluginLiveTests.legend("My_Adam", in: try session.screen())?.step ?? 0
    _ = try session.waitUntil("My_Adam to move on", timeout: 60) { screen in
      (PluginLiveTests.legend("My_Adam", in: screen)?.step ?? 0) >= now + 10
    }
    try session.send("q")
    #expect(try session.waitForExit(timeout: 20).contains("EXIT=0"))

    let logs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".log") }.sorted()
    #expect(logs.count == 2)
    for log in logs {
      let text = try String(contentsOf: folder.appendingPathComponent(log), encoding: .utf8)
      #expect(text.contains("\nplugin = my_adam.py:My_Adam:lr=0.1\n"), "\(log)")
      let checked = try OptiscopeProcess.run(
        ["replay", "--verify", log, "--python", python], directory: folder)
      #expect(checked.status == 0, "\(log): \(checked.stdout) \(checked.stderr)")
      #expect(checked.stdout.hasPrefix("ok: "), "\(log): \(checked.stdout)")
    }
    let live = try String(contentsOf: folder.appendingPathComponent("live.log"), encoding: .utf8)
    #expect(live.contains("\n@ plug-in edit 1 lr="))
  }
}
