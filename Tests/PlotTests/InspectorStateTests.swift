import OptimKit
import Testing

@testable import Plot

/// The inspector lists an optimizer's own state under the shared rows: Rprop's step sizes and
/// previous gradients, ASGD's eta, mu and ax, LBFGS's curvature pairs and evaluations,
/// Adafactor's variances (row and column ones for a 1×2 matrix).
@Suite struct InspectorStateTests {
  /// The panel for `spec` after `steps` steps on x² + 10y² from (1, 1), as lines.
  func panel(
    _ spec: String, steps: Int, width: Int = 44, function: String = "x^2 + 10*y^2",
    start: Point = Point(x: 1, y: 1)
  ) throws -> [String] {
    let objective = try Expression(parsing: function)
    var race = Race(
      objective: objective, start: start, specs: [try OptimizerSpec(parsing: spec)])
    race.step(times: steps)
    let drawing = InspectorDrawing(
      racerIndex: 0, label: race.racers[0].label, inspection: race.racers[0].inspection)
    let panel = InspectorPanel(
      inspector: drawing, styleIndex: 0, theme: .standard, usesASCII: false)
    var canvas = Canvas(width: width, height: panel.preferredHeight)
    panel.draw(into: &canvas, area: Region(x: 0, y: 0, width: width, height: canvas.height))
    return canvas.lines
  }

  /// The rows below the shared six (−∇f … momentum).
  func stateRows(
    _ spec: String, steps: Int, function: String = "x^2 + 10*y^2",
    start: Point = Point(x: 1, y: 1)
  ) throws -> [String] {
    Array(try panel(spec, steps: steps, function: function, start: start).dropFirst(7))
  }

  @Test func rpropShowsStepSizesAndPreviousGradients() throws {
    // Two steps with the gradient's sign kept: each step size 0.01·1.2; prev is the
    // gradient of step 2, (2·0.99, 20·0.99).
    #expect(
      try stateRows("rprop:lr=0.01", steps: 2) == [
        "step size (1.20e-02, 1.20e-02)              ",
        "prev grad (1.98e+00, 1.98e+01)              ",
      ])
  }

  @Test func asgdShowsEtaMuAndTheAveragedPoint() throws {
    // Before t0 the average is the point itself, mu is 1, eta lr/(1 + λ·lr·t)^α.
    let rows = try stateRows("asgd:lr=0.01", steps: 1)
    #expect(
      rows == [
        "eta       1.00e-02                          ",
        "mu        1.00e+00                          ",
        "ax        (9.80e-01, 8.00e-01)              ",
      ])
  }

  @Test func lbfgsShowsCurvaturePairsAndEvaluations() throws {
    let spec = "lbfgs:max_iter=3,history_size=5"
    let rosenbrock = "(1-x)^2 + 100*(y-x^2)^2"
    let start = Point(x: -1.5, y: 2)
    var race = Race(
      objective: try Expression(parsing: rosenbrock), start: start,
      specs: [try OptimizerSpec(parsing: spec)])
    race.step(times: 2)
    let state = race.racers[0].optimizer.lbfgs
    // Two steps on Rosenbrock: curvature pairs formed, more evaluations than steps.
    #expect(state.steps.count > 0)
    #expect(state.evaluationCount > 2)
    let s = NumberFormat.scientific
    let expected = [
      "pairs     \(state.steps.count) of 5", "t         \(s(state.stepLength))",
      "H diag    \(s(state.hessianDiagonal))", "evals     \(state.evaluationCount)",
      "iters     \(state.iterationCount)",
    ].map { $0.padding(toLength: 44, withPad: " ", startingAt: 0) }
    #expect(try stateRows(spec, steps: 2, function: rosenbrock, start: start) == expected)
  }

  @Test func adafactorShowsVarianceOrItsFactors() throws {
    // Step 1: the running means are the first values, g² = (4, 400); factored, the row
    // variance is ‖g‖²/2 = 202.
    #expect(
      try stateRows("adafactor", steps: 1) == ["variance  (4.00e+00, 4.00e+02)              "])
    #expect(
      try stateRows("adafactor:shape=matrix", steps: 1) == [
        "row var   2.02e+02                          ",
        "col var   (4.00e+00, 4.00e+02)              ",
      ])
  }

  @Test func othersAddNothingAndNothingBeforeTheFirstStep() throws {
    #expect(try panel("adam", steps: 3).count == 7)
    #expect(try panel("rprop", steps: 0).count == 7)
  }
}
