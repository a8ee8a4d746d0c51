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

  @Test func commandsWithoutPlugInsSayWhereTheyRun() throws {
    let result = try OptiscopeProcess.run([
      "render", "--function", "rosenbrock", "--optimizer", "my_adam.py:My_Adam", "--size", "80x24",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "optiscope: 'my_adam.py:My_Adam' is a plug-in optimizer: plug-ins race live (optiscope --optimizer SPEC) and run in 'optiscope check' and 'optiscope trace'; the picture commands do not take them yet\n"
    )
  }
}
