import App
import OptimKit
import Testing

@Suite("Hyper-parameter keys")
struct HyperparameterKeyTests {
  @Test("+ multiplies the selected learning rate by √2 and keeps the optimizer's state")
  func learningRateUpKeepsState() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(Array(repeating: .tick, count: 5), to: model)
    let stepsBefore = model.race.racers[1].optimizer.stepCount
    #expect(stepsBefore == 5)
    (model, _) = Fixture.send([.key(.tab), .key(.tab), Fixture.key("+")], to: model)
    #expect(model.selection == .racer(1))
    let adam = model.race.racers[1].optimizer
    #expect(abs(adam.hyperparameters.learningRate - 0.1 * 2.0.squareRoot()) < 1e-15)
    #expect(adam.stepCount == stepsBefore)
    // The others are untouched.
    #expect(model.race.racers[0].optimizer.hyperparameters.learningRate == 0.01)
    #expect(model.race.racers[2].optimizer.hyperparameters.learningRate == 0.01)
  }

  @Test("two presses of + double the learning rate, two of - halve it")
  func learningRateIsGeometric() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.key(.tab), Fixture.key("+"), Fixture.key("+")], to: model)
    #expect(abs(model.race.racers[0].optimizer.hyperparameters.learningRate - 0.02) < 1e-12)
    (model, _) = Fixture.send(
      [Fixture.key("-"), Fixture.key("-"), Fixture.key("-"), Fixture.key("-")], to: model)
    #expect(abs(model.race.racers[0].optimizer.hyperparameters.learningRate - 0.005) < 1e-12)
  }

  @Test("with all selected, + changes every optimizer")
  func learningRateForAll() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([Fixture.key("+")], to: model)
    let rates = model.race.racers.map(\.optimizer.hyperparameters.learningRate)
    let expected = [0.01, 0.1, 0.01].map { $0 * 2.0.squareRoot() }
    for (rate, want) in zip(rates, expected) {
      #expect(abs(rate - want) < 1e-15)
    }
  }

  @Test("the new learning rate shows in the legend at once")
  func learningRateInLegend() throws {
    var model = try Fixture.model()
    #expect(Fixture.screen(model).contains("adam lr=0.1 "))
    (model, _) = Fixture.send([.key(.tab), .key(.tab), Fixture.key("+")], to: model)
    #expect(Fixture.screen(model).contains("adam lr=0.141"))
  }

  @Test("b and B move 1 − beta1 geometrically: 0.9 → 0.8, and 0.9 → 0.95 → 0.975")
  func beta1Keys() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.key(.tab), .key(.tab), Fixture.key("b")], to: model)
    #expect(abs((model.race.racers[1].optimizer.hyperparameters[.beta1] ?? 0) - 0.8) < 1e-12)
    (model, _) = Fixture.send([Fixture.key("B"), Fixture.key("B"), Fixture.key("B")], to: model)
    #expect(abs((model.race.racers[1].optimizer.hyperparameters[.beta1] ?? 0) - 0.975) < 1e-12)
    #expect(model.race.racers[1].optimizer.hyperparameters[.beta2] == 0.999)
  }

  @Test("v and V move beta2; m and M move momentum")
  func beta2AndMomentumKeys() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.key(.tab), .key(.tab), Fixture.key("V")], to: model)
    #expect(abs((model.race.racers[1].optimizer.hyperparameters[.beta2] ?? 0) - 0.9995) < 1e-12)
    (model, _) = Fixture.send([.key(.tab), Fixture.key("m")], to: model)
    #expect(abs((model.race.racers[2].optimizer.hyperparameters[.momentum] ?? 0) - 0.8) < 1e-12)
  }

  @Test("a key the selected optimizer lacks leaves a message and changes nothing")
  func beta1OnSGD() throws {
    var model = try Fixture.model()
    let before = model.race.racers[0].optimizer.hyperparameters
    (model, _) = Fixture.send([.key(.tab), Fixture.key("b")], to: model)
    #expect(model.race.racers[0].optimizer.hyperparameters == before)
    #expect(model.message?.isError == true)
    #expect(model.message?.text.contains("beta1") == true)
    #expect(Fixture.screen(model).contains("sgd has no beta1"))
  }

  @Test("momentum down stops at 0 without a crash; a torch refusal becomes a message")
  func momentumToZero() throws {
    let himmelblau = try #require(TestFunction.named("himmelblau"))
    let scene = Scene(
      function: FunctionChoice(himmelblau),
      specs: [try OptimizerSpec(parsing: "nesterov:lr=0.01")])
    var model = Model(scene: scene, width: 120, height: 40)
    (model, _) = Fixture.send(Array(repeating: Fixture.key("m"), count: 6), to: model)
    // Nesterov needs momentum > 0, so the step to 0 is refused and 0.2 stays.
    let momentum = try #require(model.race.racers[0].optimizer.hyperparameters[.momentum])
    #expect(momentum > 0)
    #expect(model.message?.isError == true)
  }

  @Test("every change is reported as a live-change effect with its step")
  func liveChangeEffects() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.tick, .tick, .tick], to: model)
    let (_, effects) = Fixture.send([.key(.tab), Fixture.key("+")], to: model)
    #expect(effects.count == 1)
    guard case .liveChange(let step, let description) = effects.first else {
      Issue.record("expected a live change, got \(effects)")
      return
    }
    #expect(step == 3)
    #expect(description.hasPrefix("sgd: lr="))
  }
}
