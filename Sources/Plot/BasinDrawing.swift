import OptimKit

/// Basins of attraction as the map shows them: which known minimum an optimizer reaches from
/// each cell, tinted one colour per minimum, filled in row by row while being computed.
///
/// `outcomes` is a grid of `columns` × `rows` (row 0 at the top, as on screen),
/// nil where not computed yet. It is normally the map's own size; if the map
/// has since changed size the nearest cell is used until a new grid arrives.
public struct BasinDrawing: Sendable {
  /// The racer whose optimizer the basins are for (its tile, in the split layout).
  public var racerIndex: Int
  public var label: String
  public var minima: [Point]
  public var columns: Int
  public var rows: Int
  public var outcomes: [BasinMap.Outcome?]
  /// The share of the grid computed, 0 to 1.
  public var progress: Double

  public init(
    racerIndex: Int, label: String, minima: [Point], columns: Int, rows: Int,
    outcomes: [BasinMap.Outcome?], progress: Double
  ) {
    self.racerIndex = racerIndex
    self.label = label
    self.minima = minima
    self.columns = columns
    self.rows = rows
    self.outcomes = outcomes
    self.progress = progress
  }

  /// The drawing of a (partly) computed basin map.
  public init(map: BasinMap, racerIndex: Int, label: String) {
    self.init(
      racerIndex: racerIndex, label: label, minima: map.minima, columns: map.columns,
      rows: map.rows, outcomes: map.outcomes, progress: map.progress)
  }

  /// The outcome shown in cell (column, row) of a map `width` × `height` cells.
  func outcome(column: Int, row: Int, width: Int, height: Int) -> BasinMap.Outcome? {
    guard width > 0, height > 0, columns > 0, rows > 0 else { return nil }
    let gridColumn = columns == width ? column : column * columns / width
    let gridRow = rows == height ? row : row * rows / height
    guard (0..<columns).contains(gridColumn), (0..<rows).contains(gridRow) else { return nil }
    return outcomes[gridRow * columns + gridColumn]
  }

  /// Per minimum, the share of computed cells that reach it; then the diverged share.
  var shares: (minima: [Double], diverged: Double) {
    var counts = Array(repeating: 0, count: minima.count)
    var diverged = 0
    var done = 0
    for outcome in outcomes {
      guard let outcome else { continue }
      done += 1
      switch outcome {
      case .minimum(let index) where counts.indices.contains(index): counts[index] += 1
      case .diverged: diverged += 1
      default: break
      }
    }
    let total = Double(max(done, 1))
    return (counts.map { Double($0) / total }, Double(diverged) / total)
  }

  /// The background tint of minimum `index` (repeating when there are many).
  public static func tint(minimum index: Int) -> Color {
    tints[((index % tints.count) + tints.count) % tints.count]
  }

  /// Dark, well-separated backgrounds, so the heatmap's glyphs stay readable on top.
  static let tints: [Color] = [
    .xterm(22, fallback: 2), .xterm(19, fallback: 4), .xterm(94, fallback: 3),
    .xterm(90, fallback: 5), .xterm(30, fallback: 6), .xterm(58, fallback: 3),
    .xterm(54, fallback: 5), .xterm(88, fallback: 1),
  ]
  /// Cells from which the optimizer diverged.
  static let divergedTint = Color.xterm(52, fallback: 0)
  /// Cells from which it reached no known minimum within the step budget.
  static let noneTint = Color.xterm(236, fallback: 0)
}
