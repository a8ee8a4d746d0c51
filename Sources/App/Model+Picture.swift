import OptimKit
import Plot

extension Model {
  /// How the heatmap is drawn: as `cells` asks where colour and blocks can show
  /// it, else one glyph per cell (the glyph ramp carries the picture).
  var heatmapMode: HeatmapMode {
    guard cells != .cells, theme.fillsWithColor(at: colorDepth), !usesASCII else {
      return .cells
    }
    return cells
  }

  /// The frame's description for Plot: the race, the view and the notes.
  public var picture: Picture {
    var picture = Picture(
      race: race, title: function.title, formula: function.formula, function: function.name,
      view: view, minima: function.minima, minimumValue: function.minimumValue, layout: layout,
      heatmapMode: heatmapMode,
      isPaused: isPaused, selected: selectedIndex, hidden: undrawnRacers,
      message: message?.text ?? "", messageIsError: message?.isError ?? false)
    picture.heatmap = heatmapCache.heatmap
    picture.trailLayer = trailLayer
    picture.keyHint = keyHint
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
    picture.basins = basinDrawing
    return picture
  }

  /// The status line's notes: the noise, and the basins while they are computed.
  var statusNotes: [String] {
    var notes: [String] = []
    if let noiseNote { notes.append(noiseNote) }
    if let progress = basinProgress, progress < 1 {
      notes.append("basins \(Int((progress * 100).rounded(.down)))%")
    }
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

  /// How many times the kept trail drawing was started afresh since it was last dropped
  /// (0 when none is kept): a frame that only adds to the trails continues it.
  public var trailLayerFreshDrawings: Int { trailLayer?.freshDrawings ?? 0 }

  /// Where everything is on the current screen.
  ///
  /// Worked out from the size, layout and racer count alone (what
  /// `Picture.plan` reads), without building the whole picture.
  public var plan: ScreenPlan {
    ScreenPlan(
      width: width, height: height, layout: layout, racerCount: race.racers.count,
      viewAspect: view.isValid ? view.width / view.height : 1)
  }

  /// Recomputes the cached heatmap if the function, view, size or theme changed.
  ///
  /// Runs after every message, so it first compares keys cheaply and only
  /// builds the full picture (trails and all) when a new heatmap is needed.
  mutating func refreshHeatmap() {
    let plan = self.plan
    guard !plan.isTooSmall else { return }
    let key = HeatmapKey(
      function: function.name, view: view, width: plan.mapSize.width,
      height: plan.mapSize.height, mode: heatmapMode, colorDepth: colorDepth,
      usesASCII: usesASCII)
    if let cached = heatmapCache.heatmap, cached.key == key, cached.theme == theme { return }
    var picture = self.picture
    heatmapCache.prepare(&picture, width: width, height: height, theme: theme)
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
        restart(at: point, effects: &effects)
        return
      }
    }
  }
}
