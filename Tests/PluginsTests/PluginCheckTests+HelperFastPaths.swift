import FoundationEssentials
import Testing

@testable import OptimKit
@testable import Plugins

/// The helper's fast paths with real Python: the step line read by splitting it is what
/// `json.loads` reads, and a torch optimizer's step hooks still run when the helper steps
/// without torch's profiler annotation.
///
/// In `PluginCheckTests`' serialized suite: a helper is started by blocking the calling
/// thread until the spawn (a task on the cooperative pool) is done, so two suites starting
/// helpers at once on a two-core machine could take every pool thread and wait forever.
extension PluginCheckTests {
  /// Reads lines and answers, for each, whether `parse_line` and `json.loads` agree bit for bit.
  static let comparer = """
    import json, struct, sys
    sys.path.insert(0, sys.argv[1])
    import helper

    def normal(message):
        out = {k: float(v) if k in ("f", "gx", "gy", "x", "y") else v for k, v in message.items()}
        out.setdefault("state", False)
        return out

    def same(a, b):
        if a.keys() != b.keys():
            return False
        return all(struct.pack("<d", a[k]) == struct.pack("<d", b[k]) if isinstance(b[k], float)
                   else a[k] == b[k] for k in b)

    for line in sys.stdin.buffer:
        fast, slow = normal(helper.parse_line(line)), normal(json.loads(line))
        sys.stdout.write(json.dumps({"op": "parsed", "same": same(fast, slow)}) + "\\n")
        sys.stdout.flush()

    """

  @Test func theStepLineReadDirectlyIsTheJSONReading() throws {
    let python = try PythonEnvironment.required()
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-parse-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("compare.py").path
    try Data(Self.comparer.utf8).write(to: URL(fileURLWithPath: script))
    let helperFolder = URL(fileURLWithPath: PythonEnvironment.helper).deletingLastPathComponent()
    let channel = try PluginChannel(python: python, helper: script, arguments: [helperFolder.path])
    defer { channel.terminate() }
    let values: [(Double, Double, Double, Double, Double)] = [
      (0.1, -1.5, 2.0, 1e-300, 5e-324), (-0.0, 3, 0.30000000000000004, 1.7976931348623157e308, -7),
      (.nan, .infinity, -.infinity, 0, 1e15), (1e-7, -2.5e-310, 123456789012345678, 1, -1),
    ]
    for value in values {
      let sample = Sample(
        step: 1, position: Point(x: value.0, y: value.1), value: value.2,
        gradient: Point(x: value.3, y: value.4))
      for noise in [Point.zero, Point(x: 0.25, y: -1e-3)] {
        for withState in [false, true] {
          try channel.send(
            line: PluginOptimizer.stepLine(from: sample, noise: noise, withState: withState))
          let answer = try #require(try channel.receive(timeout: 60))
          #expect(answer["same"] == .bool(true), "\(value) noise \(noise) state \(withState)")
        }
      }
    }
  }

  @Test(arguments: [
    ("Hooked_SGD", "post hook\n"), ("Globally_Hooked_SGD", "global pre hook\n"),
  ])
  func stepHooksStillRun(object: String, printed: String) throws {
    let python = try PythonEnvironment.required()
    let spec = try PluginSpec(parsing: PluginCheckTests.fixtures + "/hooked.py:\(object):lr=0.01")
    let objective = try #require(TestFunction.named("rosenbrock")).expression
    let optimizer = try PluginOptimizer(
      spec: spec, start: Point(x: -1.5, y: 2), steps: 3, python: python,
      helper: PythonEnvironment.helper)
    defer { optimizer.terminate() }
    var sample = Sample(step: 0, position: Point(x: -1.5, y: 2), objective: objective)
    // The hook registered while the optimizer was built, or afterwards (the global one
    // runs from the step after it was registered: it is registered in __init__).
    for step in 1...3 {
      let answer = try #require(try optimizer.step(from: sample, on: objective))
      sample = Sample(step: step, position: answer.position, objective: objective)
    }
    #expect(optimizer.printed == String(repeating: printed, count: 3))
    // And the hooks did not change the path: it is torch's SGD.
    var racer = Racer(
      label: "sgd", spec: try OptimizerSpec(parsing: "sgd:lr=0.01"), objective: objective,
      start: Point(x: -1.5, y: 2))
    for _ in 1...3 { racer.step(on: objective) }
    #expect(racer.current.position == sample.position)
  }
}
