import OptimKit
import Testing

@testable import Plot

@Suite struct PanelTests {
  private let view = ViewBox(xMin: -1, xMax: 1, yMin: -1, yMax: 1)

  private var racers: [RacerDrawing] {
    [
      RacerDrawing(
        label: "adam", styleIndex: 0, trail: [Point(x: 0, y: 0)],
        hyperparameterSummary: "lr=0.01 β=0.9,0.999", step: 12, value: 0.5, gradientNorm: 0.25,
        lossHistory: [100, 10, 1]),
      RacerDrawing(
        label: "sgd", styleIndex: 1, trail: [Point(x: 0.5, y: 0.5)], status: .diverged,
        hyperparameterSummary: "lr=0.1", step: 3, value: 1, gradientNorm: 2,
        lossHistory: [100, 100, 100]),
    ]
  }

  @Test func legendTableRows() {
    var canvas = Canvas(width: 70, height: 3)
    LegendPanel(racers: racers, view: view, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, region: Region(x: 0, y: 0, width: 70, height: 3))
    #expect(
      canvas.lines == [
        "  optimizer parameters            step         f      |∇f| status     ",
        "● adam      lr=0.01 β=0.9,0.999     12  5.00e-01  2.50e-01 running    ",
        "■ sgd       lr=0.1                   3  1.00e+00  2.00e+00 diverged   ",
      ])
    #expect(canvas[0, 1].foreground == SnapshotTheme.theme.racerStyle(0).color)
    #expect(canvas[62, 2].foreground == SnapshotTheme.theme.error)
  }

  @Test func narrowLegendDropsColumns() {
    var canvas = Canvas(width: 36, height: 3)
    LegendPanel(racers: racers, view: view, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, region: Region(x: 0, y: 0, width: 36, height: 3))
    #expect(
      canvas.lines == [
        "  optimizer         f status        ",
        "● adam       5.00e-01 running       ",
        "■ sgd        1.00e+00 diverged      ",
      ])
  }

  @Test func legendTwoRowsWhenTallAndNarrow() {
    var canvas = Canvas(width: 40, height: 5)
    LegendPanel(racers: racers, view: view, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, region: Region(x: 0, y: 0, width: 40, height: 5))
    #expect(
      canvas.lines
        == [
          "optimizers                              ",
          "● adam lr=0.01 β=0.9,0.999              ",
          "  f 5.00e-01  |∇f| 2.50e-01  running    ",
          "■ sgd lr=0.1                            ",
          "  f 1.00e+00  |∇f| 2.00e+00  diverged   ",
        ].map { $0 })
  }

  @Test func legendSaysOutOfView() {
    let racer = RacerDrawing(label: "a", styleIndex: 0, trail: [Point(x: 5, y: 0)])
    let panel = LegendPanel(racers: [racer], view: view, theme: .standard, usesASCII: false)
    #expect(panel.status(of: racer).full == "out of view")
    let inside = RacerDrawing(
      label: "a", styleIndex: 0, trail: [Point(x: 0, y: 0)], status: .converged)
    #expect(panel.status(of: inside).full == "converged")
  }

  @Test func lossPanelAxesAndLineEnds() {
    var canvas = Canvas(width: 20, height: 6)
    LossPanel(racers: racers, minimumValue: 0, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, region: Region(x: 0, y: 0, width: 20, height: 6))
    let lines = canvas.lines
    #expect(lines[0] == "f − f* (log scale) v")
    #expect(lines[1].hasPrefix("1e+02┤"))
    #expect(lines[2].hasPrefix("     │"))
    #expect(lines[4].hasPrefix("    1┤"))
    #expect(lines[5] == "     0        step 2")
    // The flat line of sgd (100 → 1e+02, the top) ends in its glyph at the top right;
    // adam falls from 100 to 1 (the bottom) and ends at the bottom right.
    #expect(canvas[19, 1].character == "■")
    #expect(canvas[19, 4].character == "●")
    #expect(canvas[6, 1].character != " ")
    // sgd's flat line runs along the top row of dots, through every chart cell.
    #expect(lines[1].dropFirst(6).allSatisfy { $0 != " " })
  }

  @Test func decadeLabels() {
    #expect(LossPanel.decade(0) == "1")
    #expect(LossPanel.decade(-4) == "1e-04")
    #expect(LossPanel.decade(2) == "1e+02")
    #expect(LossPanel.decade(208) == "1e+208")
  }
}
