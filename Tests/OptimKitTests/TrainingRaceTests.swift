import OptimKit
import Testing

/// Races on a model trained on data (`TrainingObjective`): which parameters move, what
/// gradient each step uses, which racers are refused when every parameter trains.
@Suite struct TrainingRaceTests {
  func specs(_ texts: String...) throws -> [OptimizerSpec] {
    try texts.map { try OptimizerSpec(parsing: $0) }
  }

  /// Without `trainsAll` only the mapped two move, exactly as on the slice through the
  /// others: the same numbers as a race on the model's `Objective` conformance.
  @Test func onlyTheMappedTwoMoveWithoutTrainsAll() throws {
    let model = HandModel(parameters: [0, 0, 0.25], mapped: (0, 2), trainsAll: false)
    let start = Point(x: -1, y: 1)
    let texts = ["sgd:lr=0.01", "adam:lr=0.05", "lbfgs", "newton:lr=0.5", "muon:lr=0.02"]
    var race = Race(objective: model, start: start, specs: try texts.map(OptimizerSpec.init))
    try race.checkTrainsAll()
    var plain = Race(
      objective: AsPlainObjective(model: model), start: start,
      specs: try texts.map(OptimizerSpec.init))
    race.step(times: 30)
    plain.step(times: 30)
    for (racer, reference) in zip(race.racers, plain.racers) {
      #expect(racer.parameters[1] == 0, "\(racer.label): w2 stays")
      #expect(racer.parameters[0] == racer.position.x && racer.parameters[2] == racer.position.y)
      #expect(racer.position != start, "\(racer.label) moved")
      #expect(racer.trail == reference.trail, "\(racer.label)")
      #expect(racer.value == reference.value)
    }
  }

  /// With `trainsAll` every parameter moves; the racer's value is the loss over all the
  /// data at all its parameters, and the mapped two are its position.
  @Test func everyParameterMovesWithTrainsAll() throws {
    let model = HandModel(parameters: [0, 0, 0], mapped: (0, 1), trainsAll: true)
    var race = Race(
      objective: model, start: Point(x: 0.5, y: 0.5), specs: try specs("adam:lr=0.05"))
    try race.checkTrainsAll()
    race.step(times: 20)
    let racer = race.racers[0]
    #expect(racer.parameters.count == 3)
    #expect(racer.parameters[2] != 0, "the bias trains")
    #expect(racer.position == Point(x: racer.parameters[0], y: racer.parameters[1]))
    let loss = model.valueAndGradient(parameters: racer.parameters, examples: nil).value
    #expect(racer.value == loss)
    #expect(racer.trail.last?.value == loss)
  }

  /// Every parameter steps as torch steps one (3,) tensor: Adam's per-element rule on each
  /// with the full gradient, checked against the optimizer stepped by hand.
  @Test func trainingAllStepsTheWholeVector() throws {
    let model = HandModel(parameters: [0, 0, 0.3], mapped: (0, 1), trainsAll: true)
    let spec = try OptimizerSpec(parsing: "adam:lr=0.05,clip=1")
    var race = Race(objective: model, start: Point(x: 0.5, y: -0.5), specs: [spec])
    var optimizer = Optimizer(spec)
    var parameters = [0.5, -0.5, 0.3]
    for _ in 0..<25 {
      race.step()
      let gradient = model.valueAndGradient(parameters: parameters, examples: nil).gradient
      optimizer.step(parameters: &parameters, gradient: gradient, mapped: (0, 1))
      #expect(race.racers[0].parameters == parameters)
    }
  }

  /// Restarting on a training objective puts every parameter back at the objective's, with
  /// the start in the mapped two.
  @Test func restartResetsEveryParameter() throws {
    let model = HandModel(parameters: [0, 0, 0.75], mapped: (1, 2), trainsAll: true)
    var race = Race(objective: model, start: Point(x: 1, y: 2), specs: try specs("sgd:lr=0.01"))
    #expect(race.racers[0].parameters == [0, 1, 2])
    race.step(times: 5)
    #expect(race.racers[0].parameters[0] != 0)
    race.restart(objective: model, from: Point(x: -1, y: 3))
    #expect(race.racers[0].parameters == [0, -1, 3])
    #expect(race.racers[0].stepCount == 0)
  }

  /// Optimizers that step the pair (LBFGS, Newton, Muon, Adafactor's matrix) and plug-ins
  /// are refused with `trainsAll`, each in one line; the per-element ones are not.
  @Test func pairSteppersAreRefusedWhenEveryParameterTrains() throws {
    let model = HandModel(trainsAll: true)
    for text in ["lbfgs", "newton", "muon", "adafactor:shape=matrix"] {
      let race = Race(objective: model, start: .zero, specs: try specs(text))
      #expect(throws: OptimizerError.self, "\(text)") { try race.checkTrainsAll() }
      do {
        try race.checkTrainsAll()
      } catch {
        #expect(error == .cannotTrainAll(race.racers[0].spec.kind, race.racers[0].spec.shape))
        #expect(!"\(error)".contains("\n") && "\(error)".contains("--train-all"))
      }
    }
    let accepted = Race(
      objective: model, start: .zero,
      specs: try specs("sgd", "adam", "adafactor", "adafactor:shape=scalars", "rprop"))
    try accepted.checkTrainsAll()
    var withPlugin = accepted
    withPlugin.appendExternal(
      label: "mine", ExternalOptimizer(name: "mine"))
    #expect(throws: OptimizerError.pluginCannotTrainAll(label: "mine")) {
      try withPlugin.checkTrainsAll()
    }
    // Not training all: nothing is refused.
    let pairs = Race(
      objective: HandModel(trainsAll: false), start: .zero, specs: try specs("lbfgs", "muon"))
    try pairs.checkTrainsAll()
  }
}

/// A `HandModel`'s slice as a plain `Objective`, hiding its `TrainingObjective` conformance.
private struct AsPlainObjective: Objective {
  let model: HandModel
  func value(at point: Point) -> Double { model.value(at: point) }
  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    model.valueAndGradient(at: point)
  }
}
