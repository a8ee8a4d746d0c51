import App
import OptimKit
import Testing

@Suite("Basins of attraction: a, computed a bounded amount per frame")
struct BasinOverlayTests {
  /// Plain gradient descent on Himmelblau, small steps: close to the gradient flow.
  private let options = SceneOptions(
    function: "himmelblau", optimizers: ["sgd:lr=0.005", "adam:lr=0.1"])

  @Test("a starts at 0%, every tick adds cells, and it reaches 100% with the progress on screen")
  func progressReachesCompletion() throws {
    // Slow steps, so the map takes several frames.
    var model = try ExploreFixture.model(
      SceneOptions(function: "himmelblau", optimizers: ["sgd:lr=0.0005"]))
    #expect(model.basinProgress == nil)
    (model, _) = Fixture.send([Fixture.key("a")], to: model)
    #expect(model.isBasinsShown)
    #expect(model.basinProgress == 0)
    #expect(model.isComputingBasins)
    let cells = try #require(model.basinMap.map { $0.rows * $0.columns })
    var previous = 0.0
    var ticks = 0
    // Every tick computes at least one cell.
    while let progress = model.basinProgress, progress < 1, ticks <= cells {
      model = ExploreFixture.ticks(1, to: model)
      let now = try #require(model.basinProgress)
      #expect(now > previous)
      previous = now
      ticks += 1
      if now < 1 {
        #expect(view(model).lines[0].contains("basins \(Int((now * 100).rounded(.down)))%"))
      }
    }
    #expect(model.basinProgress == 1)
    #expect(ticks > 1)
    #expect(!model.isComputingBasins)
    #expect(Fixture.screen(model).contains("basins ● sgd  done"))
  }

  @Test("Himmelblau: cells near each of the four minima belong to that minimum")
  func himmelblauRegions() throws {
    var model = try ExploreFixture.model(options)
    (model, _) = Fixture.send([Fixture.key("a")], to: model)
    while model.isComputingBasins { model = ExploreFixture.ticks(1, to: model) }
    let map = try #require(model.basinMap)
    #expect(map.isComplete)
    var checked = Array(repeating: 0, count: 4)
    for row in 0..<map.rows {
      for column in 0..<map.columns {
        let centre = map.center(row: row, column: column)
        for (index, minimum) in map.minima.enumerated() where (centre - minimum).length < 0.5 {
          #expect(map[row: row, column: column] == .minimum(index))
          checked[index] += 1
        }
      }
    }
    #expect(checked.allSatisfy { $0 > 0 })
    // Each quadrant's far corner flows to the minimum of that quadrant.
    let corners = [
      (Point(x: 4.5, y: 4.5), 0), (Point(x: -4.5, y: 4.5), 1),
      (Point(x: -4.5, y: -4.5), 2), (Point(x: 4.5, y: -4.5), 3),
    ]
    for (corner, index) in corners {
      let column = Int((corner.x - map.view.xMin) / map.view.width * Double(map.columns))
      let row = Int((map.view.yMax - corner.y) / map.view.height * Double(map.rows))
      #expect(map[row: row, column: column] == .minimum(index))
    }
  }

  @Test("a new function, a new view or a changed optimizer start the basins again; a hides them")
  func cancelledOnChange() throws {
    var model = try ExploreFixture.model(options)
    (model, _) = Fixture.send([Fixture.key("a"), .tick, .tick], to: model)
    #expect((model.basinProgress ?? 0) > 0)
    (model, _) = Fixture.send([Fixture.key("f")], to: model)
    #expect(model.function.name != "himmelblau")
    if model.function.minima.isEmpty {
      #expect(model.basinMap == nil)
    } else {
      #expect(model.basinProgress == 0)
      #expect(model.basinMap?.minima == model.function.minima)
    }
    (model, _) = Fixture.send([Fixture.key("F"), .tick, .tick], to: model)
    #expect(model.function.name == "himmelblau")
    #expect((model.basinProgress ?? 0) > 0)
    (model, _) = Fixture.send([Fixture.key("z")], to: model)
    #expect(model.basinProgress == 0)
    #expect(model.basinMap?.view == model.view)
    (model, _) = Fixture.send([.tick, Fixture.key("+")], to: model)
    #expect(model.basinProgress == 0)
    #expect(
      model.basinMap?.spec.hyperparameters.learningRate
        == model.race.racers[0].spec.hyperparameters.learningRate)
    (model, _) = Fixture.send([.key(.tab), .key(.tab)], to: model)
    #expect(model.basinMap?.spec.kind == .adam)
    (model, _) = Fixture.send([Fixture.key("a")], to: model)
    #expect(model.basinMap == nil)
    #expect(!model.isBasinsShown)
  }

  @Test("the basins go on computing while the race is paused")
  func computedWhilePaused() throws {
    var model = try ExploreFixture.model(options)
    (model, _) = Fixture.send([Fixture.key(" "), Fixture.key("a")], to: model)
    #expect(model.isPaused)
    #expect(!model.isIdle)
    (model, _) = Fixture.send([.tick, .tick], to: model)
    #expect(model.race.stepCount == 0)
    #expect((model.basinProgress ?? 0) > 0)
  }

  @Test("a typed function has no known minima: a says so and shows nothing")
  func noMinima() throws {
    var model = try ExploreFixture.model(
      SceneOptions(expression: "x^2 + y^2", optimizers: ["adam:lr=0.1"]))
    (model, _) = Fixture.send([Fixture.key("a")], to: model)
    #expect(!model.isBasinsShown)
    #expect(model.basinMap == nil)
    #expect(model.message?.isError == true)
    #expect(model.message?.text.contains("known minima") == true)
  }
}
