import OptimKit

/// What a heatmap depends on; when it is unchanged, the heatmap need not be recomputed.
///
/// Callers keep the last heatmap and compare its key with the one the next
/// frame needs: the heatmap changes only with the function, view, size, mode,
/// the colour depth it is shown at and whether only ASCII may be drawn.
public struct HeatmapKey: Hashable, Sendable {
  /// Identifies the function, e.g. its expression source or catalog name.
  public var function: String
  public var view: ViewBox
  /// The plot area in cells.
  public var width: Int
  public var height: Int
  public var mode: HeatmapMode
  /// The colours it will be shown with: bands are filled with colour at any
  /// depth (else drawn with the theme's glyph ramp), continuously at 24 bits,
  /// and the contour lines' shades are worked out for this depth.
  public var colorDepth: ColorDepth
  /// Whether only ASCII glyphs may be drawn.
  public var usesASCII: Bool

  public init(
    function: String, view: ViewBox, width: Int, height: Int, mode: HeatmapMode,
    colorDepth: ColorDepth = .full256, usesASCII: Bool = false
  ) {
    self.function = function
    self.view = view
    self.width = max(0, width)
    self.height = max(0, height)
    self.mode = mode
    self.colorDepth = colorDepth
    self.usesASCII = usesASCII
  }

  /// Whether bands are filled with colour.
  public var isColored: Bool { colorDepth.hasColor }

  /// Sample rows: one per cell row, two with half blocks and quadrants, three with sextants.
  public var sampleRows: Int { height * mode.samplesPerCell.rows }
  /// Sample columns: one per cell column, two with quadrants and sextants.
  public var sampleColumns: Int { width * mode.samplesPerCell.columns }
}
