/// A level's value written on a straight, level part of its contour line, as
/// matplotlib's `clabel` does: a handful of them tell the lines' values without a legend.
public struct ContourLabel: Hashable, Sendable {
  /// The index of the level in the level set.
  public let level: Int
  /// The map cell where the text starts, and the row it is on.
  public let column: Int
  public let row: Int
  /// The level's value, short ("0.36", "1.2e+03").
  public let text: String

  /// At most `limit` labels for the `drawn` levels of `lines`, spread evenly over
  /// the levels that have room: each on the longest run of cells in one row
  /// where its line runs level (the cells' dots lie along a row), long enough
  /// for the text and a cell of line on either side, so the label reads as
  /// part of the line and does not hide where it goes.
  public static func labels(
    for lines: BrailleGrid, levels: [Double], drawn: [Int], limit: Int = 4
  ) -> [ContourLabel] {
    guard limit > 0 else { return [] }
    var candidates: [ContourLabel] = []
    for level in drawn where level < levels.count {
      let text = NumberFormat.compact(levels[level], digits: 2)
      let width = text.count
      var best: (column: Int, row: Int, length: Int)?
      for row in 0..<lines.height {
        var start = 0
        while start < lines.width {
          guard isLevel(lines, column: start, row: row, owner: level) else {
            start += 1
            continue
          }
          var end = start
          while end < lines.width, isLevel(lines, column: end, row: row, owner: level) { end += 1 }
          let length = end - start
          if length >= width + 2, length > (best?.length ?? 0) {
            best = (start + (length - width) / 2, row, length)
          }
          start = end
        }
      }
      if let best {
        candidates.append(
          ContourLabel(level: level, column: best.column, row: best.row, text: text))
      }
    }
    guard candidates.count > limit else { return candidates }
    // Evenly over the candidates, the lowest and the highest included.
    let chosen = (0..<limit).map { index -> Int in
      limit == 1
        ? candidates.count / 2 : (index * (candidates.count - 1) + (limit - 1) / 2) / (limit - 1)
    }
    return chosen.map { candidates[$0] }
  }

  /// Whether the cell holds dots of `owner`'s line that run along the row.
  private static func isLevel(_ lines: BrailleGrid, column: Int, row: Int, owner: Int) -> Bool {
    lines.owner(column: column, row: row) == owner
      && lines.asciiCharacter(column: column, row: row) == "-"
  }

  /// The map cells the label covers.
  public var cells: Range<Int> { column..<(column + text.count) }
}
