import OptimKit
import Testing

@testable import Plot

@Suite struct MapPainterTests {
  /// A 10 × 4 map of [0, 10] × [0, 4]: one cell is one unit wide and one unit tall.
  private let painter = MapPainter(
    projection: MapProjection(
      view: ViewBox(xMin: 0, xMax: 10, yMin: 0, yMax: 4),
      region: Region(x: 0, y: 0, width: 10, height: 4)),
    theme: SnapshotTheme.theme, usesASCII: false)

  private func paint(_ racers: [RacerDrawing], start: Point? = nil, minima: [Point] = [])
    -> [String]
  {
    var canvas = Canvas(width: 10, height: 4)
    painter.paint(
      into: &canvas, heatmap: nil,
      racers: racers.enumerated().map { (index: $0.offset, racer: $0.element) }, start: start,
      minima: minima)
    return canvas.lines
  }

  @Test func trailMarkersAndPosition() {
    let racer = RacerDrawing(
      label: "adam", styleIndex: 0, trail: [Point(x: 0.5, y: 3.5), Point(x: 9.5, y: 3.5)])
    let lines = paint([racer], start: Point(x: 0.5, y: 3.5), minima: [Point(x: 5.5, y: 0.5)])
    #expect(
      lines == [
        "S⠤⠤⠤⠤⠤⠤⠤⠤●",
        "          ",
        "          ",
        "     M    ",
      ])
  }

  @Test func trailCellsTakeTheRacersColour() {
    var canvas = Canvas(width: 10, height: 4)
    let racers = [
      RacerDrawing(
        label: "a", styleIndex: 0, trail: [Point(x: 0.5, y: 3.5), Point(x: 4.5, y: 3.5)]),
      RacerDrawing(
        label: "b", styleIndex: 1, trail: [Point(x: 0.5, y: 0.5), Point(x: 4.5, y: 0.5)]),
    ]
    painter.paint(
      into: &canvas, heatmap: nil,
      racers: racers.enumerated().map { (index: $0.offset, racer: $0.element) }, start: nil,
      minima: [])
    #expect(canvas[2, 0].foreground == SnapshotTheme.theme.racerStyle(0).color)
    #expect(canvas[2, 3].foreground == SnapshotTheme.theme.racerStyle(1).color)
    #expect(canvas[4, 3].character == SnapshotTheme.theme.racerStyle(1).glyph)
  }

  @Test func racerOutOfViewShowsAnArrowAtTheBorder() {
    let racer = RacerDrawing(
      label: "sgd", styleIndex: 0, trail: [Point(x: 5, y: 2), Point(x: 20, y: 2)])
    #expect(paint([racer])[2] == "     ⠉⠉⠉⠉→")
  }

  @Test func arrowsPointWhereTheRacerWent() {
    let up = RacerDrawing(label: "a", styleIndex: 0, trail: [Point(x: 5, y: 100)])
    #expect(paint([up])[0] == "     ↑    ")
    let downLeft = RacerDrawing(label: "a", styleIndex: 0, trail: [Point(x: -1e9, y: -5e8)])
    let lines = paint([downLeft])
    #expect(lines[3].contains("↙"))
    #expect(painter.arrow(dx: 1, dy: 1) == "↗")
    #expect(painter.arrow(dx: -1, dy: 0) == "←")
    #expect(painter.arrow(dx: 0, dy: -1) == "↓")
    #expect(painter.arrow(dx: 1, dy: -1) == "↘")
  }

  @Test func divergedRacerIsShownWhereItWasLastSeen() {
    let racer = RacerDrawing(
      label: "sgd", styleIndex: 0, trail: [Point(x: 5.5, y: 2.5), Point(x: 7.5, y: 2.5)],
      status: .diverged)
    #expect(paint([racer])[1] == "     ⠠⠤●  ")
  }

  @Test func hiddenRacersLeaveTheMap() {
    let racer = RacerDrawing(
      label: "sgd", styleIndex: 0, trail: [Point(x: 0.5, y: 3.5), Point(x: 9.5, y: 3.5)],
      isVisible: false)
    #expect(paint([racer]).allSatisfy { $0 == "          " })
  }

  @Test func markersBeatTrailsAndPositionsBeatMarkers() {
    let racer = RacerDrawing(
      label: "a", styleIndex: 1, trail: [Point(x: 2.5, y: 1.5), Point(x: 6.5, y: 1.5)])
    let lines = paint([racer], start: Point(x: 2.5, y: 1.5), minima: [Point(x: 6.5, y: 1.5)])
    #expect(lines[2] == "  S⠤⠤⠤■   ")
  }

  @Test func projectionMapsCellsBackToPoints() throws {
    let projection = MapProjection(
      view: ViewBox(xMin: 0, xMax: 10, yMin: 0, yMax: 4),
      region: Region(x: 3, y: 1, width: 10, height: 4))
    #expect(projection.point(column: 3, row: 1) == Point(x: 0.5, y: 3.5))
    #expect(projection.point(column: 12, row: 4) == Point(x: 9.5, y: 0.5))
    #expect(projection.point(column: 2, row: 1) == nil)
    let cell = try #require(projection.cell(of: Point(x: 9.5, y: 0.5)))
    #expect(cell.column == 12 && cell.row == 4)
    #expect(projection.cell(of: Point(x: 11, y: 1)) == nil)
  }

  @Test func equalAspectWidensTheNarrowSide() {
    let square = ViewBox(xMin: 0, xMax: 1, yMin: 0, yMax: 1)
    // 20 × 5 cells is 20 wide and 10 tall on screen: x must span twice as much as y.
    #expect(
      square.equalAspect(columns: 20, rows: 5) == ViewBox(xMin: -0.5, xMax: 1.5, yMin: 0, yMax: 1))
    #expect(
      square.equalAspect(columns: 5, rows: 5) == ViewBox(xMin: 0, xMax: 1, yMin: -0.5, yMax: 1.5))
    #expect(square.equalAspect(columns: 0, rows: 5) == square)
  }
}
