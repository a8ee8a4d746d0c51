import OptimKit
import Testing

@testable import Plot

/// In the narrow two-row legend (80×24), an optimizer whose evaluations differ from its
/// steps (LBFGS) keeps its evaluation count when "#steps·evals" does not fit.
@Suite struct LegendEvaluationsTests {
  @Test func narrowLegendKeepsLBFGSEvaluations() {
    var lbfgs = RacerDrawing(
      label: "lbfgs", styleIndex: 0, trail: [Point(x: 0, y: 0)], hyperparameterSummary: "lr=1",
      step: 20, value: 1.88e-10, gradientNorm: 3e-4)
    lbfgs.evaluations = 70
    var adam = RacerDrawing(
      label: "adam", styleIndex: 1, trail: [Point(x: 0, y: 0)], hyperparameterSummary: "lr=0.001",
      step: 20, value: 9.12, gradientNorm: 30)
    adam.evaluations = 20
    var canvas = Canvas(width: 28, height: 5)
    LegendPanel(
      racers: [lbfgs, adam], view: ViewBox(xMin: -1, xMax: 1, yMin: -1, yMax: 1),
      theme: SnapshotTheme.theme, usesASCII: false
    )
    .draw(into: &canvas, area: Region(x: 0, y: 0, width: 28, height: 5))
    #expect(
      canvas.lines == [
        "optimizers                  ",
        "1● lbfgs lr=1               ",
        "  f 1.88e-10  70ev  running ",
        "2■ adam lr=0.001            ",
        "  f 9.12e+00  #20  running  ",
      ])
  }
}
