import OptimKit
import Testing

@testable import Plot

/// Quadrant and sextant cells: the best two-colour split of each cell's samples.
@Suite struct BlockCellsTests {
  private let view = ViewBox(xMin: 0, xMax: 1, yMin: 0, yMax: 1)

  private func heatmap(_ rows: [[Double]], width: Int, height: Int, mode: HeatmapMode) -> Heatmap {
    let key = HeatmapKey(
      function: "hand", view: view, width: width, height: height, mode: mode,
      colorDepth: .full256)
    return Heatmap(
      samples: rows.flatMap { $0 },
      levels: LevelSet(levels: [2, 5, 10, 50], minimum: 1, maximum: 100),
      key: key, theme: .standard)
  }

  @Test("quadrants: each cell the glyph of its smaller group, in front of the larger one's colour")
  func quadrants() {
    // Four cells of 2 × 2 samples: one high corner, a high left half, a diagonal, all low.
    let map = heatmap(
      [
        [1, 1, 100, 1, 100, 1, 1, 1],
        [1, 100, 100, 1, 1, 100, 1, 1],
      ], width: 4, height: 1, mode: .quadrants)
    #expect(map.cells.lines == ["▗▌▚ "])
    let low = map.cells[3, 0].background
    let high = map.cells[0, 0].foreground
    #expect(low != high)
    for column in 0..<3 {
      #expect(map.cells[column, 0].foreground == high)
      #expect(map.cells[column, 0].background == low)
    }
    #expect(map.samples.count == 16)
    #expect(map.band(column: 1, row: 1) == 4)
    #expect(map.band(column: 0, row: 1) == 0)
  }

  @Test("sextants: 2 × 3 samples a cell, the Unicode 13 glyph of the samples in front")
  func sextants() {
    let map = heatmap(
      [
        [1, 1, 100, 1],
        [1, 1, 1, 100],
        [100, 100, 1, 1],
      ], width: 2, height: 1, mode: .sextants)
    // The lower pair (sextants 5 and 6) in front; sextants 1 and 4 in front.
    #expect(map.cells.lines == ["\u{1FB2D}\u{1FB08}"])
    #expect(map.cells[0, 0].foreground == map.cells[1, 0].foreground)
    #expect(map.cells[0, 0].background == map.cells[1, 0].background)
  }

  @Test("every sextant mask has its own glyph: 60 sextants, the halves, the full block, a space")
  func sextantGlyphs() {
    let glyphs = (0..<64).map(BlockCells.sextantGlyph)
    #expect(Set(glyphs).count == 64)
    #expect(glyphs[1] == "\u{1FB00}")
    #expect(glyphs[62] == "\u{1FB3B}")
    #expect(glyphs[21] == "▌" && glyphs[42] == "▐" && glyphs[63] == "█" && glyphs[0] == " ")
    #expect(glyphs.allSatisfy { $0 == " " || BlockCells.isBlock($0) })
    #expect(BlockCells.splits(count: 4).count == 8)
    #expect(BlockCells.splits(count: 6).count == 32)
  }

  @Test("without colour, quadrants fall back to the glyph ramp, one sample a cell")
  func quadrantsWithoutColour() {
    let key = HeatmapKey(
      function: "hand", view: view, width: 2, height: 1, mode: .quadrants, colorDepth: .none)
    let map = Heatmap(
      samples: [1, 1, 100, 100, 1, 1, 100, 100],
      levels: LevelSet(levels: [2, 5, 10, 50], minimum: 1, maximum: 100), key: key, theme: .standard
    )
    let lines = map.cells.lines
    #expect(lines[0].count == 2)
    #expect(lines[0].first != lines[0].last)
  }
}
