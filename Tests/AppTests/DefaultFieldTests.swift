import App
import OptimKit
import Testing

/// One default field: the race every command shows when no optimizer is named.
@Suite struct DefaultFieldTests {
  /// The field `FunctionChoice` makes for Rosenbrock, as SPEC texts.
  static func rosenbrockField() throws -> [String] {
    let rosenbrock = try #require(TestFunction.named("rosenbrock"))
    return FunctionChoice(rosenbrock).standardField.map(\.description)
  }

  @Test("the showcase rates are Rosenbrock's own: one field whether or not it is named")
  func showcaseIsTheFunctionsField() throws {
    let field = try Self.rosenbrockField()
    #expect(
      field == [
        "sgd:lr=0.001", "momentum:lr=0.0005", "nesterov:lr=0.0005", "adagrad:lr=1.0",
        "rmsprop:lr=0.02", "adadelta:lr=5.0", "adam:lr=0.1", "nadam:lr=0.1",
      ])
    // `optiscope`, `render` and `record` with no options, and with --function rosenbrock.
    let unnamed = try SceneOptions().scene()
    let named = try SceneOptions(function: "rosenbrock").scene()
    #expect(unnamed.specs.map(\.description) == field)
    #expect(named.specs.map(\.description) == field)
    #expect(unnamed.labels == named.labels)
  }

  @Test("F then f comes back to Rosenbrock with the field the program started with")
  func functionKeysKeepTheField() throws {
    let scene = try SceneOptions().scene()
    var model = Model(scene: scene, width: 120, height: 40)
    let started = model.race.racers.map(\.spec.description)
    (model, _) = Fixture.send([.tick, Fixture.key("F"), Fixture.key("f")], to: model)
    #expect(model.function.name == "rosenbrock")
    #expect(model.race.racers.map(\.spec.description) == started)
    #expect(started == (try Self.rosenbrockField()))
    // Round the whole catalog: every function's own rates, and Rosenbrock's again at the end.
    for _ in TestFunction.catalog {
      (model, _) = Fixture.send([Fixture.key("f")], to: model)
      let rates = model.function.learningRates
      for racer in model.race.racers {
        #expect(racer.optimizer.hyperparameters.learningRate == rates[racer.spec.kind.name])
      }
    }
    #expect(model.race.racers.map(\.spec.description) == started)
  }
}
