import OptimKit
import Testing

@testable import Plot

@Suite struct PictureTests {
  private func sphere(racers: Int, layout: PictureLayout = .overlay) -> Picture {
    Picture(
      title: "Sphere", formula: "x² + y²", function: "sphere",
      objective: FunctionObjective { x, y in x * x + y * y },
      view: ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2),
      racers: (0..<racers).map { index in
        RacerDrawing(
          label: "opt\(index)", styleIndex: index,
          trail: [Point(x: -1.5, y: 1.5), Point(x: -1 + 0.1 * Double(index), y: 1)],
          hyperparameterSummary: "lr=0.1", step: 1, value: 2, gradientNorm: 2,
          lossHistory: [4.5, 2])
      }, start: Point(x: -1.5, y: 1.5), minima: [.zero], minimumValue: 0, step: 1,
      layout: layout)
  }

  @Test(arguments: [(0, 0), (1, 1), (5, 3), (39, 12), (40, 11), (20, 6)])
  func tinyScreensAreTheirSize(width: Int, height: Int) {
    let canvas = sphere(racers: 3).draw(width: width, height: height)
    #expect(canvas.width == width && canvas.height == height)
    #expect(canvas.lines.count == height)
    #expect(canvas.lines.allSatisfy { $0.count == width })
  }

  @Test func tinyScreensAskToBeEnlarged() {
    expectCanvas(sphere(racers: 3).draw(width: 1, height: 1), equals: "…")
    expectCanvas(
      sphere(racers: 3).draw(width: 5, height: 3),
      equals: """
        enla…
        need…

        """)
    expectCanvas(
      sphere(racers: 3).draw(width: 20, height: 6),
      equals: """


        enlarge the terminal
        need ≥ 40×12, have …


        """)
    expectCanvas(
      sphere(racers: 3).draw(width: 40, height: 11),
      equals: """




                  enlarge the terminal
                need ≥ 40×12, have 40×11





        """)
    let narrow = sphere(racers: 3).draw(width: 39, height: 12)
    #expect(narrow.lines[5] == "         enlarge the terminal          ")
    #expect(narrow.lines[6] == "       need ≥ 40×12, have 39×12        ")
    #expect(
      narrow.lines.enumerated().allSatisfy { $0 == 5 || $0 == 6 || $1.allSatisfy { $0 == " " } })
  }

  @Test func smallestUsableScreenIsAFullPicture() {
    expectCanvas(
      sphere(racers: 3).draw(width: 40, height: 12),
      equals: """
         Sphere  x² + y² │ step 1        ? help 
             ○⡀                                 
              ⠉⠙⠓⠲●■▲  ⢀⣀⣀0.67⣀⣀⡀               
                   ⢀⠔⠊⠉⠁⢀⠤0.11⠤⡀⠈⠉⠑⠢⡀           
                   ⠈⠢⢄⣀⡀⠈⠒⠒⠒◇⠒⠒⠁⢀⣀⡠⠔⠁           
                       ⠈⠉⠉⠉⠉⠉⠉⠉⠉⠁               

           optimizer step         f status      
        1● opt0         1  2.00e+00 running     
        2■ opt1         1  2.00e+00 running     
        3▲ opt2         1  2.00e+00 running     

        """)
  }

  @Test func statusLineSaysStepPausedAndShiftedScale() {
    var picture = Picture(
      title: "Saddle", formula: "x²/10 − y²/10", function: "saddle",
      objective: FunctionObjective { x, y in x * x / 10 - y * y / 10 },
      view: ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2), step: 42, isPaused: true)
    let status = picture.draw(width: 120, height: 30).lines[0]
    #expect(
      status.hasPrefix(
        " Saddle  x²/10 − y²/10 │ x∈[-2, 2] y∈[-2, 2] │ step 42 │ shifted log scale │ paused"))
    picture.objective = FunctionObjective { x, y in x * x + y * y + 1 }
    picture.function = "bowl"
    picture.isPaused = false
    let plain = picture.draw(width: 120, height: 30).lines[0]
    #expect(!plain.contains("shifted"))
    #expect(!plain.contains("paused"))
  }

  @Test func messageGoesOnTheBottomLine() {
    var picture = sphere(racers: 1)
    picture.message = "bad expression: unexpected ')'"
    picture.messageIsError = true
    let canvas = picture.draw(width: 60, height: 20)
    #expect(canvas.lines[19].hasPrefix(" bad expression: unexpected ')'"))
    #expect(canvas[1, 19].foreground == Theme.standard.error)
  }

  @Test func overlayOnAWideScreenPutsPanelsBeside() {
    let plan = ScreenPlan(width: 120, height: 40, layout: .overlay, racerCount: 8, viewAspect: 1)
    #expect(plan.panelsBeside)
    #expect(plan.maps == [Region(x: 0, y: 1, width: 79, height: 38)])
    #expect(plan.legend == Region(x: 80, y: 1, width: 40, height: 17))
    #expect(plan.loss == Region(x: 80, y: 19, width: 40, height: 20))
    #expect(plan.status == Region(x: 0, y: 0, width: 120, height: 1))
    #expect(plan.message == Region(x: 0, y: 39, width: 120, height: 1))
  }

  @Test func aWideViewPutsPanelsBelow() {
    let plan = ScreenPlan(width: 120, height: 40, layout: .overlay, racerCount: 4, viewAspect: 4)
    #expect(!plan.panelsBeside)
    #expect(plan.maps.first?.width == 120)
    let legend = plan.legend ?? Region(x: 0, y: 0, width: 0, height: 0)
    #expect(legend.y == (plan.maps.first.map { $0.y + $0.height } ?? 0))
    #expect(legend.height == 5)
  }

  @Test func splitGivesEveryRacerAnEqualTile() {
    let plan = ScreenPlan(width: 120, height: 40, layout: .split, racerCount: 4, viewAspect: 1)
    #expect(plan.maps.count == 4)
    #expect(plan.mapTitles.count == 4)
    #expect(Set(plan.maps.map(\.width)).count == 1)
    #expect(Set(plan.maps.map(\.height)).count == 1)
    for (index, map) in plan.maps.enumerated() {
      #expect(map.x >= plan.mapArea.x && map.x + map.width <= plan.mapArea.x + plan.mapArea.width)
      #expect(map.y >= plan.mapArea.y && map.y + map.height <= plan.mapArea.y + plan.mapArea.height)
      #expect(plan.mapTitles[index].y == map.y - 1)
      for other in plan.maps[(index + 1)...] {
        let apart =
          map.x + map.width <= other.x || other.x + other.width <= map.x
          || map.y + map.height <= other.y || other.y + other.height <= map.y
        #expect(apart)
      }
    }
  }

  @Test func splitDrawsEachRacerOnItsOwnMap() {
    let picture = sphere(racers: 2, layout: .split)
    let plan = picture.plan(width: 100, height: 30)
    let canvas = picture.draw(width: 100, height: 30)
    #expect(plan.maps.count == 2)
    for (index, map) in plan.maps.enumerated() {
      let glyph = Theme.standard.racerStyle(index).glyph
      let other = Theme.standard.racerStyle(1 - index).glyph
      let cells = (map.y..<(map.y + map.height)).flatMap { row in
        (map.x..<(map.x + map.width)).map { canvas[$0, row].character }
      }
      #expect(cells.contains(glyph))
      #expect(!cells.contains(other))
      #expect(canvas.lines[plan.mapTitles[index].y].contains("opt\(index)"))
    }
  }

  @Test func everyLayoutFillsTheScreenExactly() {
    for layout in PictureLayout.allCases {
      for (width, height) in [(40, 12), (80, 24), (120, 40), (200, 60), (300, 20), (41, 90)] {
        let canvas = sphere(racers: 11, layout: layout).draw(width: width, height: height)
        #expect(canvas.lines.count == height)
        #expect(canvas.lines.allSatisfy { $0.count == width }, "\(layout) \(width)×\(height)")
      }
    }
  }

  @Test func asciiPictureHasOnlyASCIIOnTheMap() {
    var picture = sphere(racers: 3)
    picture.usesASCII = true
    var theme = Theme.standard
    theme.fillGlyphs = [" ", ".", ":", "-", "=", "+", "*", "#"]
    theme.contourGlyphs = Theme.ContourGlyphs(
      horizontal: "-", vertical: "|", rising: "/", falling: "\\")
    theme.undefinedGlyph = "?"
    let canvas = picture.draw(width: 80, height: 24, theme: theme)
    let map = picture.plan(width: 80, height: 24).maps[0]
    for row in map.y..<(map.y + map.height) {
      for column in map.x..<(map.x + map.width) {
        #expect(canvas[column, row].character.isASCII, "(\(column), \(row))")
      }
    }
  }
}
