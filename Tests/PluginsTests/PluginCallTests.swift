import FoundationEssentials
import OptimKit
import Plugins
import Testing

/// How the helper calls plug-ins (real Python): history functions past their first `n_iter`,
/// the suite's learning rate in the plug-in's own keyword, schedule-free train mode, and
/// mistakes and undefined starts said in the user's terms.
@Suite(.serialized, .enabled(if: PythonEnvironment.isAvailable, "no Python with numpy and torch"))
struct PluginCallTests {
  static let fixtures = PluginCheckTests.fixtures

  /// A plug-in of the fixtures (`course.py:...`) or a module, started at `start`.
  static func start(
    _ text: String, at start: Point, steps: Int, stepTimeout: Double = 5
  ) throws -> PluginOptimizer {
    var spec = try PluginSpec(parsing: text)
    if spec.source.hasSuffix(".py") { spec.source = fixtures + "/" + spec.source }
    return try PluginOptimizer(
      spec: spec, start: start, steps: steps, python: try PythonEnvironment.required(),
      helper: PythonEnvironment.helper, stepTimeout: stepTimeout)
  }

  /// `count` steps of `optimizer` on Rosenbrock, each from the point it reached; nil where it
  /// had no more points.
  static func steps(_ optimizer: PluginOptimizer, from start: Point, count: Int) throws
    -> [Point?]
  {
    let objective = try #require(TestFunction.named("rosenbrock")).expression
    var sample = Sample(step: 0, position: start, objective: objective)
    var points: [Point?] = []
    for step in 1...count {
      let answer = try optimizer.step(from: sample, on: objective)
      points.append(answer?.position)
      guard let answer else { continue }
      sample = Sample(step: step, position: answer.position, objective: objective)
    }
    return points
  }

  /// A suite-like check: `plugin` against `reference`, both with `overrides`.
  static func check(
    _ plugin: String, against reference: String, overrides: [String: Double] = [:],
    objective: (any Objective)? = nil, start: Point = Point(x: -1.5, y: 2), steps: Int = 30
  ) throws -> PluginCheckResult {
    var spec = try PluginSpec(parsing: plugin)
    if spec.source.hasSuffix(".py") { spec.source = fixtures + "/" + spec.source }
    let function = try objective ?? #require(TestFunction.named("rosenbrock")).expression
    let check = PluginCheck(
      name: "case", objective: function, start: start,
      reference: try OptimizerSpec(parsing: reference), plugin: spec, overrides: overrides,
      steps: steps)
    return check.run(
      runtime: PluginRuntime(
        python: try PythonEnvironment.required(), helper: PythonEnvironment.helper))
  }

  @Test func aHistoryFunctionIsCalledAgainWithMoreStepsWhenTheRaceGoesPastItsPoints() throws {
    let start = Point(x: -1.5, y: 2)
    // Given n_iter=10 first (as the live race gives its first chunk), asked for 25 steps.
    let optimizer = try Self.start("course.py:gd_alpha:alpha=0.001", at: start, steps: 10)
    defer { optimizer.terminate() }
    let points = try Self.steps(optimizer, from: start, count: 25)
    let objective = try #require(TestFunction.named("rosenbrock")).expression
    var racer = Racer(
      label: "sgd", spec: try OptimizerSpec(parsing: "sgd:lr=0.001"), objective: objective,
      start: start)
    var reference: [Point?] = []
    for _ in 1...25 {
      racer.step(on: objective)
      reference.append(racer.current.position)
    }
    #expect(points == reference)
  }

  @Test func aSlowHistoryFunctionHasTheStepTimeoutPerPointAskedNotForAllOfThem() throws {
    let start = Point(x: -1.5, y: 2)
    // 300 points at 2 ms each: 0.6 s in the first step, over the 0.4 s timeout.
    let optimizer = try Self.start(
      "course.py:slow_gd:lr=0.001", at: start, steps: 300, stepTimeout: 0.4)
    defer { optimizer.terminate() }
    let points = try Self.steps(optimizer, from: start, count: 3)
    #expect(points.allSatisfy { $0 != nil })
  }

  @Test func theSuitesLearningRateGoesToTheKeywordTheSPECGaveForIt() throws {
    let result = try Self.check(
      "course.py:sgd_momentum:learning_rate=0.001,momentum=0.9",
      against: "sgd:lr=0.001,momentum=0.9", overrides: ["lr": 0.0001])
    #expect(result.agrees, "\(result.text)")
  }

  @Test func theSuitesLearningRateGoesToTheKeywordOfTheFunctionsSignature() throws {
    let result = try Self.check(
      "course.py:gd_alpha", against: "sgd:lr=0.001", overrides: ["lr": 0.0001])
    #expect(result.agrees, "\(result.text)")
  }

  @Test func aRuleWhoseLearningRateCannotBeToldIsSaidSoInOneLine() throws {
    let result = try Self.check(
      "course.py:sgd_momentum", against: "sgd:lr=0.001,momentum=0.9", overrides: ["lr": 0.0001])
    guard case .failed(let error) = result.verdict else {
      Issue.record("expected a refusal, got \(result.text)")
      return
    }
    #expect(
      error.message
        == "cannot tell which keyword is sgd_momentum's learning rate: give it in the SPEC (lr=…, learning_rate=…, alpha=…)"
    )
  }

  @Test func aScheduleFreeOptimizerStepsInTrainMode() throws {
    let start = Point(x: -1.5, y: 2)
    let optimizer = try Self.start(
      "schedulefree:AdamWScheduleFree:lr=0.1,warmup_steps=0", at: start, steps: 5)
    defer { optimizer.terminate() }
    let points = try Self.steps(optimizer, from: start, count: 5)
    #expect(points.allSatisfy { $0.map(\.isFinite) == true })
    #expect(points.last.flatMap { $0 } != start)
  }

  @Test func aModulesRefusalListsEveryNameItHas() throws {
    let result = try Self.check("torch.optim:Nope", against: "adam")
    guard case .failed(let error) = result.verdict else {
      Issue.record("expected a refusal, got \(result.text)")
      return
    }
    for name in ["RAdam", "RMSprop", "Rprop", "SGD", "SparseAdam"] {
      #expect(error.message.contains(name), "\(error.message)")
    }
  }

  @Test func aStateThatIsNotADictIsThePluginsMistakeAtItsClass() throws {
    let result = try Self.check("course.py:Int_State:lr=0.01", against: "sgd:lr=0.01")
    guard case .failed(let error) = result.verdict else {
      Issue.record("expected a failure, got \(result.text)")
      return
    }
    #expect(
      error.description
        == "TypeError: Int_State keeps 3 in self.state[p]: torch keeps a dict per parameter (self.state[p][\"step\"] = ...) (course.py:48)"
    )
  }

  @Test func aBadPointIsTheHistoryFunctionsMistakeAtItsDefinition() throws {
    let result = try Self.check("course.py:bad_point", against: "sgd:lr=0.001")
    guard case .failed(let error) = result.verdict else {
      Issue.record("expected a failure, got \(result.text)")
      return
    }
    #expect(
      error.description
        == "ValueError: bad_point returned ['a', 1.0] as point 1: a point must be two numbers (course.py:31)"
    )
  }

  @Test func aStartWhereFIsUndefinedIsSaidNotBlamedOnThePlugin() throws {
    let result = try Self.check(
      "torch.optim:Adam:lr=0.1", against: "adam:lr=0.1",
      objective: try Expression(parsing: "sqrt(x)+y^2"), start: Point(x: -1, y: 1))
    guard case .undefined(let step, _) = result.verdict else {
      Issue.record("expected an undefined start, got \(result.text)")
      return
    }
    #expect(step == 0)
    #expect(
      result.text
        == "case: f or its gradient is undefined at the start (x, y) = (-1.0, 1.0): nothing to compare (choose another --start)"
    )
  }
}
