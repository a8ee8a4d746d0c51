import Plot
import Testing

/// The legend's step cell: steps alone, or steps and evaluations where they differ (LBFGS).
@Suite struct RacerDrawingStepTextTests {
  @Test func showsEvaluationsOnlyWhenTheyDifferFromSteps() {
    var drawing = RacerDrawing(label: "lbfgs", styleIndex: 0, trail: [], step: 3)
    #expect(drawing.stepText == "3")
    drawing.evaluations = 3
    #expect(drawing.stepText == "3")
    drawing.evaluations = 53
    #expect(drawing.stepText == "3·53ev")
  }
}
