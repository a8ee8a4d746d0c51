/// How the heatmap turns samples into cells.
public enum HeatmapMode: String, Hashable, Sendable, CaseIterable {
  /// One sample per cell: a glyph ramp with colours, and contour lines where bands change.
  case cells
  /// Two samples per cell drawn as `▀` with the upper sample's colour in front and
  /// the lower one's behind: finer, roughly square pixels, for colour terminals.
  case halfBlocks
}
