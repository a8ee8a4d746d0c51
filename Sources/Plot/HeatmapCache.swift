/// Keeps the last heatmap so that frames only sample the function when the
/// function, view, size, mode or theme has changed.
public struct HeatmapCache: Sendable {
  public private(set) var heatmap: Heatmap?
  /// How many times a heatmap was computed (for tests and diagnostics).
  public private(set) var computations = 0

  public init() {}

  /// Makes sure `picture.heatmap` is the one a `width` × `height` frame needs,
  /// computing it only when the cached one does not fit.
  public mutating func prepare(_ picture: inout Picture, width: Int, height: Int, theme: Theme) {
    let plan = picture.plan(width: width, height: height)
    guard !plan.isTooSmall else { return }
    let key = picture.heatmapKey(for: plan)
    if let heatmap, heatmap.key == key, heatmap.theme == theme {
      picture.heatmap = heatmap
      return
    }
    if let fresh = picture.resolvedHeatmap(for: plan, theme: theme) {
      if fresh.key == key { computations += 1 }
      heatmap = fresh
      picture.heatmap = fresh
    }
  }
}
