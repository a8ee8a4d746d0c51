import App
import OptimKit
import Testing

/// Losses at the ends of the range of doubles, as a typed expression can give:
/// found by the key storm (a crash converting an infinite chart position to a cell).
@Suite("Extreme values on screen")
struct ExtremeValueTests {
  /// f = 1e308·x from x = 1: SGD at lr 2e-308 steps to x = −1 (f = −1e308) and then
  /// diverges, so the losses span ±1e308 and f − f* overflows; Adam's squared
  /// gradient overflows, so it stays at f = 1e308 with |∇f| = 1e308.
  static func model(width: Int, height: Int) throws -> Model {
    let expression = try Expression(parsing: "1e308*x")
    let choice = FunctionChoice(
      expression: expression, view: ViewBox(xMin: -3, xMax: 3, yMin: -3, yMax: 3),
      start: Point(x: 1, y: 0))
    let scene = Scene(
      function: choice,
      specs: [try OptimizerSpec(parsing: "adam:lr=1"), try OptimizerSpec(parsing: "sgd:lr=2e-308")])
    return Model(scene: scene, width: width, height: height)
  }

  @Test(
    "a loss history spanning ±1e308 draws without crashing or showing nan or inf",
    arguments: [(120, 40), (80, 24), (200, 60)])
  func lossesSpanningTheWholeRange(width: Int, height: Int) throws {
    var model = try Self.model(width: width, height: height)
    for _ in 0..<4 {
      (model, _) = Fixture.send([.tick], to: model)
      let screen = Fixture.screen(model).lowercased()
      for garbage in ["nan", "inf"] {
        #expect(!screen.contains(garbage), "\(width)×\(height) shows \(garbage):\n\(screen)")
      }
    }
    let values = model.race.racers.flatMap { $0.trail.values }
    #expect(values.contains { $0 <= -1e307 })
    #expect(values.contains { $0 >= 1e307 })
    if width >= 120 {
      #expect(Fixture.screen(model).contains("|∇f| 1.00e+308"))
    }
  }
}
