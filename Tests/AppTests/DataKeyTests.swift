import App
import OptimKit
import Plot
import Testing

/// The neuron lab's live keys and status: `x` switches NLL ↔ MSE, `j`/`J` the batch size, the
/// status line counts epochs and batches, and with every parameter training the map is the
/// slice through the selected racer's bias.
@Suite struct DataKeyTests {
  func model(
    _ dataset: String = "overlapping", batch: String? = nil, trainsAll: Bool = false,
    loss: String? = nil
  ) throws -> Model {
    var options = SceneOptions(optimizers: ["sgd:lr=0.5", "adam:lr=0.1"])
    options.data = DataOptions(source: dataset, loss: loss, batch: batch, trainsAll: trainsAll)
    return try ExploreFixture.model(options, width: 120, height: 40)
  }

  func training(_ model: Model) throws -> DataObjective {
    try #require(model.race.objective as? DataObjective)
  }

  @Test func xSwitchesTheLossAndRestartsKeepingTheOptimizers() throws {
    var model = ExploreFixture.ticks(10, to: try model())
    #expect(try training(model).loss == .nll)
    _ = Fixture.send([Fixture.key("+")], to: model)
    model = Fixture.send([Fixture.key("+"), Fixture.key("x")], to: model).0
    #expect(try training(model).loss == .mse)
    #expect(model.race.stepCount == 0)
    #expect(model.race.racers.map(\.trail.positions.count) == [1, 1])
    #expect(model.race.racers.map(\.label) == ["sgd", "adam"])
    // The lr raised before the switch stays: the comparison, not the settings, restarts.
    #expect(model.race.racers[0].optimizer.learningRate > 0.5)
    #expect(model.function.title == "overlapping · logistic · mse")
    model = Fixture.send([Fixture.key("x")], to: model).0
    #expect(try training(model).loss == .nll)
    // On a test function the key says what it is for.
    let (plain, _) = Fixture.send([Fixture.key("x")], to: try Fixture.model())
    #expect(Fixture.screen(plain).contains("x switches the loss of a model trained on data"))
  }

  @Test func jHalvesTheBatchDownToOneAndAround() throws {
    var model = try model()
    var sizes: [Int?] = []
    for _ in 0..<5 {
      model = Fixture.send([Fixture.key("j")], to: model).0
      sizes.append(model.race.batches?.batchSize)
    }
    #expect(sizes == [8, 4, 2, 1, nil])
    model = Fixture.send([Fixture.key("J")], to: model).0
    #expect(model.race.batches?.batchSize == 1)
    #expect(model.function.title == "overlapping · logistic · nll · batch 1")
  }

  @Test func statusCountsEpochsAndBatches() throws {
    let stochastic = ExploreFixture.ticks(14, to: try model(batch: "4"))
    #expect(Fixture.screen(stochastic).contains("epoch 5 · batch 2/3 of 4"))
    let full = ExploreFixture.ticks(7, to: try model())
    #expect(Fixture.screen(full).contains("epoch 7 · full batch"))
  }

  @Test("at 80×24 a long epoch counter cuts the data set's title, not '? help'")
  func statusKeepsTheHelpHintAt80Columns() throws {
    var options = SceneOptions(optimizers: ["sgd:lr=0.5", "adam:lr=0.1"])
    options.data = DataOptions(source: "separable", batch: "1")
    var model = try ExploreFixture.model(options, width: 80, height: 24)
    _ = update(&model, .advance(steps: 12_345))
    #expect(
      ExploreFixture.lines(model)[0]
        == " separable · logistic · nll… │ step 12345 │ epoch 1029 · batch 9/12 of 1 ? help ")
    // With room, the whole title and the whole hint.
    var wide = try ExploreFixture.model(options, width: 120, height: 40)
    _ = update(&wide, .advance(steps: 12_345))
    #expect(
      ExploreFixture.lines(wide)[0].hasPrefix(" separable · logistic · nll · batch 1  mean BCE("))
    #expect(ExploreFixture.lines(wide)[0].hasSuffix(" keys act on: all · ? help "))
  }

  /// Training all, the map's heatmap is the slice through the selected racer's bias: its key
  /// changes as the bias moves, and equals a map drawn with the objective sliced there.
  @Test func mapIsTheSliceThroughTheSelectedRacersBias() throws {
    let model = ExploreFixture.ticks(20, to: try model(trainsAll: true))
    let picture = model.picture
    let first = model.race.racers[0]
    #expect(first.parameters[2] != 0)
    let sliced = try training(model).sliced(through: first.parameters)
    let point = Point(x: 0.3, y: -1.2)
    #expect(picture.objective?.value(at: point) == sliced.value(at: point))
    #expect(picture.objective?.value(at: point) != (try training(model)).value(at: point))
    let later = ExploreFixture.ticks(1, to: model).picture
    #expect(later.function != picture.function)
    // The legend shows each racer's bias.
    let bias = NumberFormat.compact(first.parameters[2], digits: 3)
    #expect(picture.racers[0].hyperparameterSummary.hasSuffix("b=\(bias)"))
    // Without --train-all the map never moves.
    let fixed = ExploreFixture.ticks(20, to: try self.model())
    #expect(fixed.picture.function == ExploreFixture.ticks(1, to: fixed).picture.function)
  }

  /// A scene (and so a recording's header) writes the data down, a file's examples included,
  /// and reads back the same race.
  @Test func sceneFileCarriesTheDataAndAFilesExamples() throws {
    let table = try DataSet(parsing: "x1,x2,y\n1,2,1\n2,1,0\n-1,-2,0\n", name: "lab.csv")
    var options = SceneOptions(optimizers: ["adam:lr=0.1"])
    options.data = DataOptions(
      source: "lab.csv", isFile: true, dataSet: table, loss: "mse", params: "b,w1", batch: "2",
      trainsAll: true)
    let scene = try options.scene()
    let text = SceneFile(scene: scene).text
    #expect(
      text.contains("data = lab.csv\nmodel = logistic\nloss = mse\nparams = b,w1\nbatch = 2\n"))
    #expect(text.contains("train-all = true\nexample = 1.0, 2.0, 1.0\nexample = 2.0, 1.0, 0.0\n"))
    let read = try SceneFile(parsing: text, name: "saved.txt").options.scene()
    let objective = try #require(read.function.objective as? DataObjective)
    #expect(objective.data.features == table.features && objective.data.labels == table.labels)
    #expect(objective.loss == .mse && objective.trainsAll)
    #expect(objective.mappedParameters == (x: 2, y: 0))
    #expect(read.function.batchSize == .examples(2))
    do {
      _ = try SceneFile(parsing: "model = linear\ndataset = outliers\n", name: "s.txt")
      Issue.record("accepted model before dataset")
    } catch {
      #expect(error.description == "s.txt line 1: model needs a dataset or data line before it")
    }
  }
}
