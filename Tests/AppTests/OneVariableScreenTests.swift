import App
import OptimKit
import Plot
import Testing

/// The one-variable mode on screen and through the keys: the curve f(x) drawn whole, the
/// racers on it, and what each key does (or says it does not do) for a function of x alone.
@Suite("One variable")
struct OneVariableScreenTests {
  /// The root-finding lab (scenes/05-root-finding.txt): gd at lr 1e-3 and 1e-5 from −10.
  static let lab = SceneOptions(
    function: "quadratic-squared", start: "-10", optimizers: ["sgd:lr=0.001", "sgd:lr=1e-5"],
    view: "-11, 11")

  private func lab(width: Int, height: Int, ticks: Int) throws -> Model {
    ExploreFixture.ticks(
      ticks, to: try ExploreFixture.model(Self.lab, width: width, height: height))
  }

  @Test("the lab's curve, racers and loss chart at 80×24")
  func lab80x24() throws {
    ScreenExpectation.expect(
      view(try lab(width: 80, height: 24, ticks: 40)), matchesFile: "curve-lab-80x24")
  }

  @Test("the lab's curve at 120×40")
  func lab120x40() throws {
    ScreenExpectation.expect(
      view(try lab(width: 120, height: 40, ticks: 40)), matchesFile: "curve-lab-120x40")
  }

  @Test("the double well with the default field, zoomed in once, at 100×30")
  func doubleWellZoomed() throws {
    var model = try ExploreFixture.model(
      SceneOptions(function: "double-well"), width: 100, height: 30)
    (model, _) = Fixture.send([Fixture.key("z")] + Array(repeating: .tick, count: 25), to: model)
    ScreenExpectation.expect(view(model), matchesFile: "curve-double-well-100x30")
  }

  @Test func racersStayOnTheLineYEqualsZero() throws {
    let model = try lab(width: 80, height: 24, ticks: 40)
    #expect(model.function.isOneVariable)
    #expect(model.race.racers.allSatisfy { $0.position.y == 0 && $0.stepCount == 40 })
    #expect(model.race.racers.allSatisfy { $0.spec.shape == .single })
  }

  @Test func keysThatDoNotApplySayWhy() throws {
    let model = try lab(width: 80, height: 24, ticks: 1)
    let (panned, _) = Fixture.send([.key(.up)], to: model)
    #expect(panned.view == model.view)
    #expect(panned.message?.text.hasPrefix("f(x): ↑ ↓ do not pan") == true)
    let (basins, _) = Fixture.send([Fixture.key("a")], to: model)
    #expect(basins.message?.isError == true)
    #expect(!basins.isBasinsShown)
  }

  @Test func zoomAndPanMoveXOnly() throws {
    let model = try lab(width: 80, height: 24, ticks: 1)
    let (zoomed, _) = Fixture.send([Fixture.key("z"), .key(.right)], to: model)
    #expect(zoomed.view.width < model.view.width)
    #expect(zoomed.view.xMin > model.view.xMin)
    #expect(zoomed.view.yMin == -1 && zoomed.view.yMax == 1)
  }

  @Test func aTypedStartIsOneNumber() throws {
    var model = try lab(width: 80, height: 24, ticks: 5)
    (model, _) = Fixture.send([Fixture.key("s")], to: model)
    #expect(model.input?.text == "-10", "the current start, x alone")
    (model, _) = Fixture.send([.key(.control("u"))] + Fixture.typing("1,2"), to: model)
    #expect(ExploreFixture.lines(model).last?.contains("start x = 1,2") == true)
    (model, _) = Fixture.send([.key(.enter)], to: model)
    #expect(model.input?.error?.contains("one variable") == true)
    (model, _) = Fixture.send(
      [.key(.control("u"))] + Fixture.typing("10") + [.key(.enter)], to: model)
    #expect(model.input == nil)
    #expect(model.race.start == Point(x: 10, y: 0))
  }

  @Test func aTypedExpressionMustBeInXAlone() throws {
    var model = try lab(width: 80, height: 24, ticks: 5)
    (model, _) = Fixture.send(
      [Fixture.key("e"), .key(.control("u"))] + Fixture.typing("x^2 + y") + [.key(.enter)],
      to: model)
    #expect(model.input?.error?.contains("one variable") == true)
    (model, _) = Fixture.send(
      [.key(.control("u"))] + Fixture.typing("x^4 - 2*x^2") + [.key(.enter)], to: model)
    #expect(model.input == nil)
    #expect(model.function.isOneVariable && model.function.formula == "x^4 - 2*x^2")
  }

  @Test func functionKeysStepThroughTheOneVariableCatalog() throws {
    let model = try lab(width: 80, height: 24, ticks: 5)
    let (next, _) = Fixture.send([Fixture.key("f")], to: model)
    #expect(next.function.name == "quartic")
    #expect(next.function.isOneVariable)
    #expect(next.race.start == Point(x: -1, y: 0))
  }

  @Test func aClickRestartsAtTheClickedX() throws {
    let model = try lab(width: 80, height: 24, ticks: 5)
    let map = try #require(model.plan.maps.first)
    let (clicked, _) = Fixture.send(
      [.click(column: map.x + map.width / 2, row: map.y + 2)], to: model)
    #expect(clicked.race.start.y == 0)
    #expect(abs(clicked.race.start.x) < 1)
  }

  @Test func theSceneFileWritesXAndReadsBack() throws {
    let scene = try Self.lab.scene()
    let text = SceneFile(scene: scene).text
    #expect(text.contains("start = -10.0\n"))
    #expect(text.contains("view = -11.0, 11.0\n"))
    let again = try SceneFile(parsing: text, name: "lab").options.scene()
    #expect(again.function.isOneVariable && again.start == scene.start)
    #expect(again.specs == scene.specs)
  }

  @Test(arguments: [
    (SceneOptions(function: "quartic", start: "1,2"), "bad --start '1,2': f(x) has one variable"),
    (SceneOptions(function: "quartic", view: "-1,1,-1,1"), "bad --view '-1,1,-1,1': f(x) has one"),
    (SceneOptions(function: "quartic", view: "1,-1"), "bad --view '1,-1': need finite numbers"),
    (SceneOptions(function: "quartic", optimizers: ["muon"]), "Muon only supports 2D parameters"),
    (
      SceneOptions(function: "quartic", optimizers: ["adafactor:shape=matrix"]),
      "shape=matrix does not apply to a function of one variable"
    ),
    (SceneOptions(expression: "x^2", start: "abc"), "bad --start 'abc': f(x) has one variable"),
  ])
  func badInputIsRefusedInOneLine(_ options: SceneOptions, _ words: String) throws {
    do {
      _ = try options.scene()
      Issue.record("accepted \(options)")
    } catch {
      #expect(error.description.contains(words), "\(error)")
      #expect(!error.description.contains("\n"))
    }
  }

  /// An expression in x alone is a function of one variable, unless a start X,Y or a view
  /// of four numbers asks for the map of (x, y), as such a scene always drew it.
  @Test func anExpressionInXAloneIsOneVariableUnlessThePlaneIsAskedFor() throws {
    #expect(try SceneOptions(expression: "x^2").scene().function.isOneVariable)
    #expect(try SceneOptions(expression: "x^2", start: "2").scene().function.isOneVariable)
    #expect(try !SceneOptions(expression: "x^2", start: "2,1").scene().function.isOneVariable)
    #expect(
      try !SceneOptions(expression: "x^2", view: "-1,1,-1,1").scene().function.isOneVariable)
    #expect(try !SceneOptions(expression: "x^2 + y").scene().function.isOneVariable)
  }
}
