import OptimKit
import Plot

/// What one frame keeps for the next so that drawing frame after frame stays quick: the
/// heatmap, sampled again only when the function, view, map size or look changed, and
/// the trails as drawn and the loss histories summed up, continued when they only grew.
///
/// Owned by whoever draws frame after frame (a `Session`, the run loop), not by
/// `Model`: a cache is not the program's state, and `update` never touches it.
/// It changes nothing a frame shows — `view(model, cache:)` draws exactly what
/// `view(model)` draws afresh — only how much work the frame takes.
public struct FrameCache: Sendable {
  /// The last heatmap drawn, and its key and theme (inside it).
  var heatmap: Heatmap?
  /// The trails as drawn for the last frame; nil draws them afresh.
  var trails: TrailLayer?
  /// The loss histories summed up for the last frame's loss chart range, continued
  /// when they only grew (kept with the trails).
  var lossSummaries: LossSummaries?
  /// Whether the trails are drawn into a kept layer, for frames to continue.
  public let keepsTrails: Bool
  /// The last screen plan and what `Model.plan` read to make it: a frame that changed none
  /// of it (most do not) takes the plan as it is, the map axes' values and labels included.
  private var planned: (key: PlanKey, plan: ScreenPlan)?
  /// How many times a plan was made for this cache (for tests).
  public private(set) var planComputations = 0
  /// How many times a heatmap was sampled for this cache (for tests and diagnostics).
  public private(set) var heatmapComputations = 0

  /// An empty cache; `keepsTrails: false` for frames drawn each on its own (a headless
  /// picture, `view(model)`), where a kept trail layer would only be drawn once.
  public init(keepsTrails: Bool = true) {
    self.keepsTrails = keepsTrails
  }

  /// How many times the kept trail drawing was started afresh since it was last dropped
  /// (0 when none is kept): a frame that only adds to the trails continues it.
  public var trailFreshDrawings: Int { trails?.freshDrawings ?? 0 }

  /// Forgets the trails as drawn, so the next frame draws them afresh: after any message
  /// but a tick, which may have done more to the trails than add to them.
  public mutating func dropTrails() {
    trails = nil
    lossSummaries = nil
  }

  /// How many loss histories were summed up afresh, rather than continued, since the
  /// summaries were last dropped (for tests).
  public var lossFreshSummaries: Int { lossSummaries?.freshSummaries ?? 0 }

  /// Everything `Model.plan` reads: the screen's size, the layout, how many racers, whether
  /// f has one variable, and the view. (A tuple, compared with `==`, rather than a struct
  /// whose stored fields would repeat `Model`'s.)
  private typealias PlanKey = (
    width: Int, height: Int, layout: PictureLayout, racers: Int, oneVariable: Bool, view: ViewBox
  )

  private static func planKey(_ model: Model) -> PlanKey {
    (
      model.width, model.height, model.layout, model.race.racers.count,
      model.function.isOneVariable, model.view
    )
  }

  /// `model.plan`: the kept one when the model's size, layout, racer count and view are
  /// those it was made for, else a fresh one, kept for the next frame.
  mutating func plan(for model: Model) -> ScreenPlan {
    let key = Self.planKey(model)
    if let planned, planned.key == key { return planned.plan }
    let plan = model.plan
    planComputations += 1
    planned = (key, plan)
    return plan
  }

  /// The heatmap `picture` needs on the screen `plan` lays out with `theme`: the kept one
  /// when its key and theme are the same, else a fresh one, kept for the next frame.
  ///
  /// Nil on a screen too small for a map, or with nothing to sample (the kept
  /// one then stays for later).
  mutating func heatmap(for picture: Picture, plan: ScreenPlan, theme: Theme) -> Heatmap? {
    guard !plan.isTooSmall else { return nil }
    let key = picture.heatmapKey(for: plan)
    if let heatmap, heatmap.key == key, heatmap.theme == theme { return heatmap }
    // `model.picture` carries no heatmap, so this samples a fresh one.
    guard let fresh = picture.resolvedHeatmap(for: plan, theme: theme) else { return nil }
    heatmapComputations += 1
    heatmap = fresh
    return fresh
  }
}
