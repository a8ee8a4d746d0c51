import Foundation
import Testing

/// Plug-in optimizers in `trace`: rows beside the built-in ones, failures in one line.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginTraceTests {
  @Test func twoHelpersOfTorchsAdamTraceTheBuiltInAdamsPoints() throws {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run([
      "trace", "--python", python, "--function", "rosenbrock", "--steps", "40",
      "--optimizer", "adam:lr=0.1", "--optimizer", "torch.optim:Adam:lr=0.1",
      "--optimizer", "torch.optim:Adam:lr=0.1",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", maxSplits: 1).map(String.init)
    }
    let builtIn = rows.filter { $0[0] == "adam" }.map { $0[1] }
    let plugin = rows.filter { $0[0] == "Adam" }.map { $0[1] }
    let second = rows.filter { $0[0] == "Adam#2" }.map { $0[1] }
    #expect(builtIn.count == 41)
    #expect(plugin == builtIn)
    #expect(second == builtIn)
  }

  @Test func anExceptionFailsTheTraceInOneLine() throws {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run([
      "trace", "--python", python, "--function", "rosenbrock", "--steps", "5",
      "--optimizer", PluginPython.fixtures + "/my_adam.py:Raising_Adam",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "optiscope: Raising_Adam: ZeroDivisionError: float division by zero (my_adam.py:67)\n")
  }

  @Test func renderDrawsAPluginAsTheBuiltInItMatches() throws {
    let python = try PluginPython.required()
    func render(_ second: String) throws -> [String] {
      let result = try OptiscopeProcess.run([
        "render", "--python", python, "--function", "rosenbrock", "--steps", "100",
        "--size", "80x24", "--color", "never", "--optimizer", "adam:lr=0.1", "--optimizer", second,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    let plugin = try render("torch.optim:Adam:lr=0.1")
    let builtIn = try render("adam:lr=0.1")
    // torch's Adam steps as the built-in adam does: the same picture, but for its name.
    let named = try #require(plugin.firstIndex { $0.contains("2■ Adam lr=0.1 β=0.9,0.999") })
    #expect(builtIn[named].contains("2■ adam#2 lr=0.1 β=0.9,0.999"))
    var rest = plugin
    rest.remove(at: named)
    var builtInRest = builtIn
    builtInRest.remove(at: named)
    #expect(rest == builtInRest)
    #expect(plugin[named + 1].contains("#100  running"))
  }

  @Test func commandsWithoutPlugInsSayWhereTheyRun() throws {
    let result = try OptiscopeProcess.run([
      "record", "--function", "rosenbrock", "--optimizer", "my_adam.py:My_Adam",
      "--out",
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "optiscope-refused-\(UUID().uuidString).log"
      ).path,
    ])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    // `record` takes plug-ins now (issue 15), beside a built-in racer as live and `render`.
    #expect(
      result.stderr
        == "optiscope: race a plug-in beside at least one built-in optimizer (e.g. --optimizer adam)\n"
    )
  }
}
