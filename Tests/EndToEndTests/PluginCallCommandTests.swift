import Foundation
import Testing

/// Plug-ins where the commands once called them wrong (real Python): a numpy history function
/// racing past its first n_iter in `record`, and plug-ins in `--sweep` and `--select`.
@Suite(
  .serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginCallCommandTests {
  @Test func aHistoryFunctionRacesARecordPastItsFirstChunkAndTheRecordVerifies() throws {
    let python = try PluginPython.required()
    let folder = try PluginRaceOptionsTests.folder("history-record")
    defer { try? FileManager.default.removeItem(at: folder) }
    // 8 ticks of 150 steps: 1200 steps, past the 1000 points the history is first asked for.
    let record = try OptiscopeProcess.run(
      [
        "record", "--python", python, "--function", "rosenbrock", "--start=-1.5,2",
        "--optimizer", "sgd:lr=0.001", "--optimizer",
        PluginPython.fixtures + "/homework.py:gd:lr=0.001", "--frames", "9",
        "--steps-per-frame", "150", "--out", "run.log", "--trace", "run.csv",
      ], directory: folder)
    #expect(record.status == 0, "\(record.stderr)")
    let csv = try String(contentsOf: folder.appendingPathComponent("run.csv"), encoding: .utf8)
    let sgd = PluginRaceOptionsTests.rows(csv, of: "sgd")
    #expect(sgd.count == 1201)
    // numpy's x - lr*g and the built-in's step round alike but for the last bits.
    let gd = PluginRaceOptionsTests.rows(csv, of: "gd")
    #expect(gd.count == 1201)
    for (mine, theirs) in zip(gd, sgd) {
      let a = mine.split(separator: ",").compactMap { Double($0) }
      let b = theirs.split(separator: ",").compactMap { Double($0) }
      #expect(a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
    }
    let verify = try OptiscopeProcess.run(
      ["replay", "--python", python, "--verify", "run.log"], directory: folder)
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
  }

  @Test func aPluginSweepRacesOneMemberPerValueAsTheBuiltInSweepDoes() throws {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run([
      "trace", "--python", python, "--function", "rosenbrock", "--steps", "20",
      "--sweep", "adam:lr=1e-2..1,count=3", "--sweep", "torch.optim:Adam:lr=1e-2..1,count=3",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    for (plugin, builtIn) in [
      ("Adam", "adam lr=0.01"), ("Adam#2", "adam lr=0.1"), ("Adam#3", "adam lr=1"),
    ] {
      let rows = PluginRaceOptionsTests.rows(result.stdout, of: builtIn)
      #expect(rows.count == 21, "\(builtIn)")
      #expect(PluginRaceOptionsTests.rows(result.stdout, of: plugin) == rows, "\(plugin)")
    }
  }

  @Test func selectNamesAPluginAsTheLegendLabelsIt() throws {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run([
      "render", "--python", python, "--function", "rosenbrock", "--steps", "3", "--size",
      "80x24", "--optimizer", "adam", "--sweep", "torch.optim:Adam:lr=1e-2..1,count=3",
      "--select", "Adam#2",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let top = result.stdout.split(separator: "\n").first.map(String.init)
    #expect(
      top == " Rosenbrock │ x∈[-2, 2] y∈[-1, 3] │ step 3         keys act on: Adam#2 · ? help ")
  }
}
