import OptimKit

/// What a heatmap depends on; when it is unchanged, the heatmap need not be recomputed.
///
/// Callers keep the last heatmap and compare its key with the one the next
/// frame needs: the heatmap changes only with the function, view, size or mode.
public struct HeatmapKey: Hashable, Sendable {
  /// Identifies the function, e.g. its expression source or catalog name.
  public var function: String
  public var view: ViewBox
  /// The plot area in cells.
  public var width: Int
  public var height: Int
  public var mode: HeatmapMode

  public init(function: String, view: ViewBox, width: Int, height: Int, mode: HeatmapMode) {
    self.function = function
    self.view = view
    self.width = max(0, width)
    self.height = max(0, height)
    self.mode = mode
  }

  /// Sample rows: one per cell row, or two in half-block mode.
  public var sampleRows: Int { mode == .halfBlocks ? height * 2 : height }
}
