import Foundation
import Testing

/// Plug-ins with the options that once refused them (real Python): `--noise` (the plug-in is
/// given the noisy gradient, the same vector a built-in step of that number adds), `record
/// --trace` and `record --format gif` (their rows are written as they arrive); and the state
/// asked of a plug-in only when something shows or compares it.
@Suite(
  .serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginRaceOptionsTests {
  /// A CSV trajectory's rows (header dropped) of the racer `label`, as `step,x,y,f,status`.
  static func rows(_ csv: String, of label: String) -> [String] {
    csv.split(separator: "\n").dropFirst().compactMap { line -> String? in
      let fields = line.split(separator: ",", maxSplits: 1)
      return fields.count == 2 && fields[0] == label[...] ? String(fields[1]) : nil
    }
  }

  /// A new temporary folder, removed by the caller.
  static func folder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func traceWithNoiseGivesPlugInsTheNoisyGradientOfTheBuiltIns() throws {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run([
      "trace", "--python", python, "--function", "rosenbrock", "--steps", "40",
      "--noise", "0.5", "--seed", "3", "--optimizer", "sgd:lr=0.001",
      "--optimizer", "torch.optim:SGD:lr=0.001", "--optimizer", "lbfgs:max_iter=5",
      "--optimizer", "torch.optim:LBFGS:max_iter=5",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let sgd = Self.rows(result.stdout, of: "sgd")
    #expect(sgd.count == 41)
    #expect(Self.rows(result.stdout, of: "SGD") == sgd)
    // LBFGS's closure is given the step's noise at every point it evaluates, as the built-in's.
    let lbfgs = Self.rows(result.stdout, of: "lbfgs")
    #expect(lbfgs.count > 2)
    #expect(Self.rows(result.stdout, of: "LBFGS") == lbfgs)
    // The noise reached both: without it the path is another.
    let quiet = try OptiscopeProcess.run([
      "trace", "--python", python, "--function", "rosenbrock", "--steps", "40",
      "--optimizer", "torch.optim:SGD:lr=0.001",
    ])
    #expect(quiet.status == 0, "\(quiet.stderr)")
    #expect(Self.rows(quiet.stdout, of: "SGD").count == 41)
    #expect(Self.rows(quiet.stdout, of: "SGD") != sgd)
  }

  @Test func compareWithNoiseRanksThePlugInAsTheBuiltIn() throws {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run([
      "compare", "--python", python, "--function", "rosenbrock", "--steps", "30",
      "--noise", "0.3", "--seed", "4", "--optimizer", "adam:lr=0.05",
      "--optimizer", "torch.optim:Adam:lr=0.05", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // rank,optimizer,spec,reached_step,final_f,x,y,...: the same numbers from final_f on.
    let lines = result.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(lines.count == 3)
    guard lines.count == 3 else { return }
    #expect(lines[1][1] == "adam")
    #expect(lines[2][1] == "Adam")
    #expect(Array(lines[1][3...]) == Array(lines[2][3...]))
  }

  @Test func recordTraceAndGIFWriteThePlugInsRows() throws {
    let python = try PluginPython.required()
    let folder = try Self.folder("plugin-trace")
    defer { try? FileManager.default.removeItem(at: folder) }
    let common = [
      "--python", python, "--function", "rosenbrock", "--optimizer", "adam:lr=0.05",
      "--noise", "0.3", "--seed", "2", "--frames", "9", "--steps-per-frame", "2",
    ]
    let race = common + ["--optimizer", "torch.optim:Adam:lr=0.05"]
    let text = try OptiscopeProcess.run(
      ["record"] + race + ["--out", "run.log", "--trace", "run.csv"], directory: folder)
    #expect(text.status == 0, "\(text.stderr)")
    let gif = try OptiscopeProcess.run(
      ["record"] + race + ["--out", "run.gif", "--format", "gif", "--trace", "gif.csv"],
      directory: folder)
    #expect(gif.status == 0, "\(gif.stderr)")
    let builtIn = try OptiscopeProcess.run(
      ["record"] + common + ["--out", "alone.gif", "--format", "gif"], directory: folder)
    #expect(builtIn.status == 0, "\(builtIn.stderr)")
    for name in ["run.csv", "gif.csv"] {
      let csv = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let adam = Self.rows(csv, of: "adam")
      // 8 ticks of 2 steps after the start: steps 0 to 16, the plug-in's the built-in's.
      #expect(adam.count == 17, "\(name)")
      #expect(Self.rows(csv, of: "Adam") == adam, "\(name)")
    }
    let animation = try Data(contentsOf: folder.appendingPathComponent("run.gif"))
    #expect(animation.starts(with: Array("GIF89a".utf8)))
    // The plug-in is drawn: the animation is not the built-in's alone.
    #expect(try Data(contentsOf: folder.appendingPathComponent("alone.gif")) != animation)
  }

  /// torch's Adam that notes in `reads.txt` every time its state is read outside its own
  /// step: the helper's state requests, as the inspector and `check` make them.
  static let watched = """
    import torch

    class Watched(torch.optim.Adam):
        def __init__(self, params, **keywords):
            self._inside = False
            super().__init__(params, **keywords)

        def step(self, closure=None):
            self._inside = True
            try:
                return super().step(closure)
            finally:
                self._inside = False

        @property
        def state(self):
            if not self._inside:
                with open(READS, "a") as reads:
                    reads.write("read\\n")
            return self.__dict__["_state"]

        @state.setter
        def state(self, value):
            self.__dict__["_state"] = value

    """

  @Test func theStateIsAskedOnlyWhenSomethingShowsOrComparesIt() throws {
    let python = try PluginPython.required()
    let folder = try Self.folder("plugin-state")
    defer { try? FileManager.default.removeItem(at: folder) }
    let reads = folder.appendingPathComponent("reads.txt")
    try ("READS = '\(reads.path)'\n" + Self.watched).write(
      to: folder.appendingPathComponent("watched.py"), atomically: true, encoding: .utf8)
    func readCount() -> Int {
      ((try? String(contentsOf: reads, encoding: .utf8)) ?? "").split(separator: "\n").count
    }
    // A race whose inspector is closed: twenty steps, and the state is never asked.
    let record = try OptiscopeProcess.run(
      [
        "record", "--python", python, "--function", "rosenbrock", "--optimizer", "adam:lr=0.05",
        "--optimizer", "watched.py:Watched:lr=0.05", "--frames", "21", "--out", "run.log",
      ], directory: folder)
    #expect(record.status == 0, "\(record.stderr)")
    let log = try String(contentsOf: folder.appendingPathComponent("run.log"), encoding: .utf8)
    #expect(log.contains("\n@ plug-in steps 20\n"))
    #expect(readCount() == 0)
    // `check` compares the state with torch's (until one differs): it asks at every step.
    let check = try OptiscopeProcess.run(
      [
        "check", "--python", python, "--optimizer", "watched.py:Watched:lr=0.05",
        "--against", "adam:lr=0.05", "--function", "rosenbrock", "--steps", "5",
      ], directory: folder)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(readCount() == 5)
  }
}
