import App
import OptimKit
import Testing

@Suite("Input line: e for an expression, s for a start point")
struct InputLineTests {
  @Test("s, typing x,y and Enter restarts the race there")
  func startPoint() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send([.tick, Fixture.key("s"), .key(.control("u"))], to: model)
    #expect(model.input?.purpose == .start)
    #expect(Fixture.screen(model).contains("start x,y = "))
    (model, _) = Fixture.send(Fixture.typing("1.5,-2") + [.key(.enter)], to: model)
    #expect(model.input == nil)
    #expect(model.start == Point(x: 1.5, y: -2))
    #expect(model.race.stepCount == 0)
  }

  @Test("a bad start point keeps the line open with the reason; Esc cancels")
  func badStartPoint() throws {
    var model = try Fixture.model()
    let start = model.start
    (model, _) = Fixture.send(
      [Fixture.key("s")] + Fixture.typing("1;x") + [.key(.enter)], to: model)
    #expect(model.input?.error != nil)
    #expect(model.start == start)
    let error = try #require(model.input?.error)
    #expect(Fixture.screen(model).contains(error))
    (model, _) = Fixture.send([.key(.escape)], to: model)
    #expect(model.input == nil)
    #expect(model.start == start)
  }

  @Test("keys typed into the line are text, not commands")
  func typingIsNotCommands() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(
      [Fixture.key("e"), .key(.control("u"))] + Fixture.typing("q+b"), to: model)
    #expect(model.input?.text == "q+b")
    #expect(model.race.racers[0].optimizer.hyperparameters.learningRate == 0.01)
    (model, _) = Fixture.send([.key(.backspace)], to: model)
    #expect(model.input?.text == "q+")
  }

  @Test("e, an expression and Enter race on the new function from the same start")
  func expression() throws {
    var model = try Fixture.model()
    let start = model.start
    (model, _) = Fixture.send(
      [.tick, Fixture.key("e"), .key(.control("u"))] + Fixture.typing("x^2 + 3*y^2")
        + [.key(.enter)], to: model)
    #expect(model.input == nil)
    #expect(model.function.formula == "x^2 + 3*y^2")
    #expect(model.start == start)
    #expect(model.race.stepCount == 0)
    let value = model.race.objective.value(at: Point(x: 1, y: 2))
    #expect(value == 13)
  }

  @Test("a bad expression shows the parser's message inline and keeps the old function")
  func badExpression() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(
      [Fixture.key("e")] + Fixture.typing("x^2 +* y") + [.key(.enter)], to: model)
    #expect(model.function.name == "himmelblau")
    let error = try #require(model.input?.error)
    #expect(!error.isEmpty)
    #expect(Fixture.screen(model).contains(String(error.prefix(20))))
  }
}
