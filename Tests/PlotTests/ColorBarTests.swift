import OptimKit
import Testing

@testable import Plot

/// The colour bar in the map's rightmost column, with a few levels' values.
@Suite struct ColorBarTests {
  /// f = 10^(4·(1 − y)) over 40 × 10 cells of [0, 1] × [0, 1]: f grows upwards on a log scale.
  private func heatmap(
    width: Int = 40, depth: ColorDepth = .full256, mode: HeatmapMode = .halfBlocks
  ) -> Heatmap {
    let key = HeatmapKey(
      function: "decades", view: ViewBox(xMin: 0, xMax: 1, yMin: 0, yMax: 1), width: width,
      height: 10, mode: mode, colorDepth: depth)
    var theme = Theme.standard
    theme.contourColor = .none  // only the bar over the fill
    return Heatmap(
      samples: Array(repeating: 0, count: width * key.sampleRows).enumerated().map { index, _ in
        let row = index / width / (mode == .halfBlocks ? 2 : 1)
        return [1e5, 3e4, 1e4, 3e3, 1e3, 300, 100, 30, 10, 3][row]
      },
      levels: LevelSet(levels: [1, 10, 100, 1000, 10000], minimum: 1, maximum: 1e5), key: key,
      theme: theme)
  }

  @Test func theRightmostColumnRunsThroughTheRampFromTheHighestLevelDown() {
    let map = heatmap()
    for row in 0..<10 {
      let cell = map.cells[39, row]
      #expect(cell.glyph == "▀")
      #expect(cell.foreground == Theme.standard.fillColor(shade: 1 - (Double(2 * row) + 0.5) / 20))
      #expect(cell.background == Theme.standard.fillColor(shade: 1 - (Double(2 * row) + 1.5) / 20))
    }
  }

  /// The map as a frame draws it: the heatmap, then `racers`' trails, then the labels.
  private func painted(_ map: Heatmap, racers: [RacerDrawing] = []) -> Canvas {
    let region = Region(x: 0, y: 0, width: map.key.width, height: map.key.height)
    var canvas = Canvas(width: region.width, height: region.height)
    MapPainter(
      projection: MapProjection(view: map.key.view, region: region), theme: .standard,
      usesASCII: false
    ).paint(
      into: &canvas, heatmap: map, racers: racers.enumerated().map { ($0.offset, $0.element) },
      start: nil, minima: [])
    return canvas
  }

  @Test func levelsAreWrittenAtTheirHeightsLeftOfTheBarOneEveryThreeRows() {
    let map = painted(heatmap(mode: .cells))  // blank fill cells: only the labels have glyphs
    // Five levels a decade apart on the log scale from 1 to 10⁴; ten rows have room
    // for three (one every three rows): the lowest, the middle and the highest, at
    // rows ⌊(1 − shade)·10⌋ = 10 (the last row, 9), 5 and 0.
    let texts = (0..<10).map { row in
      String(map.lines[row].dropFirst(33).prefix(6)).trimmingCharacters(in: " ")
    }
    #expect(texts[0].hasSuffix("1e+04"))
    #expect(texts[5].hasSuffix("1e+02"))
    #expect(texts[9].hasSuffix("1"))
    for row in [1, 2, 3, 4, 6, 7, 8] {
      #expect(map.lines[row].dropFirst(33).prefix(6).allSatisfy { $0 == " " })
    }
  }

  @Test("a trail through a level's value hides the whole value, never leaving part of it")
  func aTrailOverAValueHidesItWhole() {
    let map = heatmap(mode: .cells)
    // A vertical trail at x = 0.85 (column 34) runs through the middle value's cells 34…38.
    let trail = (0...20).map { Point(x: 0.85, y: Double($0) / 20) }
    let racer = RacerDrawing(
      label: "sgd", styleIndex: 0, trail: trail, step: 20, value: 1, lossHistory: [1])
    let plain = painted(map)
    let crossed = painted(map, racers: [racer])
    #expect(plain.lines[5].contains("1e+02"))
    // Row 5 keeps only the trail's dot and the bar: no "e+02" or "+02" is left beside it.
    #expect(!crossed.lines[5].contains("e+"), "\(crossed.lines[5])")
    #expect(crossed.lines[5].dropFirst(35).prefix(4).allSatisfy { $0 == " " })
    // Wherever the trail is not, the map's own cells are back.
    #expect(crossed[36, 5] == map.cells[36, 5])
  }

  @Test func withFullCellsTheBarHasOneShadeACell() {
    let map = heatmap(mode: .cells)
    for row in 0..<10 {
      #expect(map.cells[39, row].glyph == " ")
      #expect(
        map.cells[39, row].background
          == Theme.standard.fillColor(shade: 1 - (Double(row) + 0.5) / 10))
    }
  }

  @Test func aNarrowMapOrOneWithoutColourHasNoBar() {
    #expect(heatmap(width: 39).cells[38, 0] == heatmap(width: 39).cells[0, 0])
    #expect(heatmap(width: 39).colorBarLabels.isEmpty)
    #expect(heatmap(depth: .none).colorBarLabels.isEmpty)
    #expect(painted(heatmap(depth: .none)).lines.allSatisfy { !$0.contains("1e+04") })
    #expect(heatmap().colorBarLabels.map(\.text) == ["1", "1e+02", "1e+04"])
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}
