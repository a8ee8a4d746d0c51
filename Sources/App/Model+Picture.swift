import OptimKit
import Plot

extension Model {
  /// How the heatmap is drawn at `colorDepth`: as `cells` asks where colour and blocks
  /// can show it, else one glyph per cell (the glyph ramp carries the picture).
  func heatmapMode(at colorDepth: ColorDepth) -> HeatmapMode {
    guard cells != .cells, theme.fillsWithColor(at: colorDepth), !usesASCII else {
      return .cells
    }
    return cells
  }

  /// The frame's description for Plot: the race, the view and the notes.
  ///
  /// Without a heatmap or trail drawing: those are kept between frames by the
  /// `FrameCache` of `view(_:cache:)`, and a picture without them draws them afresh;
  /// and without the basins, which the runtime's `BasinOverlay` computes and adds.
  public var picture: Picture { picture(at: colorDepth) }

  /// `picture` as shown at `colorDepth`: a text log's plain frames draw the
  /// heatmap as glyphs whatever the screen shows.
  func picture(at colorDepth: ColorDepth) -> Picture {
    var picture = Picture(
      race: race, title: function.title, formula: function.formula, function: function.name,
      view: view, minima: function.minima, minimumValue: function.minimumValue, layout: layout,
      heatmapMode: heatmapMode(at: colorDepth),
      isPaused: isPaused, selected: selectedIndex, hidden: undrawnRacers,
      message: message?.text ?? "", messageIsError: message?.isError ?? false)
    picture.keyHint = keyHint
    if let slice = trainingSlice {
      picture.objective = slice.objective
      picture.function = slice.key
    }
    for (index, racer) in race.racers.enumerated() where index < picture.racers.count {
      if let extra = offMapSummary(of: racer) {
        picture.racers[index].hyperparameterSummary += " " + extra
      }
    }
    picture.pointerReadout = pointerReadout ?? ""
    picture.lossScale = pictureChoices.lossScale
    if let recordingFile {
      picture.recordingLabel = (usesASCII ? "* REC " : "● REC ") + recordingFile
    }
    picture.usesASCII = usesASCII
    picture.colorDepth = colorDepth
    if usesASCII, let expression = function.objective as? Expression {
      // The catalog's formulas use superscripts and Greek; the source is plain ASCII.
      picture.formula = expression.source
    }
    picture.statusNotes = statusNotes
    if isLeaderboardShown {
      picture.leaderboard = LeaderboardDrawing(entries: ranking, criterion: leaderboardCriterion)
    }
    picture.inspector = inspectorDrawing
    if function.isOneVariable { picture.showAsCurve(of: function.objective) }
    return picture
  }

  /// The status line's notes: the data's epoch and batch, the noise (the runtime's `BasinOverlay` adds the basins' progress).
  var statusNotes: [String] {
    var notes: [String] = []
    if let dataNote { notes.append(dataNote) }
    if let noiseNote { notes.append(noiseNote) }
    return notes
  }

  /// The selected racer's index, or nil when the keys act on all.
  var selectedIndex: Int? {
    if case .racer(let index) = selection { return index }
    return nil
  }

  /// The status line's hint: who the keys act on, and where help is.
  var keyHint: String {
    switch selection {
    case .all: return "keys act on: all · ? help"
    case .racer(let index):
      let label = index < race.racers.count ? race.racers[index].label : "?"
      return "keys act on: \(label) · ? help"
    }
  }

  /// Where everything is on the current screen.
  ///
  /// Worked out from the size, layout and racer count alone (what
  /// `Picture.plan` reads), without building the whole picture. (`FrameCache.plan(for:)`
  /// keeps a plan for as long as what this reads is unchanged.)
  public var plan: ScreenPlan {
    ScreenPlan(
      width: width, height: height, layout: layout, racerCount: race.racers.count,
      viewAspect: function.isOneVariable
        ? Picture.curveAspect : view.isValid ? view.width / view.height : 1,
      // A curve's view spans x and a placeholder y; its map has no axes of values.
      view: function.isOneVariable ? nil : view)
  }

  /// A click on any map restarts the race from the point under the mouse.
  mutating func handleClick(column: Int, row: Int, effects: inout [Effect]) {
    guard input == nil else { return }
    if isHelpShown {
      isHelpShown = false
      return
    }
    for map in plan.maps {
      let projection = MapProjection(view: view, region: map)
      if let point = projection.point(column: column, row: row) {
        // One variable: the click's x; y stays 0 (the map's rows are f, not y).
        restart(at: function.isOneVariable ? Point(x: point.x, y: 0) : point, effects: &effects)
        return
      }
    }
  }
}
