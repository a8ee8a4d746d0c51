import OptimKit
import Plot
import Testing

@testable import App

/// The picture keys and the pointer: Tab's dimming, `o` solo, `w` fit, `y` the loss
/// chart's scale, and the status line's readout of x, y and f under the pointer.
@Suite struct PictureChoicesTests {
  private func raced(_ steps: Int = 40) throws -> Model {
    var model = try Fixture.model()
    _ = update(&model, .advance(steps: steps))
    return model
  }

  @Test("the pointer over the map reads out x, y and f in the status line, in place of the ranges")
  func pointerReadout() throws {
    let model = try raced()
    let map = try #require(model.plan.maps.first)
    let cell = (column: map.x + 10, row: map.y + 5)
    let point = try #require(
      MapProjection(view: model.view, region: map).point(column: cell.column, row: cell.row))
    let before = view(model).lines[0]
    #expect(before.contains("x∈[-5, 5] y∈[-5, 5]"))
    let (pointed, _) = Fixture.send([.pointer(column: cell.column, row: cell.row)], to: model)
    let value = pointed.function.objective.value(at: point)
    let readout =
      "x \(CNumberText.format("%.4g", point.x))  y \(CNumberText.format("%.4g", point.y))"
      + "  f \(NumberFormat.scientific(value))"
    // Himmelblau at (−3.618, 3.514): 5.604² + 1.730² = 34.4.
    #expect(readout == "x -3.618  y 3.514  f 3.44e+01")
    #expect(
      view(pointed).lines[0]
        == " Himmelblau  (x²+y−11)² + (x+y²−7)² │ x -3.618  y 3.514  f 3.44e+01 │ step 40"
        + "                 keys act on: all · ? help ")
    // Everything but the status line is as before.
    #expect(Array(view(pointed).lines.dropFirst()) == Array(view(model).lines.dropFirst()))
    // Off the map (the legend), the ranges come back.
    let (away, _) = Fixture.send([.pointer(column: model.width - 2, row: 3)], to: pointed)
    #expect(view(away).lines[0] == before)
  }

  @Test(
    "at 80×24 the readout takes the long hint's room (the formula what is left); '? help' stays")
  func pointerReadoutAt80Columns() throws {
    var model = try Fixture.model(width: 80, height: 24)
    _ = update(&model, .advance(steps: 40))
    let map = try #require(model.plan.maps.first)
    // Paused, the line has no room for both the readout and "keys act on: all · ? help".
    let paused = Fixture.send([Fixture.key(" ")], to: model).0
    let (pointed, _) = Fixture.send([.pointer(column: map.x + 10, row: map.y + 5)], to: paused)
    #expect(view(paused).lines[0].hasSuffix(" keys act on: all · ? help "))
    #expect(
      view(pointed).lines[0]
        == " Himmelblau  (x²+y−1… │ x -2.717  y 2.381  f 1.79e+01 │ step 40 │ paused ? help ")
  }

  @Test("a pointer message is logged and read back")
  func pointerLogText() {
    #expect(Msg.pointer(column: 3, row: 4).logText == "pointer 3 4")
    #expect(Msg(logText: "pointer 3 4") == .pointer(column: 3, row: 4))
    #expect(Msg(logText: "pointer 3") == nil)
  }

  @Test("Tab dims the other optimizers' trails and loss lines; the selected one is not dimmed")
  func tabDimsTheRest() throws {
    let model = try raced()
    let theme = model.theme
    let (selected, _) = Fixture.send([.key(.tab), .key(.tab)], to: model)  // adam
    let all = view(model)
    let canvas = view(selected)
    let adam = theme.racerStyle(1).color
    let map = try #require(model.plan.maps.first)
    var dimmed = 0
    var adamCells = 0
    for row in map.y..<(map.y + map.height) {
      for column in map.x..<(map.x + map.width) {
        let cell = canvas[column, row]
        guard (0x2800...0x28FF).contains(cell.glyph.value) else { continue }
        if cell.foreground == adam {
          adamCells += 1
          #expect(!cell.attributes.contains(.dim))
        } else if theme.racerStyle(0).color == cell.foreground
          || theme.racerStyle(2).color == cell.foreground
        {
          #expect(cell.attributes.contains(.dim))
          #expect(!all[column, row].attributes.contains(.dim))
          dimmed += 1
        }
      }
    }
    #expect(adamCells > 0)
    #expect(dimmed > 0)
    // The loss chart too: some dimmed dots, none of them adam's.
    let loss = try #require(model.plan.loss)
    var lossDimmed = 0
    for row in loss.y..<(loss.y + loss.height) {
      for column in loss.x..<(loss.x + loss.width)
      where canvas[column, row].attributes.contains(.dim) {
        lossDimmed += 1
        #expect(canvas[column, row].foreground != adam)
      }
    }
    #expect(lossDimmed > 0)
  }

  @Test("o solos the selected optimizer: the screen of hiding all the others, but for the message")
  func solo() throws {
    let model = try raced()
    let (solo, _) = Fixture.send([.key(.tab), .key(.tab), Fixture.key("o")], to: model)
    let (hidden, _) = Fixture.send(
      [.key(.tab), .key(.tab), Fixture.key("1"), Fixture.key("3")], to: model)
    #expect(solo.pictureChoices.isSolo)
    let soloLines = view(solo).lines
    let hiddenLines = view(hidden).lines
    #expect(Array(soloLines.dropLast()) == Array(hiddenLines.dropLast()))
    #expect(soloLines != view(model).lines)
    #expect(soloLines.last?.contains("solo: adam alone") == true)
    // Tab moves the solo on; o again shows everything as before.
    let (next, _) = Fixture.send([.key(.tab)], to: solo)
    let (hidingOthers, _) = Fixture.send(
      [.key(.tab), .key(.tab), .key(.tab), Fixture.key("1"), Fixture.key("2")], to: model)
    #expect(Array(view(next).lines.dropLast()) == Array(view(hidingOthers).lines.dropLast()))
    let (back, _) = Fixture.send([Fixture.key("o"), .key(.tab)], to: next)
    #expect(Array(view(back).lines.dropLast()) == Array(view(model).lines.dropLast()))
  }

  @Test("w fits the view to the trails and the start, with equal units, and 0 goes back")
  func fitView() throws {
    let model = try raced(200)
    let (fitted, effects) = Fixture.send([Fixture.key("w")], to: model)
    let view = fitted.view
    #expect(view != model.view)
    #expect(view.contains(model.start))
    for racer in model.race.racers {
      for point in racer.trail.positions { #expect(view.contains(point)) }
    }
    #expect(view.width < model.view.width)
    // Equal units: a unit of x as long on screen as a unit of y (cells are twice as tall).
    let map = fitted.plan.mapSize
    let perColumn = view.width / Double(map.width)
    let perRow = view.height / Double(map.height) / 2
    #expect(abs(perColumn / perRow - 1) < 1e-9)
    #expect(effects.contains(.liveChange(step: 200, description: "view \(view)")))
    let (home, _) = Fixture.send([Fixture.key("0")], to: fitted)
    #expect(home.view == model.view)
  }

  @Test("a fit of points too far apart is refused with a message")
  func fitTooFar() {
    #expect(
      Model.fittingView([Point(x: 0, y: 0), Point(x: 1e13, y: 0)], map: (80, 38)) == nil)
    let one = Model.fittingView([Point(x: 2, y: 3)], map: (80, 38))
    #expect(one?.contains(Point(x: 2, y: 3)) == true)
    #expect((one?.width ?? 0) > 0)
  }

  @Test("y switches the loss chart to a linear scale and back")
  func lossScale() throws {
    let model = try raced()
    let (linear, _) = Fixture.send([Fixture.key("y")], to: model)
    #expect(linear.pictureChoices.lossScale == .linear)
    #expect(Fixture.screen(linear).contains("(linear) vs step"))
    #expect(view(linear).lines.last?.contains("loss chart: linear scale") == true)
    let (log, _) = Fixture.send([Fixture.key("y")], to: linear)
    #expect(Array(view(log).lines.dropLast()) == Array(view(model).lines.dropLast()))
  }
}
