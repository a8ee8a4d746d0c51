import OptimKit

/// The contour lines of a view's levels, traced by marching squares on the
/// braille dot grid (2 × 4 dots per cell) and kept as braille dots.
///
/// f is sampled at every dot centre, so a line follows a curve eight times
/// more finely than the cells do; crossings of a level are interpolated
/// linearly along the squares' edges and joined by straight dot lines, and
/// neighbouring squares share their edges' crossings exactly, so a level's
/// dots form one unbroken (8-connected) line. Traced once per heatmap: a
/// frame pastes the result with the heatmap's cells.
///
/// A cell with dots shows one colour behind them instead of two samples, so
/// the lines may cover at most `coverage` of the map, and a level whose line
/// would mostly share cells with lines already drawn (steep slopes pack the
/// notebook's twenty levels a dot apart, where they read as a texture, not as
/// lines) is left out: whole lines, so each stays unbroken.
public struct ContourLines: Sendable {
  /// The dots; each cell is owned by the highest level (index into the levels) through it.
  public let grid: BrailleGrid
  /// The indices of the levels drawn, ascending.
  public let drawnLevels: [Int]
  /// The share of the map's cells the lines may cover before levels are left out.
  public static let coverage = 0.35
  /// The share of a level's cells that may already hold another level's line: above
  /// it, the two would merge into one thick line, and the level is left out.
  public static let crowding = 0.2

  /// The order levels are taken in: every fourth from the lowest, then every
  /// second, then the rest, so that a crowded map keeps lines spread over the range.
  static func priority(count: Int) -> [Int] {
    var order: [Int] = []
    for step in [4, 2, 1] {
      for index in stride(from: 0, to: count, by: step) where !order.contains(index) {
        order.append(index)
      }
    }
    return order
  }

  /// The points f is sampled at for a `width` × `height`-cell map: the centres of
  /// its 2·width × 4·height dots, row-major with row 0 at the top.
  public static func samplePoints(view: ViewBox, width: Int, height: Int) -> [Point] {
    Heatmap.samplePoints(view: view, columns: width * 2, rows: height * 4)
  }

  /// Traces `levels` through `samples` (f at the dot centres of a `width` ×
  /// `height`-cell map); squares with an undefined corner are left out.
  public init(samples: [Double], width: Int, height: Int, levels: [Double]) {
    var grid = BrailleGrid(width: width, height: height)
    grid.keepsHighestOwner = true
    let columns = grid.dotWidth
    let rows = grid.dotHeight
    guard samples.count == columns * rows, columns > 1, rows > 1, !levels.isEmpty else {
      self.grid = grid
      self.drawnLevels = []
      return
    }
    // Each level on a grid of its own, to choose which to show by how much they cover.
    var lines = Array(repeating: grid, count: levels.count)
    for row in 0..<(rows - 1) {
      for column in 0..<(columns - 1) {
        let topLeft = samples[row * columns + column]
        let topRight = samples[row * columns + column + 1]
        let bottomLeft = samples[(row + 1) * columns + column]
        let bottomRight = samples[(row + 1) * columns + column + 1]
        guard topLeft.isFinite, topRight.isFinite, bottomLeft.isFinite, bottomRight.isFinite
        else { continue }
        let low = min(topLeft, topRight, bottomLeft, bottomRight)
        let high = max(topLeft, topRight, bottomLeft, bottomRight)
        // Only the levels in [low, high) can cross this square: a corner equal to a
        // level counts as below it (as a band's upper bound belongs to the band).
        var index = Self.firstLevel(atLeast: low, in: levels)
        while index < levels.count, levels[index] < high {
          Self.trace(
            level: levels[index], owner: index, square: (column, row),
            corners: (topLeft, topRight, bottomRight, bottomLeft), into: &lines[index])
          index += 1
        }
      }
    }
    // The levels most apart first (every fourth, then those halfway between, then the
    // rest), each kept while the lines stay within the budget and it does not run
    // into the lines kept before it: as many of the notebook's lines as read as lines.
    let budget = Int(Self.coverage * Double(width * height))
    var chosen: [Int] = []
    for index in Self.priority(count: levels.count) {
      let line = lines[index]
      guard line.drawnCellCount > 0 else { continue }
      var shared = 0
      line.forEachDrawnCell(usesASCII: false) { column, row, _, _ in
        if grid.owner(column: column, row: row) != nil { shared += 1 }
      }
      guard grid.drawnCellCount + line.drawnCellCount - shared <= budget || chosen.isEmpty,
        Double(shared) <= Self.crowding * Double(line.drawnCellCount)
      else { continue }
      grid.add(line)
      chosen.append(index)
    }
    chosen.sort()
    self.grid = grid
    self.drawnLevels = chosen
  }

  /// The index of the first level ≥ value (levels ascending).
  private static func firstLevel(atLeast value: Double, in levels: [Double]) -> Int {
    LevelSet.firstIndex(atLeast: value, in: levels)
  }

  /// Draws the one or two segments of `level` across the square whose top-left
  /// dot is `square`; a saddle (opposite corners on the same side) is split the
  /// way the square's mean value says.
  private static func trace(
    level: Double, owner: Int, square: (column: Int, row: Int),
    corners: (Double, Double, Double, Double), into grid: inout BrailleGrid
  ) {
    let x = Double(square.column) + 0.5
    let y = Double(square.row) + 0.5
    let (a, b, c, d) = corners  // top left, top right, bottom right, bottom left
    /// Where the level crosses the edge from value `p` at `from` to `q` at `to`, if it does.
    func crossing(_ p: Double, _ q: Double, from: (Double, Double), to: (Double, Double)) -> (
      x: Double, y: Double
    )? {
      guard (p > level) != (q > level) else { return nil }
      let t = (level - p) / (q - p)
      return (from.0 + t * (to.0 - from.0), from.1 + t * (to.1 - from.1))
    }
    let top = crossing(a, b, from: (x, y), to: (x + 1, y))
    let right = crossing(b, c, from: (x + 1, y), to: (x + 1, y + 1))
    let bottom = crossing(d, c, from: (x, y + 1), to: (x + 1, y + 1))
    let left = crossing(a, d, from: (x, y), to: (x, y + 1))
    if let top, let right, let bottom, let left {
      let centreIsAbove = (a + b + c + d) / 4 > level
      if centreIsAbove == (a > level) {
        grid.drawSegment(from: top, to: right, owner: owner)
        grid.drawSegment(from: bottom, to: left, owner: owner)
      } else {
        grid.drawSegment(from: left, to: top, owner: owner)
        grid.drawSegment(from: right, to: bottom, owner: owner)
      }
      return
    }
    let ends = [top, right, bottom, left].compactMap { $0 }
    guard ends.count == 2 else { return }
    grid.drawSegment(from: ends[0], to: ends[1], owner: owner)
  }
}
