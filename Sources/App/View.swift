import Plot

/// Draws the whole screen for `model`: the picture, then the input line or the help on top.
///
/// Pure: the same model always gives the same canvas, so tests compare
/// canvases and a recording can store exactly what the screen showed. Samples
/// the heatmap afresh; frame after frame, `view(_:cache:)` keeps it. The basins
/// (`a`) are computed whole, as a headless picture shows them; a run loop passes
/// the ones it has computed so far.
public func view(_ model: Model, basins: BasinOverlay? = nil) -> Canvas {
  var cache = FrameCache(keepsTrails: false)
  return view(model, cache: &cache, basins: basins)
}

/// `view(model)`, keeping in `cache` what the next frame can reuse: the heatmap, and (if it
/// `keepsTrails`) the trails as drawn — drop them with `FrameCache.dropTrails` when more
/// than a tick happened.
///
/// The layout (`ScreenPlan`), the heatmap's key and the last touches are worked
/// out once per frame. `basins` are those computed so far (nil: computed whole now).
public func view(_ model: Model, cache: inout FrameCache, basins: BasinOverlay? = nil) -> Canvas {
  let plan = cache.plan(for: model)
  var picture = model.picture
  (basins ?? BasinOverlay(complete: model)).show(on: &picture, race: model.race)
  let heatmap = cache.heatmap(for: picture, plan: plan, theme: model.theme)
  if cache.keepsTrails {
    picture.updateTrails(&cache.trails, plan: plan)
    picture.trailLayer = cache.trails
    picture.lossRange = picture.lossRange(
      keeping: &cache.lossSummaries, plan: plan, heatmap: heatmap)
  }
  return view(model, picture: picture, plan: plan, heatmap: heatmap)
}

/// Draws the whole screen for `model` from its `picture` (made by `model.picture`), laid
/// out by `plan` (`model.plan`) with `heatmap`, and finishes it once.
func view(_ model: Model, picture: Picture, plan: ScreenPlan, heatmap: Heatmap?) -> Canvas {
  let theme = model.theme
  var canvas = Canvas(width: model.width, height: model.height)
  picture.drawUnfinished(into: &canvas, plan: plan, heatmap: heatmap, theme: theme)
  if !plan.isTooSmall {
    if let input = model.input {
      InputLineView(line: input, theme: theme, isOneVariable: model.function.isOneVariable).draw(
        into: &canvas, area: Region(x: 0, y: model.height - 1, width: model.width, height: 1))
    }
    if model.isHelpShown {
      HelpOverlay(theme: theme, usesASCII: model.usesASCII).draw(
        into: &canvas, area: Region(x: 0, y: 0, width: model.width, height: model.height))
    }
  }
  Picture.finish(&canvas, theme: theme, usesASCII: model.usesASCII)
  return canvas
}
