import OptimKit
import Testing

@testable import Plot

/// The kept trail drawing: continued when trails only grew, drawn afresh otherwise, and
/// always the same dots and owners as a fresh drawing.
@Suite struct TrailLayerTests {
  let projection = MapProjection(
    view: ViewBox(xMin: 0, xMax: 10, yMin: 0, yMax: 10),
    region: Region(x: 0, y: 0, width: 10, height: 5))

  private func racer(_ points: [(Double, Double)], style: Int, appended: Int? = nil) -> RacerDrawing
  {
    RacerDrawing(
      label: "r\(style)", styleIndex: style, trail: points.map { Point(x: $0.0, y: $0.1) },
      trailAppendedCount: appended)
  }

  /// The grid as text: each cell's glyph and owner.
  private func picture(_ layer: TrailLayer) -> String {
    var cells: [String] = []
    layer.forEachDrawnCell(usesASCII: false) { column, row, glyph, rank in
      cells.append("\(column),\(row):\(glyph)\(rank)")
    }
    return cells.sorted().joined(separator: " ")
  }

  /// Updates `layer` with `racers` and checks it against a fresh drawing of them.
  private func expectFresh(_ layer: inout TrailLayer, _ racers: [RacerDrawing]) {
    layer.update(racers: racers, projection: projection)
    var fresh = TrailLayer()
    fresh.update(racers: racers, projection: projection)
    #expect(picture(layer) == picture(fresh))
    #expect(!picture(fresh).isEmpty)
  }

  @Test func growingTrailsAreContinued() {
    var layer = TrailLayer()
    let first: [(Double, Double)] = [(1, 1), (4, 6), (8, 2)]
    let second: [(Double, Double)] = [(9, 9), (5, 5)]
    expectFresh(&layer, [racer(first, style: 0), racer(second, style: 1)])
    // The first trail now runs through the second's cells: they stay the second's.
    expectFresh(
      &layer, [racer(first + [(9, 9), (1, 9)], style: 0), racer(second + [(5, 1)], style: 1)])
    #expect(layer.freshDrawings == 1)
  }

  @Test func thinnedTrailsAreDrawnAfresh() {
    var layer = TrailLayer()
    expectFresh(&layer, [racer([(1, 1), (9, 5), (1, 9), (1, 9)], style: 0)])
    // Thinned: (9, 5) went, three points came (7 added in all, 5 kept). The first point
    // and the fourth are the same as before; only the count of added points tells.
    expectFresh(&layer, [racer([(1, 1), (1, 9), (1, 9), (1, 9), (5, 5)], style: 0, appended: 7)])
    #expect(layer.freshDrawings == 2)
  }

  @Test func restartedTrailsAreDrawnAfresh() {
    var layer = TrailLayer()
    expectFresh(&layer, [racer([(1, 1), (9, 5), (1, 9)], style: 0)])
    // Restarted from the same point along another path, with as many points and more.
    expectFresh(&layer, [racer([(1, 1), (2, 8), (8, 8), (8, 1)], style: 0)])
    #expect(layer.freshDrawings == 2)
  }

  @Test func anotherOrderOrMapIsDrawnAfresh() {
    var layer = TrailLayer()
    expectFresh(&layer, [racer([(1, 1), (2, 8)], style: 0), racer([(5, 5)], style: 1)])
    // The selected trail is drawn last: another order.
    expectFresh(&layer, [racer([(5, 5)], style: 1), racer([(1, 1), (2, 8)], style: 0)])
    #expect(layer.freshDrawings == 2)
    layer.update(
      racers: [racer([(5, 5)], style: 1), racer([(1, 1), (2, 8)], style: 0)],
      projection: MapProjection(
        view: projection.view, region: Region(x: 0, y: 0, width: 12, height: 5)))
    #expect(layer.freshDrawings == 3)
  }

  @Test func aBrokenTrailResumesAfterItsLastFinitePoint() {
    var layer = TrailLayer()
    expectFresh(&layer, [racer([(1, 1), (3, 3), (.nan, 2)], style: 0)])
    expectFresh(&layer, [racer([(1, 1), (3, 3), (.nan, 2), (8, 8), (9, 1)], style: 0)])
    #expect(layer.freshDrawings == 1)
  }
}
