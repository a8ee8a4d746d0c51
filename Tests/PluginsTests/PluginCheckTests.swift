import FoundationEssentials
import OptimKit
import Plugins
import Testing

/// `check`'s comparisons with real Python: right and wrong student optimizers, the three shapes.
@Suite(.serialized, .enabled(if: PythonEnvironment.isAvailable, "no Python with numpy and torch"))
struct PluginCheckTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  static func check(
    _ plugin: String, against reference: String, function: String = "rosenbrock",
    start: Point = Point(x: -1.5, y: 2), steps: Int = 50, tolerance: Double = 1e-8
  ) throws -> PluginCheckResult {
    let python = try PythonEnvironment.required()
    let choice = try #require(TestFunction.named(function)).expression
    let spec = try PluginSpec(parsing: plugin)
    var located = spec
    if spec.source.hasSuffix(".py") { located.source = fixtures + "/" + spec.source }
    let check = PluginCheck(
      name: function, objective: choice, start: start,
      reference: try OptimizerSpec(parsing: reference), plugin: located, steps: steps,
      tolerance: tolerance)
    return check.run(runtime: PluginRuntime(python: python, helper: PythonEnvironment.helper))
  }

  @Test func aCorrectAdamEqualsTheBuiltInOne() throws {
    let result = try Self.check("my_adam.py:My_Adam:lr=0.1", against: "adam:lr=0.1")
    #expect(result.agrees, "\(result.text)")
  }

  @Test func torchsOwnAdamThroughThePluginEqualsTheBuiltInWithin1e12() throws {
    let result = try Self.check(
      "torch.optim:Adam:lr=0.05,betas=(0.8,0.99)", against: "adam:lr=0.05,beta1=0.8,beta2=0.99",
      steps: 200, tolerance: 1e-12)
    #expect(result.agrees, "\(result.text)")
  }

  @Test func biasCorrectionStoredInTheMomentsIsCaughtAtStepTwo() throws {
    let result = try Self.check("my_adam.py:Compounding_Adam:lr=0.1", against: "adam:lr=0.1")
    guard case .differs(let difference) = result.verdict else {
      Issue.record("expected a difference, got \(result.text)")
      return
    }
    // Step 1 moves the same way (m̂ = g either way); the stored moments already differ.
    #expect(difference.step == 2)
    #expect(difference.state?.name == "exp_avg")
    #expect(difference.state?.step == 1)
    #expect(result.text.contains("first difference at step 2: (x, y) = "))
  }

  @Test func unusedBiasCorrectionIsCaughtAtStepOne() throws {
    let result = try Self.check(
      "my_adam.py:Unused_Correction_Adam:lr=0.1", against: "adam:lr=0.1")
    guard case .differs(let difference) = result.verdict else {
      Issue.record("expected a difference, got \(result.text)")
      return
    }
    #expect(difference.step == 1)
    // The moments themselves are torch's: only the point differs.
    #expect(difference.state == nil)
  }

  @Test func aWrongDefaultEpsIsNamedAsTheSetting() throws {
    let result = try Self.check(
      "my_adam.py:Small_Eps_Adam:lr=0.1", against: "adam:lr=0.1", steps: 100)
    guard case .differs(let difference) = result.verdict else {
      Issue.record("expected a difference, got \(result.text)")
      return
    }
    // The point drifts by about ε/√v̂ a step and leaves the tolerance late; the cause is the
    // setting, which is named beside the step.
    #expect(difference.setting?.name == "eps")
    #expect(difference.setting?.yours == 1e-6)
    #expect(difference.setting?.reference == 1e-8)
    #expect(
      result.text.split(separator: "\n")[1] == "  setting eps is 1e-06 yours, 1e-08 reference")
    #expect(result.json.contains(#""setting":{"name":"eps","reference":1e-08,"yours":1e-06}"#))
  }

  @Test func aStateMistakeNamesNoSetting() throws {
    // The compounding one differs by its state, not its settings: no setting is named.
    let result = try Self.check("my_adam.py:Compounding_Adam:lr=0.1", against: "adam:lr=0.1")
    guard case .differs(let difference) = result.verdict else {
      Issue.record("expected a difference, got \(result.text)")
      return
    }
    #expect(difference.setting == nil)
  }

  @Test func aNumpyHistoryFunctionRuns() throws {
    let result = try Self.check(
      "homework.py:gd:lr=0.001", against: "sgd:lr=0.001", steps: 30)
    #expect(result.agrees, "\(result.text)")
  }

  @Test func aHistoryFunctionThatStopsEarlyIsReported() throws {
    let result = try Self.check(
      "homework.py:gd:lr=0.001,n_iter=10", against: "sgd:lr=0.001", steps: 30)
    guard case .ended(let step) = result.verdict else {
      Issue.record("expected an early end, got \(result.text)")
      return
    }
    #expect(step == 10)
  }

  @Test func aCs231nUpdateRuleRuns() throws {
    let result = try Self.check(
      "homework.py:sgd_momentum:learning_rate=0.001,momentum=0.9", against: "momentum:lr=0.001",
      steps: 40)
    #expect(result.agrees, "\(result.text)")
  }

  @Test func anExceptionNamesItsTypeMessageAndLine() throws {
    let result = try Self.check("my_adam.py:Raising_Adam:lr=0.1", against: "adam:lr=0.1")
    guard case .failed(let error) = result.verdict else {
      Issue.record("expected a failure, got \(result.text)")
      return
    }
    #expect(error.kind == .exception)
    #expect(error.description == "ZeroDivisionError: float division by zero (my_adam.py:67)")
  }

  @Test func aHangingStepTimesOutAndEndsTheHelper() throws {
    let python = try PythonEnvironment.required()
    let spec = PluginSpec(source: Self.fixtures + "/my_adam.py", object: "Hanging_Adam")
    let optimizer = try PluginOptimizer(
      spec: spec, start: Point(x: 1, y: 1), steps: 10, python: python,
      helper: PythonEnvironment.helper, stepTimeout: 0.5)
    let objective = try #require(TestFunction.named("rosenbrock")).expression
    let start = Sample(step: 0, position: Point(x: -1, y: 1), objective: objective)
    _ = try optimizer.step(from: start, on: objective)
    let began = ContinuousClock.now
    #expect(throws: PluginError.self) { _ = try optimizer.step(from: start, on: objective) }
    #expect(ContinuousClock.now - began < .seconds(3))
  }

  @Test func printsAreCapturedNotWrittenOut() throws {
    let result = try Self.check(
      "my_adam.py:Chatty_Adam:lr=0.1", against: "adam:lr=0.1", steps: 2)
    #expect(result.agrees)
    #expect(
      result.printed
        == "step 1 \u{1B}[31mred\u{1B}[0m\nto stderr 1\nstep 2 \u{1B}[31mred\u{1B}[0m\nto stderr 2\n"
    )
  }

  @Test(arguments: [
    ("my_adam.py:Nothing", "my_adam.py has no object 'Nothing'"),
    ("missing_file.py:X", "no such file: "),
    ("no_such_module_xyz:X", "no Python module 'no_such_module_xyz'"),
    ("my_adam.py:My_Adam:lr=", "bad keywords 'lr='"),
    ("my_adam.py:My_Adam:lr=0.1,colour=3", "unexpected keyword argument 'colour'"),
  ])
  func badSpecsAreRefusedInOneLine(spec: String, expected: String) throws {
    let result = try Self.check(spec, against: "adam")
    guard case .failed(let error) = result.verdict else {
      Issue.record("expected a refusal, got \(result.text)")
      return
    }
    #expect(error.description.contains(expected), "\(error.description)")
    #expect(!error.description.contains("\n"))
  }
}
