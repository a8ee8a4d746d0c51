import Foundation
import Testing

/// Plug-in optimizers in `compare`: ranked beside the built-in ones, evaluations counted.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginCompareTests {
  /// The CSV rows of `compare`, split into fields (no field here holds a comma).
  static func rows(_ arguments: [String]) throws -> [[String]] {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run(
      ["compare", "--python", python, "--format", "csv"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    return result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  @Test func torchsOptimizersRankAsTheBuiltInsTheyMatchWithTheirEvaluations() throws {
    let rows = try Self.rows([
      "--function", "rosenbrock", "--steps", "300",
      "--optimizer", "torch.optim:LBFGS:line_search_fn='strong_wolfe'",
      "--optimizer", "lbfgs:line_search_fn=strong_wolfe",
      "--optimizer", "adam:lr=0.1", "--optimizer", "torch.optim:Adam:lr=0.1",
    ])
    #expect(rows.count == 4)
    let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0) })
    let plugin = try #require(byName["LBFGS"])
    let builtIn = try #require(byName["lbfgs"])
    #expect(plugin[2] == "\"torch.optim:LBFGS:line_search_fn='strong_wolfe'\"")
    // reached_step, final f, x, y, distance, steps, status, reached_evaluations, evaluations:
    // torch's LBFGS evaluates f as often as the built-in one, and the ranking counts it.
    #expect(Array(plugin[3...]) == Array(builtIn[3...]))
    #expect(Int(plugin[11]) ?? 0 > 300)
    let adam = try #require(byName["adam"])
    let torchAdam = try #require(byName["Adam"])
    #expect(torchAdam[9...] == adam[9...])
    #expect(torchAdam[3] == adam[3])
    // Both LBFGS arrive in a few steps, before either Adam.
    #expect(Set(rows.prefix(2).map { $0[1] }) == ["LBFGS", "lbfgs"])
  }

  @Test func aHistoryFunctionStopsAfterItsPointsAndAPlugInAloneNeedsNoBuiltIn() throws {
    let rows = try Self.rows([
      "--function", "sphere", "--steps", "40",
      "--optimizer", PluginPython.fixtures + "/homework.py:gd:n_iter=10",
    ])
    #expect(rows.count == 1)
    #expect(rows.first?[1] == "gd")
    #expect(rows.first?[8] == "10")
    #expect(rows.first?[11] == "10")
  }

  @Test func anExceptionFailsTheComparisonInOneLine() throws {
    let python = try PluginPython.required()
    let result = try OptiscopeProcess.run([
      "compare", "--python", python, "--function", "rosenbrock", "--steps", "5",
      "--optimizer", "adam", "--optimizer", PluginPython.fixtures + "/my_adam.py:Raising_Adam",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "optiscope: Raising_Adam: ZeroDivisionError: float division by zero (my_adam.py:67)\n")
  }
}
