import OptimKit

/// The optimizers' trails drawn as braille dots on one map, kept from frame to frame.
///
/// A trail only grows between two frames (or is thinned, or restarts), so
/// the frame after can draw just the segments added since, instead of every
/// segment of every trail again. A cell belongs to the last trail in drawing
/// order that has a dot in it, however late its dots came, so the layer
/// always comes out exactly as drawing every trail afresh would make it; a
/// trail that did anything but grow is drawn afresh with all the others.
public struct TrailLayer: Sendable {
  /// What the dots are drawn for: the map's view and size and, in drawing order,
  /// the style index of each trail drawn.
  struct Key: Equatable {
    var view: ViewBox
    var width: Int
    var height: Int
    var order: [Int]
  }

  /// How much of one trail is drawn, and enough of it to tell later whether the
  /// trail has only grown since.
  struct Progress {
    /// Points drawn, and the trail's `appendedCount` then.
    var count = 0
    var appendedCount = 0
    var first: Point?
    var last: Point?
    /// Where the drawn line ends (nil after a point that is not finite), and its dot's key.
    var end: (x: Double, y: Double)?
    var endKey = BrailleGrid.offGridKey
  }

  private var key: Key?
  private var progress: [Progress] = []
  /// The dots, each cell owned by the rank (place in drawing order) of its last trail.
  private(set) var grid = BrailleGrid(width: 0, height: 0)
  /// How many times the trails were drawn afresh, rather than continued (for tests).
  public private(set) var freshDrawings = 0

  public init() {}

  /// Brings the layer up to date with `racers`, in drawing order (the last on top), on
  /// the map of `projection`: only new segments when the trails have only grown,
  /// everything afresh otherwise.
  mutating func update(racers: [RacerDrawing], projection: MapProjection) {
    let region = projection.region
    let wanted = Key(
      view: projection.view, width: region.width, height: region.height,
      order: racers.map(\.styleIndex))
    if key != wanted || !racers.indices.allSatisfy({ hasOnlyGrown(racers[$0], from: progress[$0]) })
    {
      key = wanted
      freshDrawings += 1
      grid = BrailleGrid(width: region.width, height: region.height)
      grid.keepsHighestOwner = true
      grid.keepsOwnerSets = true
      progress = Array(repeating: Progress(), count: racers.count)
    }
    for (rank, racer) in racers.enumerated() {
      draw(racer, rank: rank, projection: projection)
    }
  }

  /// The drawn cells: column, row, glyph and the rank of the trail that owns the cell.
  func forEachDrawnCell(
    usesASCII: Bool, _ body: (_ column: Int, _ row: Int, Unicode.Scalar, _ rank: Int) -> Void
  ) {
    grid.forEachDrawnCell(usesASCII: usesASCII, body)
  }

  /// Whether `racer`'s trail still starts with what `progress` says was drawn of it.
  ///
  /// `appendedCount` counts every point ever added, so when it grew by
  /// exactly as much as the trail did, no point was thinned away; the first
  /// and last drawn points being the same ones tells a trail that restarted.
  private func hasOnlyGrown(_ racer: RacerDrawing, from progress: Progress) -> Bool {
    // Read in place: `racer.trail` would copy a shared trail.
    let count = racer.pathCount
    guard count >= progress.count,
      racer.trailAppendedCount - progress.appendedCount == count - progress.count
    else { return false }
    guard progress.count > 0 else { return true }
    return Self.same(racer.pathPoint(0), progress.first)
      && Self.same(racer.pathPoint(progress.count - 1), progress.last)
  }

  /// Whether two points are the very same numbers (NaN included).
  private static func same(_ point: Point, _ other: Point?) -> Bool {
    guard let other else { return false }
    return point.x.bitPattern == other.x.bitPattern && point.y.bitPattern == other.y.bitPattern
  }

  /// Draws the points of `racer`'s trail that are not drawn yet, joined to the line so far.
  ///
  /// Most points of a long trail fall on the dot the previous one fell on,
  /// and there is nothing new to draw for them; the next segment then starts
  /// from such a point, as it would have.
  private mutating func draw(_ racer: RacerDrawing, rank: Int, projection: MapProjection) {
    var state = progress[rank]
    let count = racer.pathCount
    guard state.count < count else { return }
    racer.withTrailEntries { entries in
      for index in state.count..<count {
        let point = entries.point(index)
        guard point.isFinite else {
          state.end = nil
          state.endKey = BrailleGrid.offGridKey
          continue
        }
        let dot = projection.dotPosition(of: point)
        let key = grid.dotKey(dot)
        if key != state.endKey || key == BrailleGrid.offGridKey {
          grid.drawSegment(from: state.end ?? dot, to: dot, owner: rank)
        }
        state.end = dot
        state.endKey = key
      }
    }
    if state.count == 0 { state.first = racer.pathPoint(0) }
    state.count = count
    state.appendedCount = racer.trailAppendedCount
    state.last = racer.pathPoint(count - 1)
    progress[rank] = state
  }
}
