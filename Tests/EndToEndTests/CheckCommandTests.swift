import Foundation
import Testing

/// `optiscope check` as a student or an autograder runs it: lines, JSON lines and exit statuses.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct CheckCommandTests {
  static func check(_ arguments: [String], python: String? = nil) throws -> OptiscopeProcess.Result
  {
    let interpreter = try python ?? PluginPython.required()
    return try OptiscopeProcess.run(["check", "--python", interpreter] + arguments)
  }

  static func fixture(_ spec: String) -> String { PluginPython.fixtures + "/" + spec }

  @Test func aRightAdamAgreesAndExitsZero() throws {
    let result = try Self.check([
      "--optimizer", Self.fixture("my_adam.py:My_Adam:lr=0.1"), "--against", "adam:lr=0.1",
      "--function", "rosenbrock", "--steps", "60",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("rosenbrock from (-1.5, 2): equal for 60 steps"))
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stderr.isEmpty)
  }

  @Test func aCompoundingBiasCorrectionIsNamedAtStepTwoAndExitsOne() throws {
    let result = try Self.check([
      "--optimizer", Self.fixture("my_adam.py:Compounding_Adam:lr=0.1"), "--against",
      "adam:lr=0.1", "--function", "himmelblau", "--start=-5,5",
    ])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(
      lines.first?.hasPrefix("himmelblau from (-5, 5): first difference at step 2: (x, y) = (")
        == true)
    #expect(
      lines.last?.hasPrefix("  state exp_avg differs from step 1: (-354.0, 298.0) yours, (") == true
    )
  }

  @Test func jsonLinesForAutograders() throws {
    let result = try Self.check([
      "--optimizer", Self.fixture("my_adam.py:Unused_Correction_Adam:lr=0.1"), "--against",
      "adam:lr=0.1", "--function", "rosenbrock", "--format", "jsonl",
    ])
    #expect(result.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["result"] as? String == "differs")
    #expect(object["step"] as? Int == 1)
    #expect(object["case"] as? String == "rosenbrock from (-1.5, 2)")
  }

  @Test func theCourseSuiteRunsEveryScenesCaseTwice() throws {
    let result = try Self.check([
      "--optimizer", "torch.optim:SGD:lr=0.001", "--against", "sgd:lr=0.001", "--steps", "20",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 17)
    #expect(lines.last == "16 of 16 cases agree")
    // The suite is the scenes' starts, in the files' order, each at two settings.
    let scenes = OptiscopeProcess.packageRoot.appendingPathComponent("scenes")
    let files = try FileManager.default.contentsOfDirectory(atPath: scenes.path).sorted()
    let starts = try files.compactMap { file -> String? in
      let text = try String(contentsOf: scenes.appendingPathComponent(file), encoding: .utf8)
      let lines = text.split(separator: "\n")
      let line = lines.first { $0.hasPrefix("start = ") }
      // Plug-ins race two parameters: the one-variable scenes (start = X) and the models
      // trained on data (w1, w2 and b) are not check's.
      guard line?.contains(",") == true,
        !lines.contains(where: { $0.hasPrefix("dataset = ") || $0.hasPrefix("data = ") })
      else { return nil }
      return line.map {
        "("
          + $0.dropFirst("start = ".count).split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
          }.joined(separator: ", ") + ")"
      }
    }
    let shown = lines.dropLast().compactMap { line -> String? in
      guard let from = line.range(of: " from ("),
        let close = line.range(of: "),", range: from.upperBound..<line.endIndex)
      else { return nil }
      return "(" + line[from.upperBound..<close.lowerBound] + ")"
    }
    #expect(shown == starts.flatMap { [$0, $0] })
  }

  @Test func anExceptionExitsTwoWithOneLine() throws {
    let result = try Self.check([
      "--optimizer", Self.fixture("my_adam.py:Raising_Adam"), "--against", "adam",
      "--function", "rosenbrock",
    ])
    #expect(result.status == 2)
    #expect(
      result.stdout
        == "rosenbrock from (-1.5, 2): could not run: ZeroDivisionError: float division by zero (my_adam.py:67)\n"
    )
  }

  @Test func noPythonIsOneLineAndExitsTwo() throws {
    let result = try Self.check(
      ["--optimizer", "torch.optim:Adam", "--against", "adam", "--function", "rosenbrock"],
      python: "/no/such/python")
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "optiscope: no Python at /no/such/python (install Python 3 with numpy and torch, or name another with --python PATH)\n"
    )
    #expect(result.stdout.isEmpty)
  }

  @Test func noNumpyAndNoTorchSayWhatToInstall() throws {
    let bare = try #require(PluginPython.bare)
    let result = try Self.check(
      ["--optimizer", "torch.optim:Adam", "--against", "adam", "--function", "rosenbrock"],
      python: bare)
    #expect(result.status == 2)
    #expect(
      result.stdout.contains(
        "could not run: numpy is not installed for \(bare) (install it: \(bare) -m pip install numpy)"
      ), "\(result.stdout)")
  }
}
