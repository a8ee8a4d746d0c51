import OptimKit
import Testing

/// Races training all three parameters of `HandModel` replay torch.optim's (3,) tensor
/// (scripts/torch-reference.py's three-parameter cases): every per-element optimizer and its
/// options, live changes, Adafactor as a vector and as scalars, clip= over all three,
/// schedules, and BatchPlan's mini-batches.
///
/// As in `TorchReferenceReplayTests`, both sides compute the same gradients operation for
/// operation, so points must be identical up to torch's first inexact `Tensor.sqrt` and
/// within 1e-9 relative after it.
@Suite struct ThreeParameterReplayTests {
  static let file = try? ThreeParameterCase.load()
  static let cases: [ThreeParameterCase] = file?.cases ?? []

  /// The fixture's data is the model's, and it covers what it should.
  @Test func fixtureCoversEveryPerElementOptimizer() throws {
    let file = try ThreeParameterCase.load()
    #expect(file.examples == HandModel.fixtureExamples.map { [$0.x1, $0.x2, $0.target] })
    let perElement = OptimizerKind.allCases.filter {
      OptimizerSpec(kind: $0).stepsEveryParameter && $0 != .newton
    }
    #expect(Set(file.cases.map(\.optimizer)) == Set(perElement.map(\.name)))
    #expect(file.cases.contains { $0.params["clip"] != nil && $0.batch != nil })
    #expect(file.cases.contains { $0.params["schedule"]?.text == "plateau" })
    #expect(file.cases.contains { $0.params["shape"]?.text == "scalars" })
    #expect(file.cases.contains { $0.batch == 1 } && file.cases.contains { $0.changes != nil })
  }

  @Test(arguments: cases)
  func trainingEveryParameterMatchesTorch(_ golden: ThreeParameterCase) throws {
    let spec = try OptimizerSpec(parsing: golden.specText)
    let model = HandModel(parameters: golden.start, mapped: (0, 1), trainsAll: true)
    var race = Race(
      objective: model, start: Point(x: golden.start[0], y: golden.start[1]), specs: [spec])
    try race.checkTrainsAll()
    if let size = golden.batch {
      race.batches = BatchPlan(
        size: .examples(size), exampleCount: model.exampleCount, seed: golden.seed ?? 0)
    }
    var inexact = 0
    var mismatches = 0
    for step in 0...golden.steps {
      if step > 0 { race.step() }
      for change in golden.changes ?? [] where change.step == step {
        for (key, number) in change.params {
          let named = try race.racers[0].spec.hyperparameters.key(named: key)
          try race.edit(.hyperparameter(named, number.value), racer: 0)
        }
      }
      let racer = race.racers[0]
      let actual = racer.parameters + [racer.value]
      let reference = golden.trajectory[step]
      if step <= golden.exactSteps ?? golden.steps, actual != reference {
        inexact += 1
        if inexact <= 2 {
          Issue.record("\(golden.id) step \(step): got \(actual), torch \(reference)")
        }
      }
      if !zip(actual, reference).allSatisfy({ GoldenCase.agrees($0, $1) }) {
        mismatches += 1
        if mismatches <= 2 {
          Issue.record("\(golden.id) step \(step): got \(actual), torch \(reference) (beyond 1e-9)")
        }
      }
    }
    #expect(inexact == 0 && mismatches == 0, "\(golden.id)")
    #expect(race.racers[0].stepCount == golden.steps)
  }

  /// clip= over N parameters is torch's `clip_grad_norm_`, whose norm rounds differently
  /// for each length (four lanes, then one by one): SGD with lr 1 from 0 moves by exactly
  /// minus the clipped gradient, which must be torch's to the bit for 2 to 12 parameters.
  @Test func clippingMatchesTorchForEveryLength() throws {
    let file = try ThreeParameterCase.load()
    let spec = try OptimizerSpec(parsing: "sgd:lr=1,clip=1")
    var checked = Set<Int>()
    for norm in file.norms where norm.gradient.count >= 2 {
      var optimizer = Optimizer(spec)
      var parameters = Array(repeating: 0.0, count: norm.gradient.count)
      optimizer.step(parameters: &parameters, gradient: norm.gradient, mapped: (0, 1))
      #expect(parameters == norm.clipped.map { -$0 }, "\(norm.gradient.count): \(norm.gradient)")
      checked.insert(norm.gradient.count)
    }
    #expect(checked == Set(2...12))
  }
}
