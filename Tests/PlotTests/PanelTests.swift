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
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 70, height: 3))
    #expect(
      canvas.lines == [
        "   optimizer parameters           step         f      |∇f| status     ",
        "1● adam      lr=0.01 β=0.9,0.999    12  5.00e-01  2.50e-01 running    ",
        "2■ sgd       lr=0.1                  3  1.00e+00  2.00e+00 diverged   ",
      ])
    #expect(canvas[0, 1].character == "1")
    #expect(canvas[1, 1].foreground == SnapshotTheme.theme.racerStyle(0).color)
    #expect(canvas[62, 2].foreground == SnapshotTheme.theme.error)
  }

  @Test func narrowLegendDropsColumns() {
    var canvas = Canvas(width: 36, height: 3)
    LegendPanel(racers: racers, view: view, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 36, height: 3))
    #expect(
      canvas.lines == [
        "   optimizer         f status       ",
        "1● adam       5.00e-01 running      ",
        "2■ sgd        1.00e+00 diverged     ",
      ])
  }

  @Test func legendTwoRowsWhenTallAndNarrow() {
    var canvas = Canvas(width: 40, height: 5)
    LegendPanel(racers: racers, view: view, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 40, height: 5))
    #expect(
      canvas.lines
        == [
          "optimizers                              ",
          "1● adam lr=0.01 β=0.9,0.999             ",
          "  f 5.00e-01  |∇f| 2.50e-01  running    ",
          "2■ sgd lr=0.1                           ",
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
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 20, height: 6))
    let lines = canvas.lines
    #expect(lines[0] == "f − f* (log) vs step")
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

  @Test("the legend numbers the first nine optimizers 1…9, the keys that select them")
  func legendNumbersMatchTheKeys() {
    let many = (0..<10).map { index in
      RacerDrawing(
        label: "o\(index)", styleIndex: index, trail: [Point(x: 0, y: 0)], step: 1, value: 1,
        gradientNorm: 1, lossHistory: [1, 1])
    }
    var canvas = Canvas(width: 36, height: 11)
    LegendPanel(racers: many, view: view, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 36, height: 11))
    #expect(
      canvas.lines == [
        "   optimizer         f status       ",
        "1● o0         1.00e+00 running      ",
        "2■ o1         1.00e+00 running      ",
        "3▲ o2         1.00e+00 running      ",
        "4◆ o3         1.00e+00 running      ",
        "5★ o4         1.00e+00 running      ",
        "6✚ o5         1.00e+00 running      ",
        "7✖ o6         1.00e+00 running      ",
        "8◉ o7         1.00e+00 running      ",
        "9▼ o8         1.00e+00 running      ",
        " ◀ o9         1.00e+00 running      ",
      ])
    // In ASCII the glyphs are the numbers themselves: written once.
    LegendPanel(racers: many, view: view, theme: SnapshotTheme.theme, usesASCII: true)
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 36, height: 11))
    #expect(canvas.lines[1] == " 1 o0         1.00e+00 running      ")
    #expect(canvas.lines[10] == " A o9         1.00e+00 running      ")
  }

  @Test("two rows an optimizer (a tall, narrow legend), and in ASCII: the same numbers 1…9")
  func legendNumbersInTheTwoRowLegend() {
    let many = (0..<10).map { index in
      RacerDrawing(
        label: "o\(index)", styleIndex: index, trail: [Point(x: 0, y: 0)], step: 1, value: 1,
        gradientNorm: 1, lossHistory: [1, 1])
    }
    var canvas = Canvas(width: 30, height: 21)
    LegendPanel(racers: many, view: view, theme: SnapshotTheme.theme, usesASCII: false)
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 30, height: 21))
    let numbered = canvas.lines.filter { !$0.hasPrefix("  f ") }
    #expect(
      numbered == [
        "optimizers                    ",
        "1● o0                         ",
        "2■ o1                         ",
        "3▲ o2                         ",
        "4◆ o3                         ",
        "5★ o4                         ",
        "6✚ o5                         ",
        "7✖ o6                         ",
        "8◉ o7                         ",
        "9▼ o8                         ",
        " ◀ o9                         ",
      ])
    #expect(canvas.lines[2] == "  f 1.00e+00  #1  running     ")
    LegendPanel(racers: many, view: view, theme: SnapshotTheme.theme, usesASCII: true)
      .draw(into: &canvas, area: Region(x: 0, y: 0, width: 30, height: 21))
    #expect(
      canvas.lines.filter { !$0.hasPrefix("  f ") }.map { String($0.prefix(6)) } == [
        "optimi", " 1 o0 ", " 2 o1 ", " 3 o2 ", " 4 o3 ", " 5 o4 ", " 6 o5 ", " 7 o6 ", " 8 o7 ",
        " 9 o8 ", " A o9 ",
      ])
  }

  /// A racer whose history was thinned: `count` points spread over `steps` steps,
  /// f falling a decade every `steps / 10` steps from 1e+02.
  private func thinned(steps: Int, count: Int = 40) -> RacerDrawing {
    let at = (0..<count).map { $0 * steps / (count - 1) }
    var racer = RacerDrawing(
      label: "adam", styleIndex: 0, trail: [Point(x: 0, y: 0)], step: steps, value: 1e-8,
      lossHistory: at.map { Double.power(10, 2 - 10 * Double($0) / Double(steps)) })
    racer.lossSteps = at
    return racer
  }

  @Test("the loss chart at 3,000 steps: decade ticks, the last step on the axis")
  func lossChartAtThreeThousandSteps() {
    var canvas = Canvas(width: 30, height: 10)
    LossPanel(
      racers: [thinned(steps: 3000)], minimumValue: 0, theme: SnapshotTheme.theme, usesASCII: false
    ).draw(into: &canvas, area: Region(x: 0, y: 0, width: 30, height: 10))
    #expect(
      canvas.lines == [
        "f − f* (log scale) vs step    ",
        "1e+02┤⠑⠤⢄┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "     │   ⠑⠤⢄                  ",
        "     │      ⠑⠤⢄               ",
        "     │         ⠑⠤⢄            ",
        "     │            ⠑⠒⢄         ",
        "1e-05┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈⠑⠒⢄┈┈┈┈┈┈",
        "     │                  ⠑⠒⢄   ",
        "1e-08┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈⠑⠒●",
        "     0      1000     step 3000",
      ])
    // The gridlines are faint: the border colour, dimmed, under the lines.
    #expect(canvas[10, 1].foreground == SnapshotTheme.theme.border)
    #expect(canvas[10, 1].attributes == [.dim])
  }

  @Test("the loss chart at 100,000 steps, with f* unknown: an honest title")
  func lossChartAtAHundredThousandSteps() {
    var canvas = Canvas(width: 36, height: 10)
    LossPanel(
      racers: [thinned(steps: 100_000)], minimumValue: nil, theme: SnapshotTheme.theme,
      usesASCII: false
    ).draw(into: &canvas, area: Region(x: 0, y: 0, width: 36, height: 10))
    #expect(
      canvas.lines == [
        "f − 1e-08 (shifted log) vs step     ",
        " 1e+02┤⠑⠒⢄⣀┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "      │    ⠉⠒⠢⣀⡀                    ",
        "      │        ⠈⠑⠢⢄⣀                ",
        "      │             ⠑⠒⠤⣀⡀           ",
        " 1e-05┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈⠈⠒⠢⣀⡀┈┈┈┈┈┈┈",
        "      │                     ⠈⠑⠒⢄⣀   ",
        "      │                          ⠉⠢⡄",
        "≤1e-10┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈●",
        "      0            50000 step 100000",
      ])
  }

  @Test func decadeLabels() {
    #expect(LossPanel.decade(0) == "1")
    #expect(LossPanel.decade(-4) == "1e-04")
    #expect(LossPanel.decade(2) == "1e+02")
    #expect(LossPanel.decade(208) == "1e+208")
  }
}
