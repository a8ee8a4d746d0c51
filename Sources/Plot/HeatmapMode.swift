/// How the heatmap turns samples into cells.
public enum HeatmapMode: String, Hashable, Sendable, CaseIterable {
  /// One sample per cell: a glyph ramp with colours, and contour lines where bands change.
  case cells
  /// Two samples per cell drawn as `▀` with the upper sample's colour in front and
  /// the lower one's behind: finer, roughly square pixels, for colour terminals.
  case halfBlocks
  /// Four samples per cell (2 × 2) drawn as a quadrant block element (`▘▝▀▖▌▞▛▗▚▐▜▄▙▟█`)
  /// in the best two colours for them: twice the detail of half blocks across.
  case quadrants
  /// Six samples per cell (2 × 3) drawn as a sextant (U+1FB00…, Unicode 13) in the best
  /// two colours for them; needs a font that has sextants, so never the default.
  case sextants

  /// Samples across and down one cell.
  public var samplesPerCell: (columns: Int, rows: Int) {
    switch self {
    case .cells: (1, 1)
    case .halfBlocks: (1, 2)
    case .quadrants: (2, 2)
    case .sextants: (2, 3)
    }
  }
}
