import App
import OptimKit
import Testing

/// An optimizer pushed past stability is marked diverged and stops; nothing non-finite reaches the screen.
@Suite("Divergence on screen")
struct DivergenceTests {
  /// Rosenbrock with plain SGD at lr 1 (its curvature is in the thousands)
  /// explodes within a few steps, next to a stable Adam.
  static func model(width: Int, height: Int) throws -> Model {
    let rosenbrock = try #require(TestFunction.named("rosenbrock"))
    let scene = Scene(
      function: FunctionChoice(rosenbrock),
      specs: [try OptimizerSpec(parsing: "sgd:lr=1"), try OptimizerSpec(parsing: "adam:lr=0.05")])
    return Model(scene: scene, width: width, height: height)
  }

  @Test(
    "sgd at lr 1 on Rosenbrock is marked diverged; adam goes on; no nan or inf is drawn",
    arguments: [(120, 40), (80, 24), (200, 60), (40, 12)])
  func divergedOptimizerIsMarkedAndNothingNonFiniteIsDrawn(width: Int, height: Int) throws {
    var model = try Self.model(width: width, height: height)
    (model, _) = Fixture.send(Array(repeating: .tick, count: 60), to: model)
    let sgd = try #require(model.race.racers.first)
    let adam = try #require(model.race.racers.last)
    #expect(sgd.status == .diverged)
    #expect(adam.status != .diverged)
    #expect(adam.stepCount == 60)
    let screen = Fixture.screen(model).lowercased()
    #expect(screen.contains("diverged") || screen.contains("div"))
    for garbage in ["nan", "inf"] {
      #expect(!screen.contains(garbage), "\(width)×\(height) shows \(garbage):\n\(screen)")
    }
  }

  @Test("an lr that makes Adam explode on a steep expression still gives a clean screen")
  func explodingAdamKeepsTheScreenClean() throws {
    let expression = try Expression(parsing: "exp(x^2) + y^2")
    let choice = FunctionChoice(
      expression: expression, view: ViewBox(xMin: -3, xMax: 3, yMin: -3, yMax: 3),
      start: Point(x: 1, y: 1))
    let scene = Scene(function: choice, specs: [try OptimizerSpec(parsing: "adam:lr=1000")])
    var model = Model(scene: scene, width: 100, height: 30)
    (model, _) = Fixture.send(Array(repeating: .tick, count: 30), to: model)
    let screen = Fixture.screen(model).lowercased()
    #expect(!screen.contains("nan"))
    #expect(!screen.contains("inf"))
  }
}
