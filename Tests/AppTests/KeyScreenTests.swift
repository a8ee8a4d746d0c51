import App
import OptimKit
import Plot
import Testing

/// The key screens of the live program, compared whole with `Screens/*.txt`.
///
/// Each expected screen is the program's own output at a commit where it was
/// looked at and found right; a change that moves a panel, clips a label or
/// overlaps two things shows up here as named cells, where substring checks
/// would still pass. See `ScreenExpectation` for how to review a change.
@Suite("Key screens, whole")
struct KeyScreenTests {
  /// The default field (eight optimizers on Rosenbrock) after `ticks` frames.
  private func defaultRace(width: Int, height: Int, ticks: Int = 30) throws -> Model {
    ExploreFixture.ticks(
      ticks, to: try ExploreFixture.model(SceneOptions(), width: width, height: height))
  }

  @Test("the default race at 80×24")
  func defaultRace80x24() throws {
    ScreenExpectation.expect(
      view(try defaultRace(width: 80, height: 24)), matchesFile: "race-80x24")
  }

  @Test("the default race at 120×40")
  func defaultRace120x40() throws {
    ScreenExpectation.expect(
      view(try defaultRace(width: 120, height: 40)), matchesFile: "race-120x40")
  }

  @Test("the help overlay over the map")
  func help() throws {
    let (model, _) = Fixture.send([Fixture.key("?")], to: try defaultRace(width: 120, height: 40))
    ScreenExpectation.expect(view(model), matchesFile: "help-120x40")
  }

  @Test("the inspector of the selected racer")
  func inspector() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.key(.tab), .key(.tab), Fixture.key("i")], to: model)
    model = ExploreFixture.ticks(12, to: model)
    ScreenExpectation.expect(view(model), matchesFile: "inspector-120x40")
  }

  @Test("the leaderboard in place of the loss chart")
  func leaderboard() throws {
    var model = try defaultRace(width: 120, height: 40, ticks: 60)
    (model, _) = Fixture.send([Fixture.key("L")], to: model)
    ScreenExpectation.expect(view(model), matchesFile: "leaderboard-120x40")
  }

  @Test("the input line while a start point is typed")
  func inputLine() throws {
    var model = try Fixture.model(width: 80, height: 24)
    (model, _) = Fixture.send(
      [Fixture.key("s"), .key(.control("u"))] + Fixture.typing("1.5,-2"), to: model)
    ScreenExpectation.expect(view(model), matchesFile: "input-start-80x24")
  }

  @Test("a bad start point keeps the line open with the reason")
  func inputLineProblem() throws {
    var model = try Fixture.model(width: 80, height: 24)
    (model, _) = Fixture.send(
      [Fixture.key("s"), .key(.control("u"))] + Fixture.typing("1;x") + [.key(.enter)],
      to: model)
    ScreenExpectation.expect(view(model), matchesFile: "input-problem-80x24")
  }

  @Test("the one-line legend at 80×24: numbers, glyphs, lr and f, and + changes lr at once")
  func compactLegend() throws {
    var model = try defaultRace(width: 80, height: 24, ticks: 10)
    let legend = try #require(model.plan.legend)
    func panel() -> Canvas {
      view(model).cropped(x: legend.x, y: legend.y, width: legend.width, height: legend.height)
    }
    ScreenExpectation.expect(
      panel(),
      equals: """
           name        lr        f    
        1● sgd      0.001 5.75e+00 run
        2■ moment… 0.0005 5.35e+00 run
        3▲ nester… 0.0005 5.41e+00 run
        4◆ adagrad      1 5.39e+00 run
        5★ rmsprop   0.02 5.76e+00 run
        6✚ adadel…      5 5.87e+00 run
        7✖ adam       0.1 5.58e+00 run
        8◉ nadam      0.1 5.51e+00 run
        """)
    // A wider number widens the lr column for every row, and the names give way.
    (model, _) = Fixture.send([.key(.tab), Fixture.key("+")], to: model)
    ScreenExpectation.expect(
      panel(),
      equals: """
           name        lr        f    
        1● sgd    0.00141 5.75e+00 run
        2■ momen…  0.0005 5.35e+00 run
        3▲ neste…  0.0005 5.41e+00 run
        4◆ adagr…       1 5.39e+00 run
        5★ rmspr…    0.02 5.76e+00 run
        6✚ adade…       5 5.87e+00 run
        7✖ adam       0.1 5.58e+00 run
        8◉ nadam      0.1 5.51e+00 run
        """)
  }

  @Test("the input line's styles: a bold prompt, the cursor block, a bold reason")
  func inputLineStyles() throws {
    var model = try Fixture.model(width: 60, height: 20)
    (model, _) = Fixture.send(
      [Fixture.key("s"), .key(.control("u"))] + Fixture.typing("1;x") + [.key(.enter)],
      to: model)
    let screen = view(model)
    ScreenExpectation.expect(
      screen.cropped(x: 0, y: screen.height - 1, width: screen.width, height: 1),
      equals: ScreenExpectation.canvas(
        lines: [" start x,y = 1;x   expected two numbers x,y, e.g. -1.5,2"],
        attributes: ["bbbbbbbbbbbbb   r" + String(repeating: "b", count: 39)],
        width: 60),
      comparing: .glyphsAndAttributes)
    // Moving the cursor is editing: the reason gives way to the keys again.
    (model, _) = Fixture.send([.key(.home)], to: model)
    let home = view(model)
    ScreenExpectation.expect(
      home.cropped(x: 0, y: home.height - 1, width: home.width, height: 1),
      equals: ScreenExpectation.canvas(
        lines: [" start x,y = 1;x  Enter restart there, Esc cancel"],
        attributes: ["bbbbbbbbbbbbbr"],
        width: 60),
      comparing: .glyphsAndAttributes)
  }

  @Test("a 20×5 terminal")
  func small() throws {
    ScreenExpectation.expect(view(try defaultRace(width: 20, height: 5)), matchesFile: "race-20x5")
  }

  @Test("a 1×1 terminal, and 0×0")
  func tiny() throws {
    ScreenExpectation.expect(view(try defaultRace(width: 1, height: 1)), equals: "…")
    ScreenExpectation.expect(
      view(try defaultRace(width: 0, height: 0)), equals: Canvas(width: 0, height: 0))
  }
}
