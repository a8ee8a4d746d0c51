import App
import OptimKit
import Testing

/// `k` `K` choose one of an optimizer's own settings (Rprop's etas and step-size bounds,
/// ASGD's lambd/alpha/t0, LBFGS's max_iter/history_size, Adafactor's beta2_decay/eps,
/// Muon's ns_steps) and `<` `>` move it, keeping the state as a `param_group` edit does.
@Suite struct OwnSettingKeyTests {
  static func model(_ specs: [String]) throws -> Model {
    let rosenbrock = try #require(TestFunction.named("rosenbrock"))
    let scene = Scene(
      function: FunctionChoice(rosenbrock), specs: try specs.map { try OptimizerSpec(parsing: $0) })
    return Model(scene: scene, width: 100, height: 30)
  }

  /// Presses `keys` after the given steps (taken with `n`), then `finally` steps more; the
  /// race must end exactly where a race with the values set through the race's API ends (the
  /// fixture replay checks that race against torch with these very values).
  func expectKeysMatchSetting(
    _ spec: String, _ script: [(step: Int, keys: String, values: [Hyperparameter: Double])],
    finally: Int
  ) throws {
    var model = try Self.model([spec])
    var reference = Race(
      objective: model.race.objective, start: model.race.start,
      specs: [try OptimizerSpec(parsing: spec)])
    var taken = 0
    for entry in script {
      let steps = entry.step - taken
      (model, _) = Fixture.send(Array(repeating: Fixture.key("n"), count: steps), to: model)
      reference.step(times: steps)
      taken = entry.step
      (model, _) = Fixture.send(entry.keys.map(Fixture.key), to: model)
      let text = model.message?.text ?? ""
      #expect(model.message?.isError != true, "\(spec) after '\(entry.keys)': \(text)")
      for (key, value) in entry.values {
        let actual: Double? = model.race.racers[0].optimizer.hyperparameters[key]
        #expect(actual == value, "\(spec) \(key)")
        try reference.edit(.hyperparameter(key, value), racer: 0)
      }
      let stepCount = model.race.racers[0].optimizer.stepCount
      #expect(stepCount == entry.step, "state kept")
    }
    (model, _) = Fixture.send(Array(repeating: Fixture.key("n"), count: finally), to: model)
    reference.step(times: finally)
    let trail: [Point] = model.race.racers[0].trail.positions
    let expected: [Point] = reference.racers[0].trail.positions
    #expect(trail == expected)
    let evaluations = model.race.racers[0].evaluationCount
    #expect(evaluations == reference.racers[0].evaluationCount)
  }

  @Test func rpropEtasAndStepSizeBounds() throws {
    try expectKeysMatchSetting(
      "rprop:lr=0.01",
      [
        (40, "<", [.etaMinus: 0.5 / 2]),
        (80, "kk>", [.stepSizeMinimum: 1e-6 * 10]),
        (120, "K>kk<", [.etaPlus: 1 + (1.2 - 1) * 2, .stepSizeMaximum: 50 / 2]),
      ], finally: 80)
  }

  @Test func asgdLambdAlphaAndT0() throws {
    try expectKeysMatchSetting(
      "asgd:lr=0.001,t0=30",
      [
        (40, "kk<", [.alpha: 0.75 - 0.125]), (80, "K>", [.lambd: 1e-4 * 10]),
        (120, "kk<", [.t0: 30.0 / 10]),
      ], finally: 80)
  }

  @Test func adafactorBeta2DecayAndEps() throws {
    try expectKeysMatchSetting(
      "adafactor",
      [
        (40, ">", [.beta2Decay: -0.8 + 0.1]), (80, "k>", [.eps1: Double.ulpOfOne * 10]),
        (120, "k<", [.eps2: 1e-3 / 10]),
      ], finally: 80)
  }

  @Test func muonMomentumAndNewtonSchulzSteps() throws {
    try expectKeysMatchSetting(
      "muon:lr=0.02",
      [
        (40, "m", [.momentum: 1 - (1 - 0.95) * 2]), (80, "<", [.newtonSchulzSteps: 4]),
        (120, ">", [.newtonSchulzSteps: 5]),
      ], finally: 80)
  }

  @Test func lbfgsMaxIterAndHistorySize() throws {
    try expectKeysMatchSetting(
      "lbfgs:max_iter=3",
      [(1, ">", [.maxIter: 6]), (3, "k<", [.historySize: 50]), (6, "<", [.historySize: 25])],
      finally: 6)
  }

  @Test func kSaysTheSettingItsValueAndTorchsDefault() throws {
    var model = try Self.model(["rprop", "adam"])
    (model, _) = Fixture.send([.key(.tab), Fixture.key("k"), Fixture.key("k")], to: model)
    #expect(model.tunedKey == .etaPlus)
    #expect(
      model.message?.text == "< > move etaplus: rprop 1.2; torch's default 1.2 — k: next setting")
    // With all selected, the keys of every optimizer that has them; adam has none.
    (model, _) = Fixture.send([.key(.backTab), Fixture.key(">")], to: model)
    #expect(model.selection == .all)
    let pressed: Double = 1 + (1.2 - 1) * 2
    #expect(model.race.racers[0].optimizer.hyperparameters[.etaPlus] == pressed)
    #expect(model.message?.text == "rprop: etaplus=1.4")
  }

  @Test func ownSettingKeysLeaveASharedNameAlone() throws {
    // ASGD's alpha is its own setting; RMSprop's alpha (a decay) is not moved by < >.
    var model = try Self.model(["asgd", "rmsprop"])
    (model, _) = Fixture.send([Fixture.key("k"), Fixture.key("k"), Fixture.key(">")], to: model)
    #expect(model.tunedKey == .alpha)
    let asgd: Double? = model.race.racers[0].optimizer.hyperparameters[.alpha]
    let rmsprop: Double? = model.race.racers[1].optimizer.hyperparameters[.alpha]
    #expect(asgd == 0.875)
    #expect(rmsprop == 0.99)
  }

  @Test func optimizersWithoutOwnSettingsSaySo() throws {
    var model = try Self.model(["adam", "sgd"])
    let before = model.race.racers.map(\.optimizer.hyperparameters)
    for key: Character in ["k", "K", "<", ">"] {
      (model, _) = Fixture.send([Fixture.key(key)], to: model)
      #expect(model.message?.isError == true)
      #expect(model.message?.text.hasPrefix("no setting for < > here") == true)
    }
    let after = model.race.racers.map(\.optimizer.hyperparameters)
    #expect(after == before)
  }

  @Test func aPressStopsWhereTorchWouldRefuse() throws {
    var model = try Self.model(["rprop:etaminus=0.999999"])
    (model, _) = Fixture.send([Fixture.key(">")], to: model)
    let etaMinus: Double? = model.race.racers[0].optimizer.hyperparameters[.etaMinus]
    #expect(etaMinus == 0.999999)
    #expect(model.message?.isError == true)
    #expect(model.message?.text.contains("etaminus is at the largest keys set") == true)
    var lbfgs = try Self.model(["lbfgs:history_size=1"])
    (lbfgs, _) = Fixture.send([Fixture.key("k"), Fixture.key("k"), Fixture.key("<")], to: lbfgs)
    let historySize: Double? = lbfgs.race.racers[0].optimizer.hyperparameters[.historySize]
    #expect(historySize == 1)
    #expect(lbfgs.message?.text.contains("history_size is at the smallest keys set") == true)
  }
}
