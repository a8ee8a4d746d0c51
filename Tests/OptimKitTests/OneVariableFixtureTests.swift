import Foundation
import OptimKit
import Testing

/// Replays scripts/torch-reference.py's one-variable fixtures (`one-variable` mode: x one
/// float64 tensor of shape (1,)) against optiscope's racers in the one-variable mode.
///
/// The racer runs the 2-D machinery with y held at 0 and its spec held as
/// `ParameterShape.single`; every point must be torch's (x, f) with y exactly 0,
/// bit for bit up to torch's first inexact `Tensor.sqrt` as in
/// `TorchReferenceReplayTests`. Adafactor's relative step and clipping (RMS over
/// the tensor), clip= (the norm), LBFGS's dot products and Muon's refusal are the
/// parts where a size-1 tensor is not simply the x of a 2-vector.
@Suite struct OneVariableFixtureTests {
  /// One case of Fixtures/torch-one-variable.json.
  struct Case: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let function: String
    let start: Double
    let steps: Int
    let optimizer: String
    let params: [String: GoldenNumber]
    let changes: [GoldenCase.Change]?
    /// [x, f] after k steps; nil where torch's value is not finite.
    let trajectory: [[Double?]]
    let exactSteps: Int?
    let evaluations: [Int]?
    let refused: String?

    enum CodingKeys: String, CodingKey {
      case id, function, start, steps, optimizer, params, changes, trajectory, evaluations
      case refused
      case exactSteps = "exact_steps"
    }

    var testDescription: String { id }

    var specText: String {
      let settings = params.keys.sorted().map { "\($0)=\(params[$0]?.text ?? "")" }
      return settings.isEmpty ? optimizer : optimizer + ":" + settings.joined(separator: ",")
    }
  }

  static func load() throws -> [Case] {
    let url = try #require(
      Bundle.module.url(
        forResource: "torch-one-variable", withExtension: "json", subdirectory: "Fixtures"))
    struct File: Decodable { let cases: [Case] }
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
  }

  static let cases: [Case] = (try? load()) ?? []

  /// f and f′ exactly as the generator writes them (y is ignored; ∂f/∂y = 0).
  static let objectives: [String: HandObjective] = [
    "quadratic-squared": HandObjective(
      name: "quadratic-squared",
      function: { x, _ in
        let q = x * x - 6 * x + 4
        return q * q
      },
      derivative: { x, _ in
        let q = x * x - 6 * x + 4
        return (2 * q * (2 * x - 6), 0)
      }),
    "quartic": HandObjective(
      name: "quartic",
      function: { x, _ in
        let x2 = x * x
        return x2 * x2 - 3 * (x2 * x) + 2
      },
      derivative: { x, _ in
        let x2 = x * x
        return (4 * (x2 * x) - 9 * x2, 0)
      }),
    "double-well": HandObjective(
      name: "double-well",
      function: { x, _ in
        let a = x * x - 1
        return a * a + 0.3 * x
      },
      derivative: { x, _ in (4 * x * (x * x - 1) + 0.3, 0) }),
  ]

  @Test func fixtureCoversEveryTorchOptimizerAndTheLab() throws {
    let cases = try Self.load()
    let torchKinds = OptimizerKind.allCases.filter { $0 != .newton }
    #expect(Set(cases.map(\.optimizer)) == Set(torchKinds.map(\.name)))
    #expect(cases.contains { $0.optimizer == "muon" && $0.refused != nil })
    #expect(cases.contains { $0.params["clip"] != nil && $0.optimizer == "adafactor" })
    #expect(cases.filter { $0.id.hasSuffix("lab") }.count == 2)
  }

  @Test(arguments: cases)
  func oneVariableRacerMatchesTorch(_ golden: Case) throws {
    let objective = try #require(Self.objectives[golden.function])
    var spec = try OptimizerSpec(parsing: golden.specText)
    if let refusal = golden.refused {
      #expect(throws: OptimizerError.self) { try spec.holdAsOneVariable() }
      do {
        try spec.holdAsOneVariable()
      } catch {
        #expect("\(error)".contains(refusal), "\(golden.id): \(error)")
      }
      return
    }
    try spec.holdAsOneVariable()
    var race = Race(objective: objective, start: Point(x: golden.start, y: 0), specs: [spec])
    var mismatches = 0
    var inexact = 0
    var evaluations = [0]
    for step in 0...golden.steps {
      if step > 0 {
        let before = race.racers[0].evaluationCount
        race.step()
        evaluations.append(race.racers[0].evaluationCount - before)
      }
      for change in golden.changes ?? [] where change.step == step {
        for (key, number) in change.params {
          let named = try race.racers[0].spec.hyperparameters.key(named: key)
          try race.edit(.hyperparameter(named, number.value), racer: 0)
        }
      }
      let racer = race.racers[0]
      #expect(racer.current.position.y == 0, "\(golden.id) step \(step): y moved")
      let reference = golden.trajectory[step]
      let actual = [racer.current.position.x, racer.current.value]
      if step <= golden.exactSteps ?? golden.steps,
        !zip(actual, reference).allSatisfy({ GoldenCase.identical($0, $1) })
      {
        inexact += 1
        if inexact <= 2 { Issue.record("\(golden.id) step \(step): \(actual) vs \(reference)") }
      }
      if !zip(actual, reference).allSatisfy({ GoldenCase.agrees($0, $1) }) {
        mismatches += 1
        if mismatches <= 2 { Issue.record("\(golden.id) step \(step): \(actual) vs \(reference)") }
      }
    }
    #expect(mismatches == 0, "\(golden.id): \(mismatches) of \(golden.steps + 1) points differ")
    #expect(inexact == 0, "\(golden.id): \(inexact) points before torch's first inexact sqrt")
    let expected = golden.evaluations ?? [0] + Array(repeating: 1, count: golden.steps)
    #expect(evaluations == expected, "\(golden.id): evaluations per step")
    let diverged = golden.trajectory.last?.contains(nil) == true
    #expect(race.racers[0].isActive == !diverged)
  }

  /// Adafactor on one variable is not Adafactor on x of a 2-vector: its RMS is over one
  /// element, not two, so the first step differs (here by a factor of about √2).
  @Test func adafactorOnOneVariableDiffersFromTheVectorsX() throws {
    let objective = try #require(Self.objectives["quartic"])
    var single = OptimizerSpec(kind: .adafactor)
    try single.holdAsOneVariable()
    var race = Race(
      objective: objective, start: Point(x: -1, y: 0),
      specs: [single, OptimizerSpec(kind: .adafactor)])
    race.step()
    #expect(race.racers[0].position.x != race.racers[1].position.x)
  }

  /// Newton on one variable: x − f′/(f″ + λ), where the 2×2 rule's zero yy would make every
  /// Hessian singular and send it down the saddle-free branch.
  @Test func newtonOnOneVariableIsTheScalarRule() throws {
    let quadratic = try Expression(parsing: "x^2 - 6*x + 4")
    var spec = OptimizerSpec(kind: .newton)
    try spec.holdAsOneVariable()
    var race = Race(objective: quadratic, start: Point(x: -3, y: 0), specs: [spec])
    race.step()
    // f′(−3) = −12, f″ = 2: x − f′/(f″ + λ) with torch-style damping λ.
    let damping = try #require(spec.hyperparameters[.damping])
    #expect(race.racers[0].position == Point(x: -3 + -1 * (-12 / (2 + damping)), y: 0))
    #expect(race.racers[0].optimizer.lastNewtonMethod == .newton)
    let step = NewtonStep(slope: 4, curvature: -2, damping: 0)
    #expect(step.direction.x == 2 && step.method == .saddleFree)
  }

  /// Noise added to a one-variable racer's gradient moves x only.
  @Test func noiseLeavesYAlone() throws {
    let quartic = try Expression(parsing: "x^4 - 3*x^3 + 2")
    var spec = OptimizerSpec(kind: .adam)
    try spec.holdAsOneVariable()
    var race = Race(objective: quartic, start: Point(x: -1, y: 0), specs: [spec])
    race.noise.seed = 7
    race.noise.setStandardDeviation(0.5)
    race.step(times: 20)
    #expect(race.racers[0].position.y == 0)
  }

  /// `shape=` has nothing to choose in one variable, and the SPEC's own name stays plain.
  @Test func shapeIsRefusedAndNotShown() throws {
    var spec = try OptimizerSpec(parsing: "adafactor:shape=matrix")
    #expect(throws: OptimizerError.self) { try spec.holdAsOneVariable() }
    var plain = try OptimizerSpec(parsing: "adam:lr=0.1")
    try plain.holdAsOneVariable()
    #expect(plain.description == "adam:lr=0.1")
    #expect(ParameterShape(name: "single") == nil)
  }
}
