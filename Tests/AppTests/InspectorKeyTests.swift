import App
import OptimKit
import Plot
import Testing

@Suite("Inspector: i")
struct InspectorKeyTests {
  /// The inspector panel's row that starts with `label`.
  private func row(_ label: String, in model: Model) throws -> String {
    let lines = ExploreFixture.lines(model)
    let heading = try #require(lines.firstIndex { $0.contains("inspect ") })
    let panelColumn = try #require(lines[heading].range(of: "inspect "))
    let start = lines[heading].distance(from: lines[heading].startIndex, to: panelColumn.lowerBound)
    let found = lines[(heading + 1)...].map { String($0.dropFirst(start)) }
      .first { $0.hasPrefix(label) }
    return try #require(found)
  }

  @Test(
    "the panel shows the selected racer's −∇f, update, its length, lr, effective step and momentum")
  func panelMatchesInspection() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.key(.tab), .key(.tab), Fixture.key("i")], to: model)
    model = ExploreFixture.ticks(12, to: model)
    #expect(model.isInspectorShown)
    let state = model.race.racers[1].inspection
    #expect(state.stepLength > 0)
    let s = NumberFormat.scientific
    #expect(try row("−∇f", in: model).contains("\(s(-state.gradient.x)), \(s(-state.gradient.y))"))
    #expect(
      try row("update ", in: model).contains("\(s(state.lastUpdate.x)), \(s(state.lastUpdate.y))"))
    #expect(try row("|update|", in: model).contains(s(state.stepLength)))
    #expect(try row("lr ", in: model).contains("0.1"))
    let effective = try #require(state.optimizer.effectiveStep)
    #expect(try row("eff. step", in: model).contains("\(s(effective.x)), \(s(effective.y))"))
    let momentum = try #require(state.optimizer.momentum)
    #expect(try row("momentum", in: model).contains("\(s(momentum.x)), \(s(momentum.y))"))
  }

  @Test("Adam's effective step is lr/(√v̂ + eps) per coordinate, different for x and y")
  func adaptiveStep() throws {
    let model = ExploreFixture.ticks(
      5,
      to: try ExploreFixture.model(
        SceneOptions(function: "ellipse", optimizers: ["adam:lr=0.1"], showsInspector: true)))
    let effective = try #require(model.race.racers[0].inspection.optimizer.effectiveStep)
    #expect(effective.x != effective.y)
    let s = NumberFormat.scientific
    #expect(try row("eff. step", in: model).contains("\(s(effective.x)), \(s(effective.y))"))
  }

  @Test("SGD without momentum says it has no momentum buffer; before a step, no effective step")
  func sgdHasNoMomentum() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.key(.tab), Fixture.key("i")], to: model)
    #expect(try row("eff. step", in: model).contains("no step yet"))
    model = ExploreFixture.ticks(3, to: model)
    #expect(try row("momentum", in: model).contains("none"))
  }

  @Test("the map gains two arrowheads at the racer, and i hides everything again")
  func arrows() throws {
    var model = try ExploreFixture.model(
      SceneOptions(function: "ellipse", start: "1,1", optimizers: ["adam:lr=0.01"]))
    model = ExploreFixture.ticks(3, to: model)
    let arrowheads = Set("→↗↑↖←↙↓↘")
    func count(_ model: Model) -> Int {
      let plan = model.plan
      let map = plan.maps[0]
      return view(model).lines[map.y..<(map.y + map.height)]
        .map { $0.prefix(map.x + map.width).filter { arrowheads.contains($0) }.count }
        .reduce(0, +)
    }
    #expect(count(model) == 0)
    (model, _) = Fixture.send([Fixture.key("i")], to: model)
    #expect(count(model) == 2)
    // Hiding the racer hides its arrows too; showing it brings them back.
    (model, _) = Fixture.send([Fixture.key("1")], to: model)
    #expect(count(model) == 0)
    (model, _) = Fixture.send([Fixture.key("1")], to: model)
    #expect(count(model) == 2)
    (model, _) = Fixture.send([Fixture.key("i")], to: model)
    #expect(count(model) == 0)
    #expect(!Fixture.screen(model).contains("inspect "))
  }
}
