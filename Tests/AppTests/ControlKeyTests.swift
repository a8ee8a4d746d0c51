import App
import OptimKit
import Plot
import Testing

@Suite("Control keys, mouse and resize")
struct ControlKeyTests {
  @Test("Tab walks all → each optimizer → all; Shift-Tab walks back")
  func selection() throws {
    var model = try Fixture.model()
    #expect(model.selection == .all)
    var seen: [Selection] = []
    for _ in 0..<4 {
      (model, _) = Fixture.send([.key(.tab)], to: model)
      seen.append(model.selection)
    }
    #expect(seen == [.racer(0), .racer(1), .racer(2), .all])
    (model, _) = Fixture.send([.key(.backTab)], to: model)
    #expect(model.selection == .racer(2))
  }

  @Test("space pauses: ticks then take no steps, n takes exactly one")
  func pause() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.tick, .tick], to: model)
    #expect(model.race.stepCount == 2)
    (model, _) = Fixture.send([Fixture.key(" "), .tick, .tick, .tick], to: model)
    #expect(model.isPaused)
    #expect(!model.isRacing)
    #expect(model.race.stepCount == 2)
    (model, _) = Fixture.send([Fixture.key("n")], to: model)
    #expect(model.race.stepCount == 3)
    (model, _) = Fixture.send([Fixture.key(" "), .tick], to: model)
    #expect(!model.isPaused)
    #expect(model.race.stepCount == 4)
  }

  @Test("] doubles the steps per frame, [ halves it, never below 1")
  func stepsPerFrame() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([Fixture.key("]"), Fixture.key("]"), .tick], to: model)
    #expect(model.stepsPerFrame == 4)
    #expect(model.race.stepCount == 4)
    (model, _) = Fixture.send(Array(repeating: Fixture.key("["), count: 5), to: model)
    #expect(model.stepsPerFrame == 1)
  }

  @Test("r restarts every optimizer at the start, keeping changed settings")
  func restart() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(
      [.tick, .tick, .key(.tab), Fixture.key("+"), Fixture.key("r")], to: model)
    #expect(model.race.stepCount == 0)
    #expect(model.race.racers.allSatisfy { $0.position == model.start })
    #expect(model.race.racers[0].optimizer.hyperparameters.learningRate > 0.01)
  }

  @Test("a click on the map restarts the race from the point under the mouse")
  func clickSetsStart() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.tick, .tick], to: model)
    let map = try #require(model.plan.maps.first)
    // The map's top-left cell shows the view's top-left corner.
    (model, _) = Fixture.send([.click(column: map.x, row: map.y)], to: model)
    let cellWidth = model.view.width / Double(map.width)
    let cellHeight = model.view.height / Double(map.height)
    #expect(model.race.stepCount == 0)
    #expect(model.start.x > model.view.xMin && model.start.x < model.view.xMin + cellWidth)
    #expect(model.start.y < model.view.yMax && model.start.y > model.view.yMax - cellHeight)
    #expect(model.race.racers.allSatisfy { $0.position == model.start })
  }

  @Test("a click outside the map changes nothing")
  func clickOutsideMap() throws {
    var model = try Fixture.model()
    let start = model.start
    (model, _) = Fixture.send([.click(column: 119, row: 0)], to: model)
    #expect(model.start == start)
  }

  @Test("1…9 hide and show optimizers; a missing one gets a message")
  func visibility() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([Fixture.key("2")], to: model)
    #expect(!model.isVisible(1))
    #expect(model.isVisible(0))
    (model, _) = Fixture.send([Fixture.key("2")], to: model)
    #expect(model.isVisible(1))
    (model, _) = Fixture.send([Fixture.key("9")], to: model)
    #expect(model.message?.isError == true)
  }

  @Test("arrows pan, z zooms in, Z zooms out, 0 resets the view")
  func viewKeys() throws {
    var model = try Fixture.model()
    let home = model.view
    (model, _) = Fixture.send([.key(.right)], to: model)
    #expect(model.view.xMin > home.xMin)
    #expect(model.view.width == home.width)
    (model, _) = Fixture.send([.key(.up)], to: model)
    #expect(model.view.yMin > home.yMin)
    (model, _) = Fixture.send([Fixture.key("z")], to: model)
    #expect(model.view.width < home.width)
    (model, _) = Fixture.send([Fixture.key("Z"), Fixture.key("Z")], to: model)
    #expect(model.view.width > home.width)
    (model, _) = Fixture.send([Fixture.key("0")], to: model)
    #expect(model.view == home)
  }

  @Test("f switches to the next built-in function with its start, view and learning rates")
  func nextFunction() throws {
    var model = try Fixture.model()
    let index = try #require(TestFunction.catalog.firstIndex { $0.name == "himmelblau" })
    let next = TestFunction.catalog[(index + 1) % TestFunction.catalog.count]
    (model, _) = Fixture.send([.tick, Fixture.key("f")], to: model)
    #expect(model.function.name == next.name)
    #expect(model.view == next.view)
    #expect(model.start == next.start)
    #expect(model.race.stepCount == 0)
    #expect(
      model.race.racers[1].optimizer.hyperparameters.learningRate == next.learningRates["adam"])
    (model, _) = Fixture.send([Fixture.key("F")], to: model)
    #expect(model.function.name == "himmelblau")
  }

  @Test("l switches the layout; t keeps a valid theme")
  func layoutAndTheme() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([Fixture.key("l")], to: model)
    #expect(model.layout == .split)
    (model, _) = Fixture.send([Fixture.key("l"), Fixture.key("t")], to: model)
    #expect(model.layout == .overlay)
    #expect(!model.theme.name.isEmpty)
  }

  @Test("q and Ctrl-C ask to quit")
  func quit() throws {
    let model = try Fixture.model()
    #expect(Fixture.send([Fixture.key("q")], to: model).1 == [.quit])
    #expect(Fixture.send([.key(.interrupt)], to: model).1 == [.quit])
  }

  @Test("? shows the help over the map; any key closes it")
  func help() throws {
    var model = try Fixture.model()
    #expect(!Fixture.screen(model).contains("optiscope keys"))
    (model, _) = Fixture.send([Fixture.key("?")], to: model)
    let screen = Fixture.screen(model)
    #expect(screen.contains("optiscope keys"))
    #expect(screen.contains("learning rate ×√2"))
    (model, _) = Fixture.send([Fixture.key("x")], to: model)
    #expect(!model.isHelpShown)
    #expect(!Fixture.screen(model).contains("optiscope keys"))
  }

  @Test("a tiny screen asks to be enlarged, and growing it back restores the picture")
  func resizeTinyAndBack() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.resize(width: 20, height: 6)], to: model)
    ScreenExpectation.expect(
      view(model),
      equals: """


        enlarge the terminal
        need ≥ 40×12, have …


        """)
    (model, _) = Fixture.send([.resize(width: 120, height: 40)], to: model)
    ScreenExpectation.expect(view(model), equals: view(try Fixture.model()), comparing: .everything)
  }

  @Test(
    "no size is too small to draw: 1×1, 0×0, 1 row, 1 column",
    arguments: [
      (1, 1), (0, 0), (120, 1), (1, 40), (0, 40), (40, 12), (39, 11),
    ])
  func anySize(width: Int, height: Int) throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(
      [.resize(width: width, height: height), .tick, Fixture.key("?"), .click(column: 0, row: 0)],
      to: model)
    let canvas = view(model)
    #expect(canvas.width == width && canvas.height == height)
  }
}
