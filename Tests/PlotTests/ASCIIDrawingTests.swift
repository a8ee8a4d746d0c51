import OptimKit
import Testing

@testable import Plot

/// Drawing for terminals without UTF-8: nothing but ASCII may reach the screen.
@Suite struct ASCIIDrawingTests {
  /// A picture full of non-ASCII text: a formula with superscripts, Greek
  /// hyper-parameters, every optimizer, an undefined region.
  private func picture(layout: PictureLayout, racers: Int = 13) -> Picture {
    var picture = Picture(
      title: "Lévi", formula: "√x + y² − π·β", function: "sqrt",
      objective: FunctionObjective { x, y in x >= 0 ? x.squareRoot() + y * y : .nan },
      view: ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2),
      racers: (0..<racers).map { index in
        RacerDrawing(
          label: "opt\(index)", styleIndex: index,
          trail: [
            Point(x: 1.5, y: 1.5), Point(x: 1 - 0.1 * Double(index), y: 0.5),
            Point(x: 0.5, y: -1.8 + 0.2 * Double(index)),
          ],
          hyperparameterSummary: "lr=0.1 β=0.9,0.999 α=0.99 ρ=0.9", step: 2, value: 2,
          gradientNorm: 2, lossHistory: [4.5, 3, 2])
      }, start: Point(x: 1.5, y: 1.5), minima: [.zero], minimumValue: 0, step: 2, layout: layout,
      message: "lr ×√2 → 0.14", usesASCII: true)
    if racers > 1 { picture.racers[1].trail.append(Point(x: 40, y: 9)) }
    return picture
  }

  /// Every scalar of every cell, for the ASCII check.
  private func nonASCII(_ canvas: Canvas) -> [String] {
    canvas.lines.enumerated().flatMap { row, line in
      line.unicodeScalars.filter { $0.value > 0x7F }.map { "row \(row): \($0)" }
    }
  }

  @Test(arguments: PictureLayout.allCases, [ColorDepth.full256, .eight, .none])
  func asciiPictureIsOnlyASCII(layout: PictureLayout, depth: ColorDepth) {
    var picture = picture(layout: layout)
    picture.colorDepth = depth
    for theme in [Theme.standard, SnapshotTheme.theme] {
      for (width, height) in [(120, 40), (80, 24), (40, 12), (30, 8)] {
        let canvas = picture.draw(width: width, height: height, theme: theme)
        #expect(nonASCII(canvas).isEmpty, "\(layout) \(width)×\(height) \(depth)")
      }
    }
  }

  @Test func asciiStatusLineSpellsTheViewOut() {
    let status = picture(layout: .overlay, racers: 1).draw(width: 120, height: 30).lines[0]
    #expect(status.contains("x in [-2, 2] y in [-2, 2] | step 2"))
  }

  @Test func asciiTrailsFollowTheirDirection() {
    var grid = BrailleGrid(width: 4, height: 1)
    grid.drawLine(fromX: 0, fromY: 1, toX: 1, toY: 1, owner: 0)  // across
    grid.drawLine(fromX: 2, fromY: 0, toX: 2, toY: 3, owner: 0)  // down
    grid.drawLine(fromX: 4, fromY: 0, toX: 5, toY: 3, owner: 0)  // steep down-right
    grid.setDot(x: 7, y: 2, owner: 0)  // one dot
    #expect(grid.asciiCharacter(column: 0, row: 0) == "-")
    #expect(grid.asciiCharacter(column: 1, row: 0) == "|")
    #expect(grid.asciiCharacter(column: 2, row: 0) == "\\")
    #expect(grid.asciiCharacter(column: 3, row: 0) == ".")
    var rising = BrailleGrid(width: 1, height: 1)
    rising.drawLine(fromX: 0, fromY: 3, toX: 1, toY: 0, owner: 0)
    #expect(rising.asciiCharacter(column: 0, row: 0) == "/")
    #expect(BrailleGrid(width: 1, height: 1).asciiCharacter(column: 0, row: 0) == nil)
  }

  @Test func fallbackKeepsOneColumnForOneCharacter() {
    #expect(ASCIIFallback.character(for: "─") == "-")
    #expect(ASCIIFallback.character(for: "β") == "b")
    #expect(ASCIIFallback.character(for: "⣿") == ".")
    #expect(ASCIIFallback.character(for: "▓") == "#")
    #expect(ASCIIFallback.character(for: "界") == "?")
    #expect(ASCIIFallback.character(for: "q") == "q")
    var canvas = Canvas(width: 5, height: 1)
    canvas.write("x∈[π]", x: 0, y: 0)
    ASCIIFallback.apply(to: &canvas)
    #expect(canvas.lines == ["x:[p]"])
  }

  @Test func themeBackgroundFillsWhatTheTerminalWouldShow() {
    var light = Theme.standard
    light.background = .xterm(231, 15, 7)
    let canvas = picture(layout: .overlay, racers: 2).draw(width: 80, height: 24, theme: light)
    let plan = picture(layout: .overlay, racers: 2).plan(width: 80, height: 24)
    // Panels and the empty message row take the theme's background; the map keeps its bands.
    #expect(canvas[79, 23].background == light.background)
    if let legend = plan.legend {
      #expect(canvas[legend.x + legend.width - 1, legend.y + 1].background == light.background)
    }
    #expect(canvas.cells.allSatisfy { !$0.background.isTerminalDefault })
  }
}
