import OptimKit
import Testing

/// Races on mini-batches: every racer's k-th step gets step k's batch of the race's
/// `BatchPlan`, a run replays from its seed, and a full plan is gradient descent.
@Suite struct BatchRaceTests {
  let examples: [(x1: Double, x2: Double, target: Double)] = (0..<7).map { i in
    let x = Double(i)
    return (x1: x / 3 - 1, x2: 1 - x * x / 20, target: 0.5 * x - 1)
  }

  func race(
    _ objective: any Objective, _ texts: [String], batch: Int?, seed: UInt64 = 5
  ) throws -> Race {
    var race = Race(
      objective: objective, start: Point(x: 0.25, y: -0.5),
      specs: try texts.map(OptimizerSpec.init))
    race.batches = batch.map { BatchPlan(size: .examples($0), exampleCount: 7, seed: seed) }
    return race
  }

  /// Three racers, batches of three over seven examples (the third batch of each epoch one
  /// example): step k asks the gradient of `examples(forStep: k)` once per racer, in order.
  @Test func everyRacerGetsTheSameBatchEachStep() throws {
    let log = LoggedModel.Log()
    for trainsAll in [true, false] {
      log.batches.withLock { $0 = [] }
      let model = LoggedModel(
        model: HandModel(examples: examples, parameters: [0, 0, 0.1], trainsAll: trainsAll),
        log: log)
      var race = try race(model, ["sgd:lr=0.05", "adam:lr=0.01", "rprop"], batch: 3)
      race.step(times: 8)
      let plan = try #require(race.batches)
      let expected = (1...8).flatMap { step in
        Array(repeating: plan.examples(forStep: step) ?? [], count: 3)
      }
      #expect(log.batches.withLock { $0 } == expected, "trainsAll \(trainsAll)")
      #expect(expected.map(\.count).prefix(9) == [3, 3, 3, 3, 3, 3, 1, 1, 1])
    }
  }

  /// Each racer's path is its optimizer stepped by hand on the plan's batches, the loss it
  /// shows is over all the data, and the same seed replays it bit for bit; another seed,
  /// or the full batch, takes another path.
  @Test func batchesReplayFromTheSeed() throws {
    let model = HandModel(examples: examples, parameters: [0, 0, 0.1], trainsAll: true)
    var first = try race(model, ["sgd:lr=0.05", "nadam:lr=0.02"], batch: 2)
    var again = try race(model, ["sgd:lr=0.05", "nadam:lr=0.02"], batch: 2)
    var other = try race(model, ["sgd:lr=0.05", "nadam:lr=0.02"], batch: 2, seed: 6)
    var full = try race(model, ["sgd:lr=0.05", "nadam:lr=0.02"], batch: nil)
    first.step(times: 30)
    again.step(times: 30)
    other.step(times: 30)
    full.step(times: 30)
    let plan = try #require(first.batches)
    for (index, spec) in first.racers.map(\.spec).enumerated() {
      var optimizer = Optimizer(spec)
      var parameters = [0.25, -0.5, 0.1]
      for step in 1...30 {
        let gradient = model.valueAndGradient(
          parameters: parameters, examples: plan.examples(forStep: step)
        ).gradient
        let value = model.valueAndGradient(parameters: parameters, examples: nil).value
        optimizer.step(parameters: &parameters, gradient: gradient, mapped: (0, 1), value: value)
      }
      let racer = first.racers[index]
      #expect(racer.parameters == parameters, "\(racer.label)")
      #expect(racer.value == model.valueAndGradient(parameters: parameters, examples: nil).value)
      #expect(racer.trail == again.racers[index].trail)
      #expect(racer.parameters != other.racers[index].parameters)
      #expect(racer.parameters != full.racers[index].parameters)
    }
  }

  /// A plan of the full batch, and a batch as large as the data, are plain gradient descent:
  /// bit for bit the race without a plan.
  @Test func aFullPlanIsTheFullBatch() throws {
    let model = HandModel(examples: examples, parameters: [0, 0, 0.1], trainsAll: true)
    var none = try race(model, ["adam:lr=0.05", "momentum:lr=0.01"], batch: nil)
    var whole = try race(model, ["adam:lr=0.05", "momentum:lr=0.01"], batch: 7)
    none.step(times: 40)
    whole.step(times: 40)
    #expect(whole.batches?.size == .full)
    #expect(none.racers.map(\.trail) == whole.racers.map(\.trail))
    #expect(none.racers.map(\.parameters) == whole.racers.map(\.parameters))
  }

  /// The race keeps an epoch's order between steps; changing the plan live (another size or
  /// seed) must not reuse the old plan's order: steps go on with the new plan's batches.
  @Test func changingThePlanLiveUsesTheNewBatches() throws {
    let log = LoggedModel.Log()
    let model = LoggedModel(
      model: HandModel(examples: examples, parameters: [0, 0, 0.1], trainsAll: true), log: log)
    var race = try race(model, ["sgd:lr=0.05"], batch: 2, seed: 1)
    race.step(times: 2)
    let newPlan = BatchPlan(size: .examples(2), exampleCount: 7, seed: 2)
    race.batches = newPlan
    race.step(times: 2)
    let oldPlan = BatchPlan(size: .examples(2), exampleCount: 7, seed: 1)
    let expected = [
      oldPlan.examples(forStep: 1), oldPlan.examples(forStep: 2), newPlan.examples(forStep: 3),
      newPlan.examples(forStep: 4),
    ].map { $0 ?? [] }
    #expect(log.batches.withLock { $0 } == expected)
  }
}
