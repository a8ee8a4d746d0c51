import OptimKit
import Testing

@testable import Plot

@Suite struct HeatmapTests {
  @Test func samplesAreAtCellCentresWithRowZeroAtTheTop() {
    let points = Heatmap.samplePoints(
      view: ViewBox(xMin: 0, xMax: 4, yMin: 0, yMax: 2), columns: 2, rows: 2)
    #expect(
      points == [
        Point(x: 1, y: 1.5), Point(x: 3, y: 1.5), Point(x: 1, y: 0.5), Point(x: 3, y: 0.5),
      ])
    #expect(
      Heatmap.samplePoints(view: ViewBox(xMin: 0, xMax: 1, yMin: 0, yMax: 1), columns: 0, rows: 3)
        .isEmpty)
  }

  @Test func halfBlocksSampleTwiceAsManyRows() {
    let key = HeatmapKey(
      function: "y", view: ViewBox(xMin: 0, xMax: 1, yMin: 0, yMax: 4), width: 1, height: 2,
      mode: .halfBlocks)
    var theme = Theme.standard
    theme.contourColor = .none  // no contour lines over the half blocks
    let heatmap = Heatmap(objective: FunctionObjective { _, y in y }, key: key, theme: theme)
    #expect(heatmap.samples == [3.5, 2.5, 1.5, 0.5])
    #expect(heatmap.cells.lines == ["▀", "▀"])
    // Upper half brighter than lower half: the foreground is the upper sample.
    let top = heatmap.cells[0, 0]
    #expect(top.foreground != top.background)
    #expect(
      heatmap.cells[0, 1].foreground
        == Theme.standard.fillColor(
          shade: heatmap.levels.shade(ofBand: heatmap.band(column: 0, row: 2) ?? -1)))
  }

  @Test func bandsGrowWithTheFunction() throws {
    let key = HeatmapKey(
      function: "x", view: ViewBox(xMin: 0, xMax: 8, yMin: 0, yMax: 1), width: 8, height: 1,
      mode: .cells)
    let heatmap = Heatmap(objective: FunctionObjective { x, _ in x }, key: key, theme: .standard)
    let bands = (0..<8).compactMap { heatmap.band(column: $0, row: 0) }
    #expect(bands.count == 8)
    #expect(bands == bands.sorted())
    #expect(try #require(bands.first) < (bands.last ?? 0))
  }

  /// f = x on 6 × 2 cells of [0, 6] × [0, 1]: samples 0.5 … 5.5 in every row.
  @Test func cellsShowFillAndContourLines() {
    let samples = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5]
    let levels = LevelSet(samples: samples + samples)
    let key = HeatmapKey(
      function: "x", view: ViewBox(xMin: 0, xMax: 6, yMin: 0, yMax: 1), width: 6, height: 2,
      mode: .cells)
    let heatmap = Heatmap(samples: samples + samples, key: key, theme: SnapshotTheme.theme)
    // Every sample sits in its own band, each a single cell wide, so no band is two cells
    // thick and only fill glyphs show.
    let bands = samples.compactMap { levels.band(of: $0) }
    #expect(Set(bands).count == 6)
    let glyphs = bands.map { SnapshotTheme.theme.fillGlyph(shade: levels.shade(ofBand: $0)) }
    #expect(heatmap.cells.lines == [String(glyphs), String(glyphs)])
  }

  /// f at the braille dot centres of a `width` × `height`-cell map of `view`.
  private func dotSamples(
    _ view: ViewBox, width: Int, height: Int, _ function: (Double, Double) -> Double
  ) -> [Double] {
    ContourLines.samplePoints(view: view, width: width, height: height).map {
      function($0.x, $0.y)
    }
  }

  @Test func aContourLineIsAColumnOfBrailleDotsWhereTheLevelIsCrossed() {
    // f steps from 1 to 9 at x = 3; the level 5 is crossed halfway between the dot
    // centres at x = 2.75 and 3.25, on the left dot column of the fourth cell.
    let row: [Double] = [1, 1, 1, 9, 9, 9]
    let view = ViewBox(xMin: 0, xMax: 6, yMin: 0, yMax: 2)
    let key = HeatmapKey(function: "step", view: view, width: 6, height: 2, mode: .cells)
    let levels = LevelSet(levels: [5], minimum: 1, maximum: 9)
    let heatmap = Heatmap(
      samples: row + row,
      dotSamples: dotSamples(view, width: 6, height: 2) { x, _ in x < 3 ? 1 : 9 },
      levels: levels, key: key, theme: SnapshotTheme.theme)
    let low = SnapshotTheme.theme.fillGlyph(shade: levels.shade(ofBand: 0))
    let high = SnapshotTheme.theme.fillGlyph(shade: levels.shade(ofBand: 1))
    let expected = "\(low)\(low)\(low)⡇\(high)\(high)"
    #expect(heatmap.cells.lines == [expected, expected])
  }

  @Test func aLevelOfAFunctionOfYIsARowOfDots() {
    // f = 9 above y = 3 and 1 below: the level 5 runs along the top dots of the third row.
    let samples: [Double] = [9, 9, 9, 9, 1, 1, 1, 1, 1, 1]
    let view = ViewBox(xMin: 0, xMax: 2, yMin: 0, yMax: 5)
    let key = HeatmapKey(function: "y", view: view, width: 2, height: 5, mode: .cells)
    let levels = LevelSet(levels: [5], minimum: 1, maximum: 9)
    let heatmap = Heatmap(
      samples: samples, dotSamples: dotSamples(view, width: 2, height: 5) { _, y in y > 3 ? 9 : 1 },
      levels: levels, key: key, theme: SnapshotTheme.theme)
    let low = SnapshotTheme.theme.fillGlyph(shade: levels.shade(ofBand: 0))
    let high = SnapshotTheme.theme.fillGlyph(shade: levels.shade(ofBand: 1))
    #expect(
      heatmap.cells.lines == [
        "\(high)\(high)", "\(high)\(high)", "⠉⠉", "\(low)\(low)", "\(low)\(low)",
      ])
  }

  @Test func withoutDotSamplesThereAreNoContourLines() {
    let samples: [Double] = [9, 9, 9, 9, 1, 1, 1, 1, 1, 1]
    let key = HeatmapKey(
      function: "y", view: ViewBox(xMin: 0, xMax: 2, yMin: 0, yMax: 5), width: 2, height: 5,
      mode: .cells)
    let heatmap = Heatmap(samples: samples, key: key, theme: SnapshotTheme.theme)
    #expect(heatmap.contours == nil)
    #expect(heatmap.cells.lines.allSatisfy { !$0.unicodeScalars.contains { $0.value >= 0x2800 } })
  }

  @Test func undefinedSamplesHaveTheirOwnLook() {
    let key = HeatmapKey(
      function: "sqrt", view: ViewBox(xMin: -1, xMax: 1, yMin: 0, yMax: 1), width: 2, height: 1,
      mode: .cells)
    let heatmap = Heatmap(
      objective: FunctionObjective { x, _ in x >= 0 ? x.squareRoot() : .nan }, key: key,
      theme: SnapshotTheme.theme)
    #expect(heatmap.cells[0, 0].character == "?")
    #expect(heatmap.cells[0, 0].foreground == SnapshotTheme.theme.undefinedColor)
    #expect(heatmap.cells[1, 0].character != "?")
  }

  @Test func cacheRecomputesOnlyWhenTheKeyChanges() {
    var picture = Picture(
      title: "Sphere", formula: "x² + y²", function: "sphere",
      objective: FunctionObjective { x, y in x * x + y * y },
      view: ViewBox(xMin: -1, xMax: 1, yMin: -1, yMax: 1))
    var cache = HeatmapCache()
    cache.prepare(&picture, width: 80, height: 24, theme: .standard)
    cache.prepare(&picture, width: 80, height: 24, theme: .standard)
    picture.step = 5
    cache.prepare(&picture, width: 80, height: 24, theme: .standard)
    #expect(cache.computations == 1)
    cache.prepare(&picture, width: 100, height: 30, theme: .standard)
    #expect(cache.computations == 2)
    picture.view = ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2)
    cache.prepare(&picture, width: 100, height: 30, theme: .standard)
    #expect(cache.computations == 3)
    let plan = picture.plan(width: 100, height: 30)
    #expect(picture.heatmap?.key == picture.heatmapKey(for: plan))
  }
}
