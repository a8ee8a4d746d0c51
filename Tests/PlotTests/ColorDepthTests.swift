import OptimKit
import Testing

@testable import Plot

/// How the picture degrades with the terminal: 256, 16, 8 colours or none.
@Suite struct ColorDepthTests {
  /// A theme with two-colour 8-colour and 16-colour ramps and a four-colour 256 ramp.
  private var theme: Theme {
    var theme = Theme.standard
    theme.colorRamp = ColorRamp(full256: [17, 24, 30, 36], sixteen: [4, 4, 6, 6], eight: [4, 2])
    theme.contourGlyphs = .ascii
    theme.contourColor = .lighter(9)
    return theme
  }

  /// f = x over 8 × 3 cells of [0, 8] × [0, 3] with levels 1.5, 2.5, 3.5: four bands,
  /// each two cells wide, shaded 0, 0.30, 0.80 and 1 on the log scale.
  ///
  /// With `contours`, f is also given at the dot centres (f = 1 + ⌊x/2⌋, the same
  /// steps), so the level lines are traced: each crosses at x = 2, 4, 6, on the
  /// left dot column of cells 2, 4 and 6.
  private func heatmap(
    depth: ColorDepth, theme: Theme, ascii: Bool = false, contours: Bool = false
  ) -> Heatmap {
    let row: [Double] = [1, 1, 2, 2, 3, 3, 4, 4]
    let view = ViewBox(xMin: 0, xMax: 8, yMin: 0, yMax: 3)
    let key = HeatmapKey(
      function: "x", view: view, width: 8, height: 3, mode: .cells, colorDepth: depth,
      usesASCII: ascii)
    let levels = LevelSet(levels: [1.5, 2.5, 3.5], minimum: 1, maximum: 4)
    let dots =
      contours
      ? ContourLines.samplePoints(view: view, width: 8, height: 3).map {
        1 + ($0.x / 2).rounded(.down)
      } : nil
    return Heatmap(
      samples: row + row + row, dotSamples: dots, levels: levels, key: key, theme: theme)
  }

  @Test("basins tint a half-block map whole: each computed cell one colour, not two samples")
  func basinsTintHalfBlocksWhole() {
    let key = HeatmapKey(
      function: "x", view: ViewBox(xMin: 0, xMax: 8, yMin: 0, yMax: 3), width: 8, height: 3,
      mode: .halfBlocks, colorDepth: .truecolor)
    let samples = (0..<48).map { Double($0 % 8 + $0 / 8) }
    let map = Heatmap(samples: samples, key: key, theme: .standard)
    #expect((0..<8).allSatisfy { map.cells[$0, 1].foreground != map.cells[$0, 1].background })
    let region = Region(x: 0, y: 0, width: 8, height: 3)
    let projection = MapProjection(
      view: ViewBox(xMin: 0, xMax: 8, yMin: 0, yMax: 3), region: region)
    let basins = BasinDrawing(
      racerIndex: 0, label: "a", minima: [], columns: 8, rows: 3,
      outcomes: Array(repeating: .minimum(0), count: 24), progress: 1)
    var canvas = Canvas(width: 8, height: 3)
    MapPainter(projection: projection, theme: .standard, usesASCII: false).paint(
      into: &canvas, heatmap: map, racers: [], start: nil, minima: [], basins: basins)
    let tint = BasinDrawing.tint(minimum: 0)
    for row in 0..<3 {
      for column in 0..<8 {
        #expect(canvas[column, row].background == tint)
        #expect(canvas[column, row].glyph != "▀" || canvas[column, row].foreground == tint)
      }
    }
  }

  @Test func eachDepthTakesItsOwnFallback() throws {
    let theme = try ThemeFile.parse("text = 196/9/3", file: "t", name: "t")
    #expect(theme.text.index(at: .full256) == 196)
    #expect(theme.text.index(at: .sixteen) == 9)
    #expect(theme.text.index(at: .eight) == 3)
    #expect(theme.text.index(at: .none) == nil)
    let ramp = ColorRamp(full256: [17, 18, 19, 20, 21], sixteen: [0, 4, 12], eight: [0, 4])
    let top = ramp.color(shade: 1)
    #expect([top.index256, top.index16, top.index8] == [21, 12, 4])
    let middle = ramp.color(shade: 0.5)
    #expect([middle.index256, middle.index16, middle.index8] == [19, 4, 4])
  }

  @Test func ansiOutputUsesTheDepthsCodes() {
    var canvas = Canvas(width: 1, height: 1)
    canvas[0, 0] = Cell("x", foreground: .xterm(196, 9, 3), background: .xterm(17, 12, 4))
    #expect(TextEncoder.ansi(canvas, depth: .full256) == "\u{1B}[0;38;5;196;48;5;17mx\u{1B}[0m\n")
    #expect(TextEncoder.ansi(canvas, depth: .sixteen) == "\u{1B}[0;91;104mx\u{1B}[0m\n")
    #expect(TextEncoder.ansi(canvas, depth: .eight) == "\u{1B}[0;33;44mx\u{1B}[0m\n")
  }

  @Test func withColourBandsAreBackgroundsWithoutGlyphs() {
    let map = heatmap(depth: .full256, theme: theme)
    // Four distinct colours at 256: no two neighbouring bands look alike, so no lines.
    #expect(map.cells.lines == Array(repeating: "        ", count: 3))
    let backgrounds = (0..<8).map { map.cells[$0, 1].background.index256 }
    #expect(backgrounds == [17, 17, 24, 24, 30, 30, 36, 36])
  }

  @Test func everyLevelIsALineOfDotsInALighterShadeOfTheBandAbove() {
    // At every depth the levels are lines of dots, whether or not the colours of
    // the bands on their two sides differ there. Three lines would take 3 of the
    // 8 columns, more than 30% of the map: every second level (1.5 and 3.5) is drawn.
    for depth in [ColorDepth.full256, .sixteen, .eight] {
      let map = heatmap(depth: depth, theme: theme, contours: true)
      #expect(map.cells.lines == Array(repeating: "  ⡇   ⡇ ", count: 3), "\(depth)")
      #expect(map.contours?.drawnLevels == [0, 2])
    }
    // The line is a lighter shade of the band above it, so it is seen but quiet;
    // behind it the map keeps its own colour.
    let map = heatmap(depth: .sixteen, theme: theme, contours: true)
    let line = map.cells[2, 1]
    #expect(line.background.index16 == 4)
    #expect(line.foreground == theme.contourColor.color(over: theme.fillColor(shade: 0.30)))
    #expect(line.foreground.index16 == 12)
  }

  @Test func withoutColourTheGlyphRampCarriesThePicture() {
    var mono = theme
    mono.fillGlyphs = Array(" .:#")
    let map = heatmap(depth: .none, theme: mono)
    #expect(map.cells.lines[1] == "  ..::##")
    #expect((0..<8).allSatisfy { map.cells[$0, 1].background.isTerminalDefault })
    mono.drawsMonochromeContours = true
    #expect(heatmap(depth: .none, theme: mono, contours: true).cells.lines[1] == "  ⡇.::⡇#")
    // A theme without a ramp draws glyphs even on a colour terminal.
    mono.drawsMonochromeContours = false
    mono.colorRamp = .none
    #expect(heatmap(depth: .full256, theme: mono).cells.lines[1] == "  ..::##")
  }

  @Test func asciiHeatmapUsesTheASCIIRamp() {
    var mono = theme
    mono.fillGlyphs = Array(" ░▒▓")
    mono.asciiFillGlyphs = Array(" .o@")
    #expect(heatmap(depth: .none, theme: mono, ascii: true).cells.lines[1] == "  ..oo@@")
    #expect(heatmap(depth: .none, theme: mono).cells.lines[1] == "  ░░▒▒▓▓")
  }

  @Test func derivedShadesGoTheAskedWay() {
    let band = Color.xterm(30, 6, 6)
    let lighter = DerivedColor.lighter(9).color(over: band)
    let darker = DerivedColor.darker(9).color(over: band)
    let shadow = DerivedColor.darker(30).color(over: band)
    func lightness(_ color: Color?) -> Double {
      XtermPalette.lab(color?.index256 ?? 0).lightness
    }
    let base = XtermPalette.lab(30).lightness
    #expect(lightness(lighter) > base)
    #expect(lightness(darker) < base)
    #expect(lightness(shadow) < lightness(darker))
    // 16 colours: the bright or normal twin; 8: the next basic colour in lightness.
    #expect(lighter?.index16 == 14)
    #expect(lighter?.index8 == 3)
    #expect(darker?.index8 == 2)
    // A strong darker shade is a shadow: black where only basic colours exist.
    #expect(shadow?.index16 == 0)
    #expect(shadow?.index8 == 0)
    #expect(DerivedColor.none.color(over: band) == nil)
    // White cannot get lighter: the shade goes the other way rather than vanish.
    let white = DerivedColor.lighter(9).color(over: .xterm(231, 15, 7))
    #expect(white?.index256 != 231)
    #expect(white?.index16 == 7)
    #expect(white?.index8 == 3)
  }

  /// Trails sit on the map's own colour (the map stays visible under the race);
  /// markers and positions keep the theme's shadow, which sets their glyphs off.
  @Test func shadowSitsBehindMarkersButNotTrailsOnColour() {
    var shadowed = theme
    shadowed.shadow = .darker(30)
    let region = Region(x: 0, y: 0, width: 8, height: 3)
    let projection = MapProjection(
      view: ViewBox(xMin: 0, xMax: 8, yMin: 0, yMax: 3), region: region)
    let map = heatmap(depth: .full256, theme: shadowed)
    var canvas = Canvas(width: 8, height: 3)
    let racer = RacerDrawing(
      label: "a", styleIndex: 0, trail: [Point(x: 0.5, y: 1.5), Point(x: 7.5, y: 1.5)])
    MapPainter(projection: projection, theme: shadowed, usesASCII: false).paint(
      into: &canvas, heatmap: map, racers: [(index: 0, racer: racer)], start: Point(x: 0.5, y: 1.5),
      minima: [])
    for column in 0..<8 {
      let band = map.cells[column, 1].background
      let shadow = DerivedColor.darker(30).color(over: band)
      // The start marker (column 0) and the racer's glyph (column 7) keep the shadow.
      #expect(
        canvas[column, 1].background == (column == 0 || column == 7 ? shadow : band),
        "column \(column)")
      #expect(canvas[column, 0].background == band)
    }
    #expect(canvas[0, 1].character == shadowed.start.glyph)
    #expect((1..<7).allSatisfy { canvas[$0, 1].character != " " })
  }
}
