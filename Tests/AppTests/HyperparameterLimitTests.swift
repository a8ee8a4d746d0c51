import App
import OptimKit
import Testing

/// Keys keep every setting where a press can move it back, and `d` brings the scene's back.
@Suite("Hyper-parameter key limits and d")
struct HyperparameterLimitTests {
  private func presses(_ character: Character, _ count: Int) -> [Msg] {
    Array(repeating: Fixture.key(character), count: count)
  }

  private func rate(_ model: Model, _ index: Int) -> Double {
    model.race.racers[index].optimizer.hyperparameters.learningRate
  }

  @Test("holding - stops lr at 1e-8, and + moves it straight back up")
  func learningRateFloor() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(presses("-", 3000), to: model)
    #expect(rate(model, 0) == HyperparameterNudge.learningRateRange.lowerBound)
    #expect(model.message?.isError == true)
    #expect(model.message?.text.contains("smallest keys set, 1e-08") == true)
    (model, _) = Fixture.send([Fixture.key("+")], to: model)
    #expect(rate(model, 0) == 1e-8 * 2.0.squareRoot())
  }

  @Test("holding + stops lr at 1e4, and - moves it back down")
  func learningRateCeiling() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(presses("+", 3000), to: model)
    #expect(model.race.racers.map(\.optimizer.hyperparameters.learningRate) == [1e4, 1e4, 1e4])
    (model, _) = Fixture.send([Fixture.key("-")], to: model)
    #expect(rate(model, 1) == 1e4 / 2.0.squareRoot())
  }

  @Test("holding B or M stops at 0.999999, and b or m move back down; holding b stops at 0")
  func betaAndMomentumLimits() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(presses("B", 200) + presses("V", 200) + presses("M", 200), to: model)
    let adam = model.race.racers[1].optimizer.hyperparameters
    #expect(adam[.beta1] == HyperparameterNudge.largestBeta)
    #expect(adam[.beta2] == HyperparameterNudge.largestBeta)
    #expect(model.race.racers[2].optimizer.hyperparameters[.momentum] == 1 - 1e-6)
    (model, _) = Fixture.send([Fixture.key("b"), Fixture.key("m")], to: model)
    #expect(abs((model.race.racers[1].optimizer.hyperparameters[.beta1] ?? 0) - (1 - 2e-6)) < 1e-15)
    #expect(
      abs((model.race.racers[2].optimizer.hyperparameters[.momentum] ?? 0) - (1 - 2e-6)) < 1e-15)
    (model, _) = Fixture.send(presses("b", 100), to: model)
    #expect(model.race.racers[1].optimizer.hyperparameters[.beta1] == 0)
    (model, _) = Fixture.send([Fixture.key("B")], to: model)
    #expect(model.race.racers[1].optimizer.hyperparameters[.beta1] == 0.5)
  }

  @Test("a learning rate set outside the keys' range moves toward it, not further out")
  func outsideTheRange() throws {
    let himmelblau = try #require(TestFunction.named("himmelblau"))
    let scene = Scene(
      function: FunctionChoice(himmelblau),
      specs: [try OptimizerSpec(parsing: "sgd:lr=1e-12"), try OptimizerSpec(parsing: "sgd:lr=1e6")])
    var model = Model(scene: scene, width: 120, height: 40)
    (model, _) = Fixture.send([Fixture.key("-")], to: model)
    #expect(rate(model, 0) == 1e-12)
    #expect(rate(model, 1) == 1e6 / 2.0.squareRoot())
    (model, _) = Fixture.send([Fixture.key("+"), Fixture.key("+")], to: model)
    #expect(rate(model, 0) == 1e-12 * 2.0.squareRoot() * 2.0.squareRoot())
    #expect(rate(model, 1) == 1e6 / 2.0.squareRoot())
  }

  @Test("d restores the selected optimizer's settings to the scene's, keeping its state; then all")
  func restore() throws {
    var model = try Fixture.model()
    let scene = model.race.racers.map(\.optimizer.hyperparameters)
    (model, _) = Fixture.send([.tick, .tick] + presses("-", 40) + presses("B", 3), to: model)
    (model, _) = Fixture.send(presses("M", 2) + [.key(.tab), .key(.tab)], to: model)
    #expect(model.selection == .racer(1))
    let (restored, effects) = Fixture.send([Fixture.key("d")], to: model)
    #expect(restored.race.racers[1].optimizer.hyperparameters == scene[1])
    #expect(restored.race.racers[1].optimizer.stepCount == 2)
    #expect(restored.race.racers[0].optimizer.hyperparameters != scene[0])
    #expect(restored.message?.text == "back to the scene's settings, adam: lr=0.1 beta1=0.9")
    #expect(effects.count == 2)
    (model, _) = Fixture.send([.key(.backTab), .key(.backTab), Fixture.key("d")], to: restored)
    #expect(model.selection == .all)
    #expect(model.race.racers.map(\.optimizer.hyperparameters) == scene)
    #expect(model.message?.text == "2 optimizers back to the scene's settings")
    (model, _) = Fixture.send([Fixture.key("d")], to: model)
    #expect(model.message?.text == "the settings are the scene's already")
  }

  @Test("after f, d restores the new function's learning rates")
  func restoreAfterFunctionSwitch() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([Fixture.key("f")], to: model)
    let presets = model.race.racers.map(\.optimizer.hyperparameters)
    (model, _) = Fixture.send(presses("+", 5) + [Fixture.key("d")], to: model)
    #expect(model.race.racers.map(\.optimizer.hyperparameters) == presets)
  }
}
