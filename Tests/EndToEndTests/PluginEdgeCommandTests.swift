import Foundation
import Testing

/// Plug-in commands at their edges: check's refusals, --plugin-output files, the recording's
/// side file and the notebook package's errors.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginEdgeCommandTests {
  static let chatty = PluginPython.fixtures + "/my_adam.py:Chatty_Adam:lr=0.1"
  /// What Chatty_Adam prints in two steps, as --plugin-output keeps it.
  static let twoChattySteps =
    "== Chatty_Adam ==\nstep 1 \u{1B}[31mred\u{1B}[0m\nto stderr 1\nstep 2 \u{1B}[31mred\u{1B}[0m\nto stderr 2\n"

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-edges-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(arguments: [
    ["--against", "adma", "--function", "rosenbrock"],
    ["--against", "adam", "--function", "nosuch"],
    ["--against", "adam", "--function", "rosenbrock", "--tolerance", "-1"],
    ["--against", "adam", "--function", "rosenbrock", "--steps", "0"],
    [
      "--against", "adam", "--function", "rosenbrock", "--plugin-output",
      "/nonexistent/dir/out.txt",
    ],
    ["--function", "rosenbrock"],
  ])
  func checkRefusalsHaveTheirOwnStatusNotDiffers(arguments: [String]) throws {
    let optimizer = ["--optimizer", PluginPython.fixtures + "/my_adam.py:My_Adam"]
    let text = try CheckCommandTests.check(optimizer + arguments)
    #expect(text.status == 64, "\(text.stderr)")
    #expect(text.stdout.isEmpty)
    #expect(text.stderr.hasPrefix("optiscope: ") && text.stderr.split(separator: "\n").count == 1)
    let json = try CheckCommandTests.check(optimizer + arguments + ["--format", "jsonl"])
    #expect(json.status == 64)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["result"] as? String == "usage")
    let message = String(text.stderr.dropFirst("optiscope: ".count)).split(separator: "\n").first
    #expect((object["error"] as? String).map { text.stderr.hasPrefix("optiscope: " + $0) } == true)
    #expect(message != nil)
  }

  @Test func aPluginThatCannotStartLeavesPluginOutputAsItWas() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let kept = folder.appendingPathComponent("keep.txt")
    try "precious\n".write(to: kept, atomically: false, encoding: .utf8)
    let result = try CheckCommandTests.check([
      "--optimizer", "nofile.py:X", "--against", "adam", "--function", "rosenbrock",
      "--plugin-output", kept.path,
    ])
    #expect(result.status == 2)
    #expect(try String(contentsOf: kept, encoding: .utf8) == "precious\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.txt"])
  }

  @Test func renderWritesWhatPluginsPrintToPluginOutput() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let printed = folder.appendingPathComponent("printed.txt")
    let result = try OptiscopeProcess.run([
      "render", "--python", try PluginPython.required(), "--optimizer", "adam:lr=0.1",
      "--optimizer", Self.chatty, "--function", "rosenbrock", "--steps", "2", "--size", "60x20",
      "--plugin-output", printed.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOf: printed, encoding: .utf8) == Self.twoChattySteps)
  }

  @Test func recordKeepsWhatPluginsPrintInTheSideFile() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("race.log")
    let result = try OptiscopeProcess.run([
      "record", "--python", try PluginPython.required(), "--optimizer", "adam:lr=0.1",
      "--optimizer", Self.chatty, "--function", "rosenbrock", "--frames", "3", "--size", "60x20",
      "--out", log.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      try String(contentsOf: folder.appendingPathComponent("race.log.printed"), encoding: .utf8)
        == Self.twoChattySteps)
    // A recording whose racers print nothing has no side file.
    let quiet = folder.appendingPathComponent("quiet.log")
    let second = try OptiscopeProcess.run([
      "record", "--python", try PluginPython.required(), "--optimizer", "adam:lr=0.1",
      "--optimizer", "torch.optim:Adam:lr=0.1", "--function", "rosenbrock", "--frames", "3",
      "--size", "60x20", "--out", quiet.path,
    ])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(!FileManager.default.fileExists(atPath: quiet.path + ".printed"))
  }

  @Test func theNotebookPackageRaisesTheBinarysLine() throws {
    let (status, output) = try NotebookPackageTests.python(
      NotebookPackageTests.classes + """
        for kw in [dict(against="adma"), dict(against="sgd", tolerance=-1)]:
            try:
                optiscope.check(My_SGD, lr=0.1, function="rosenbrock", **kw)
                print("no error")
            except optiscope.OptiscopeError as error:
                print(error.status, error)
        class Broken(My_SGD):
            def step(self, closure=None):
                raise ValueError("boom")
        try:
            optiscope.check(Broken, against="sgd", lr=0.1, function="rosenbrock")
        except optiscope.OptiscopeError as error:
            print(error.status, error, len(error.report.results))
        """)
    #expect(status == 0, "\(output)")
    #expect(
      output
        == """
        64 --against: unknown optimizer 'adma' (did you mean 'adam'?); known: sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam, adamw, nadam, radam, adamax, rprop, asgd, adafactor, muon, lbfgs, lion, newton
        64 --tolerance must be a number ≥ 0, got '-1.0'
        2 rosenbrock from (-1.5, 2): could not run: ValueError: boom (<string>:24) 1

        """)
  }
}

/// The live program while plug-ins start: `q` quits at once, even while an import hangs.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginStartupKeyTests {
  @Test func qQuitsAtOnceWhileAPluginsConstructorHangs() throws {
    let python = try PluginPython.required()
    let folder = try PluginEdgeCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A file name no other process has in its command line, for pgrep.
    let module = "hangs_\(UUID().uuidString.prefix(8).lowercased())"
    try "import time\ntime.sleep(1000)\ndef f(x0, func_grad, n_iter=10):\n    return [x0]\n"
      .write(to: folder.appendingPathComponent(module + ".py"), atomically: true, encoding: .utf8)
    let session = try TmuxSession(width: 80, height: 24)
    defer { session.close() }
    let binary = try OptiscopeProcess.executable().path
    try session.run(
      "cd '\(folder.path)' && '\(binary)' --python '\(python)' --function rosenbrock"
        + " --optimizer adam --optimizer \(module).py:f; echo EXIT=$?; echo MODES $(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)')"
    )
    try session.waitFor("starting a plug-in optimizer")
    // The helper is importing (and hangs there): the start-up's own limit is 30 s.
    let helperDeadline = Date().addingTimeInterval(20)
    while PluginLiveTests.pythonProcesses(named: module).isEmpty && Date() < helperDeadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    let pressed = Date()
    try session.send("q")
    let exited = try session.waitForExit(timeout: 5)
    #expect(Date().timeIntervalSince(pressed) < 3)
    #expect(exited.contains("EXIT=0"), "\(exited)")
    // The terminal is as it was: line at a time, echoing.
    #expect(exited.contains("MODES icanon echo"), "\(exited)")
    let deadline = Date().addingTimeInterval(10)
    while !PluginLiveTests.pythonProcesses(named: module).isEmpty && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    #expect(PluginLiveTests.pythonProcesses(named: module).isEmpty)
  }
}
