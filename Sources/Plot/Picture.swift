import OptimKit

/// Everything one frame shows, and the drawing of it into a canvas.
///
/// The caller (the `render` command, the interactive program) fills in this
/// plain description each frame and calls `draw`. The heatmap is the costly
/// part: pass a prepared one in `heatmap` (see `HeatmapCache`) and it is only
/// pasted; without one, it is sampled from `objective` on the spot.
public struct Picture: Sendable {
  /// The function's name, e.g. "Rosenbrock".
  public var title: String
  /// The function's formula as the user would write it.
  public var formula: String
  /// Identifies the function for heatmap caching (e.g. the expression source).
  public var function: String
  /// The function itself, for sampling when no prepared heatmap fits.
  public var objective: (any Objective)?
  public var view: ViewBox
  public var heatmapMode: HeatmapMode
  /// A prepared heatmap; used when its key matches this frame's.
  public var heatmap: Heatmap?
  public var racers: [RacerDrawing]
  public var start: Point?
  public var minima: [Point]
  /// The known minimum value f*, for the loss panel; nil uses the best f reached.
  public var minimumValue: Double?
  /// The race's step count, for the status line.
  public var step: Int
  public var isPaused: Bool
  public var layout: PictureLayout
  /// A one-line notice or error for the bottom line; empty for none.
  public var message: String
  public var messageIsError: Bool
  /// A short key hint at the right of the status line.
  public var keyHint: String
  /// The point under the pointer, "x 1.25  y -0.5  f 3.1e+01", shown in the status line
  /// in place of the view's ranges; empty for none.
  public var pointerReadout = ""
  /// The loss chart's y axis.
  public var lossScale = LossScale.log
  /// "● REC file" while recording, drawn in the error colour left of the key hint; empty for none.
  public var recordingLabel = ""
  /// Draw only ASCII: ASCII glyphs for optimizers and markers, ASCII line
  /// characters for trails and contours, ASCII stand-ins for all text.
  public var usesASCII: Bool
  /// How many colours the frame will be shown with: without colour the heatmap
  /// is drawn with the theme's glyph ramp instead of band colours.
  public var colorDepth: ColorDepth
  /// Notices for the status line after the step, e.g. "noise σ=0.1 seed 42", "basins 37%".
  public var statusNotes: [String] = []
  /// The leaderboard, shown in place of the loss chart; nil hides it.
  public var leaderboard: LeaderboardDrawing?
  /// The inspector's panel and arrows; nil hides them.
  public var inspector: InspectorDrawing?
  /// Basins of attraction tinting the map, with their key; nil hides them.
  public var basins: BasinDrawing?
  /// The trails as drawn for an earlier frame of this picture's single map, continued
  /// instead of drawn again (see `TrailLayer`); nil draws them afresh.
  public var trailLayer: TrailLayer?
  /// The loss chart's range, worked out for this picture from summaries kept between
  /// frames (`lossRange(keeping:plan:heatmap:)`); nil works it out afresh.
  public var lossRange: LossRange?
  /// The curve f(x) of a one-variable race, drawn in place of the heatmap; nil for a map of
  /// (x, y). With it, `view` spans x and f, and trails and markers are points (x, f(x)).
  public var curve: CurveDrawing?

  public init(
    title: String, formula: String, function: String? = nil, objective: (any Objective)? = nil,
    view: ViewBox, heatmapMode: HeatmapMode = .cells, heatmap: Heatmap? = nil,
    racers: [RacerDrawing] = [], start: Point? = nil, minima: [Point] = [],
    minimumValue: Double? = nil, step: Int = 0, isPaused: Bool = false,
    layout: PictureLayout = .overlay, message: String = "", messageIsError: Bool = false,
    keyHint: String = "? help", usesASCII: Bool = false, colorDepth: ColorDepth = .full256
  ) {
    self.title = title
    self.formula = formula
    self.function = function ?? formula
    self.objective = objective
    self.view = view
    self.heatmapMode = heatmapMode
    self.heatmap = heatmap
    self.racers = racers
    self.start = start
    self.minima = minima
    self.minimumValue = minimumValue
    self.step = step
    self.isPaused = isPaused
    self.layout = layout
    self.message = message
    self.messageIsError = messageIsError
    self.keyHint = keyHint
    self.usesASCII = usesASCII
    self.colorDepth = colorDepth
  }

  /// Where everything goes on a screen of this size.
  public func plan(width: Int, height: Int) -> ScreenPlan {
    ScreenPlan(
      width: width, height: height, layout: layout, racerCount: racers.count,
      viewAspect: curve != nil ? Self.curveAspect : view.isValid ? view.width / view.height : 1,
      view: curve != nil ? nil : view)
  }

  /// The shape a curve's map is laid out for, as a view's width / height: twice as wide as
  /// tall, as plots of f(x) are drawn (x and f have no common scale to keep).
  public static let curveAspect = 1.2

  /// The key of the heatmap a screen of this plan needs.
  public func heatmapKey(for plan: ScreenPlan) -> HeatmapKey {
    HeatmapKey(
      function: function, view: view, width: plan.mapSize.width, height: plan.mapSize.height,
      mode: heatmapMode, colorDepth: colorDepth, usesASCII: usesASCII)
  }

  /// The heatmap this frame uses: the prepared one if it fits, else a fresh one.
  public func resolvedHeatmap(for plan: ScreenPlan, theme: Theme) -> Heatmap? {
    guard curve == nil else { return nil }
    let key = heatmapKey(for: plan)
    if let heatmap, heatmap.key == key, heatmap.theme == theme { return heatmap }
    guard let objective, view.isValid, key.width > 0, key.height > 0 else { return nil }
    return Heatmap(objective: objective, key: key, theme: theme)
  }

  /// Brings `layer` up to date with this picture's trails on a screen of this size, for
  /// the next frame to continue; nil when the screen has no single map to keep them for.
  public func updateTrails(_ layer: inout TrailLayer?, width: Int, height: Int) {
    updateTrails(&layer, plan: plan(width: width, height: height))
  }

  /// `updateTrails(_:width:height:)` on the screen laid out by `plan` (this picture's).
  public func updateTrails(_ layer: inout TrailLayer?, plan: ScreenPlan) {
    // A one-variable race's short trails lose points at the front: drawn afresh each frame.
    guard !plan.isTooSmall, plan.mapTitles.isEmpty, plan.maps.count == 1, curve == nil,
      let map = plan.maps.first
    else {
      layer = nil
      return
    }
    var updated = layer ?? TrailLayer()
    layer = nil  // so that `updated` holds the only reference and is not copied when drawn on
    let indexed = racers.enumerated().map { (index: $0.offset, racer: $0.element) }
    updated.update(
      racers: MapPainter.drawingOrder(indexed).map(\.racer),
      projection: MapProjection(view: view, region: map))
    layer = updated
  }

  /// The loss chart's range on the screen `plan` lays out (this picture's) with `heatmap`,
  /// from `summaries` kept from the last frame, brought up to date for the next; nil (and
  /// nothing kept) when the screen has no loss chart.
  public func lossRange(
    keeping summaries: inout LossSummaries?, plan: ScreenPlan, heatmap: Heatmap?
  )
    -> LossRange?
  {
    guard !plan.isTooSmall, plan.loss != nil, leaderboard == nil else {
      summaries = nil
      return nil
    }
    var kept = summaries ?? LossSummaries()
    summaries = nil  // so that `kept` holds the only reference and is not copied when changed
    let range = kept.range(
      of: LossPanel.shownRacers(racers), minimumValue: minimumValue, view: view,
      viewMinimum: heatmap?.levels.minimum)
    summaries = kept
    return range
  }

  /// Draws the frame on a new canvas of `width` × `height` cells.
  public func draw(width: Int, height: Int, theme: Theme = .standard) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    draw(into: &canvas, theme: theme)
    return canvas
  }

  /// Draws the frame over the whole of `canvas`.
  public func draw(into canvas: inout Canvas, theme: Theme = .standard) {
    let plan = plan(width: canvas.width, height: canvas.height)
    let heatmap = plan.isTooSmall ? nil : resolvedHeatmap(for: plan, theme: theme)
    drawUnfinished(into: &canvas, plan: plan, heatmap: heatmap, theme: theme)
    Self.finish(&canvas, theme: theme, usesASCII: usesASCII)
  }

  /// Draws the frame over the whole of `canvas` as `plan` lays it out, with `heatmap`,
  /// but without the last touches (`finish`).
  ///
  /// For a caller that works out the plan (this picture's for the canvas's size)
  /// and the heatmap (`resolvedHeatmap`) once per frame, draws more on top, and
  /// then finishes the whole canvas once.
  public func drawUnfinished(
    into canvas: inout Canvas, plan: ScreenPlan, heatmap: Heatmap?, theme: Theme
  ) {
    guard !plan.isTooSmall else {
      Self.drawTooSmall(into: &canvas, theme: theme, usesASCII: usesASCII)
      return
    }
    var status = StatusLine(
      title: title, formula: formula, view: view, step: step,
      isShifted: heatmap?.levels.isShifted ?? false, isPaused: isPaused, keyHint: keyHint,
      notes: statusNotes, recordingLabel: recordingLabel, pointer: pointerReadout, theme: theme,
      usesASCII: usesASCII)
    if curve != nil { status.verticalName = "f" }
    status.draw(into: &canvas, area: plan.status)
    let indexed = racers.enumerated().map { (index: $0.offset, racer: $0.element) }
    // The inspector's arrows start at its racer, so they go with it when it is hidden.
    // (Not on a curve: they are vectors of the (x, y) plane.)
    let arrows =
      curve != nil
      ? []
      : inspector.flatMap { inspected in
        racers.indices.contains(inspected.racerIndex) && racers[inspected.racerIndex].isVisible
          ? inspected.arrows(theme: theme) : nil
      } ?? []
    if plan.mapTitles.isEmpty {
      for map in plan.maps {
        MapPainter(
          projection: MapProjection(view: view, region: map), theme: theme, usesASCII: usesASCII
        ).paint(
          into: &canvas, heatmap: heatmap, racers: indexed, start: start, minima: minima,
          basins: basins, arrows: arrows,
          trails: plan.maps.count == 1 && curve == nil ? trailLayer : nil, curve: curve)
      }
    } else {
      for (index, map) in plan.maps.enumerated() where index < racers.count {
        MapPainter(
          projection: MapProjection(view: view, region: map), theme: theme, usesASCII: usesASCII
        ).paint(
          into: &canvas, heatmap: heatmap, racers: [indexed[index]], start: start, minima: minima,
          basins: basins?.racerIndex == index ? basins : nil,
          arrows: inspector?.racerIndex == index ? arrows : [], curve: curve)
        drawTileTitle(index: index, region: plan.mapTitles[index], into: &canvas, theme: theme)
      }
    }
    plan.axes?.draw(into: &canvas, theme: theme, usesASCII: usesASCII)
    if plan.panelsBeside {
      let column = plan.mapArea.x + plan.mapArea.width
      for row in plan.mapArea.y..<(plan.mapArea.y + plan.mapArea.height) {
        canvas[column, row] = Cell(usesASCII ? "|" : "│", foreground: theme.border)
      }
    }
    if let legend = plan.legend {
      LegendPanel(racers: racers, view: view, theme: theme, usesASCII: usesASCII)
        .draw(into: &canvas, area: legend)
    }
    if let loss = plan.loss {
      drawSidePanels(
        into: &canvas, region: loss, theme: theme, viewMinimum: heatmap?.levels.minimum)
    }
    if !message.isEmpty {
      TextRun.write(
        [TextRun(" " + message, color: messageIsError ? theme.error : theme.warning)],
        into: &canvas, x: plan.message.x, y: plan.message.y, width: plan.message.width)
    }
  }

  /// Fills the loss chart's place: the inspector and the basins' key on top when shown, then
  /// the leaderboard (in place of the chart) or the loss chart in the rows left.
  private func drawSidePanels(
    into canvas: inout Canvas, region: Region, theme: Theme, viewMinimum: Double?
  ) {
    var top = region.y
    let bottom = region.y + region.height
    func take(_ rows: Int) -> Region? {
      let height = min(rows, bottom - top)
      guard height > 0 else { return nil }
      let taken = Region(x: region.x, y: top, width: region.width, height: height)
      top += height + 1
      return taken
    }
    if let inspector {
      let panel = InspectorPanel(
        inspector: inspector, styleIndex: styleIndex(ofRacer: inspector.racerIndex), theme: theme,
        usesASCII: usesASCII)
      if let area = take(panel.preferredHeight) { panel.draw(into: &canvas, area: area) }
    }
    if let basins {
      let panel = BasinKeyPanel(
        basins: basins, styleIndex: styleIndex(ofRacer: basins.racerIndex), theme: theme,
        usesASCII: usesASCII)
      if let area = take(panel.preferredHeight) { panel.draw(into: &canvas, area: area) }
    }
    if let leaderboard {
      let panel = LeaderboardPanel(
        leaderboard: leaderboard, racers: racers, theme: theme, usesASCII: usesASCII)
      if let area = take(bottom - top) { panel.draw(into: &canvas, area: area) }
    } else if bottom - top >= 5, let area = take(bottom - top) {
      LossPanel(
        racers: racers, minimumValue: minimumValue, scale: lossScale, view: view,
        viewMinimum: viewMinimum, theme: theme, usesASCII: usesASCII, preparedRange: lossRange
      ).draw(into: &canvas, area: area)
    }
  }

  /// The theme style of the racer at `index`.
  private func styleIndex(ofRacer index: Int) -> Int {
    racers.indices.contains(index) ? racers[index].styleIndex : index
  }

  private func drawTileTitle(index: Int, region: Region, into canvas: inout Canvas, theme: Theme) {
    let racer = racers[index]
    let style = theme.racerStyle(racer.styleIndex)
    let glyph = String(usesASCII ? style.asciiGlyph : style.glyph)
    // The key that shows and hides it, as in the legend (none past the ninth, or where
    // the ASCII glyph is that digit already).
    let key = index < 9 ? String(index + 1) : " "
    var runs = [
      TextRun(glyph == key ? " " : key, color: theme.dimText),
      TextRun(glyph + " ", color: style.color, attributes: [.bold]),
      TextRun(
        TextRun.truncated(racer.label, to: max(1, region.width - 3)), color: style.color,
        attributes: racer.isSelected ? [.bold, .reverse] : [.bold]),
    ]
    // Cut with "…", never silently: a clipped "lr=0.00141" would read as "lr=0.001".
    let room = region.width - 3 - racer.label.count - 1
    if !racer.hyperparameterSummary.isEmpty, room >= 4 {
      runs.append(
        TextRun(
          " " + TextRun.truncated(racer.hyperparameterSummary, to: room), color: theme.dimText))
    }
    let used = runs.reduce(0) { $0 + $1.text.count }
    let value = " f " + NumberFormat.scientific(racer.value)
    TextRun.write(runs, into: &canvas, x: region.x, y: region.y, width: region.width)
    if used + value.count < region.width {
      TextRun.write(
        [TextRun(value, color: theme.text)], into: &canvas,
        x: region.x + region.width - value.count, y: region.y, width: value.count)
    }
  }

  /// The last touches every frame gets: the theme's background behind
  /// everything drawn on the terminal's own, and ASCII stand-ins when only
  /// ASCII may be shown. Also for whatever is drawn over a picture (help, input).
  public static func finish(_ canvas: inout Canvas, theme: Theme, usesASCII: Bool) {
    if !theme.background.isTerminalDefault {
      for row in 0..<canvas.height {
        for column in 0..<canvas.width where canvas[column, row].background.isTerminalDefault {
          canvas[column, row].background = theme.background
        }
      }
    }
    if usesASCII { ASCIIFallback.apply(to: &canvas) }
  }

  /// The notice shown instead of a broken picture on a too small screen.
  static func drawTooSmall(into canvas: inout Canvas, theme: Theme, usesASCII: Bool = false) {
    let (atLeast, by) = usesASCII ? (">=", "x") : ("≥", "×")
    let lines = [
      "enlarge the terminal",
      "need \(atLeast) \(ScreenPlan.minimumWidth)\(by)\(ScreenPlan.minimumHeight), "
        + "have \(canvas.width)\(by)\(canvas.height)",
    ]
    let top = max(0, (canvas.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
      let text = TextRun.truncated(line, to: canvas.width)
      let x = max(0, (canvas.width - text.count) / 2)
      TextRun.write(
        [
          TextRun(
            text, color: offset == 0 ? theme.warning : theme.text,
            attributes: offset == 0 ? [.bold] : [])
        ],
        into: &canvas, x: x, y: top + offset, width: canvas.width - x)
    }
  }
}
