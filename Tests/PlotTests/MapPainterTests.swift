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

  /// Two optimizers on one path, as NAdam follows Momentum down Rosenbrock's valley: the
  /// first trail's colour is not buried under the second's.
  @Test func trailsOnOnePathShowBothColoursByTurns() {
    let path = [Point(x: 0, y: 3.5), Point(x: 10, y: 3.5), Point(x: 10, y: 0), Point(x: 0, y: 0)]
    let racers = [
      RacerDrawing(label: "momentum", styleIndex: 0, trail: path),
      RacerDrawing(label: "nadam", styleIndex: 1, trail: path),
    ]
    let first = SnapshotTheme.theme.racerStyle(0).color
    let second = SnapshotTheme.theme.racerStyle(1).color
    /// The trail's colour in every cell of the map: "1", "2" or " " where none is.
    func colours(selecting selected: Int?) -> [String] {
      var canvas = Canvas(width: 10, height: 4)
      var drawn = racers
      if let selected { drawn[selected].isSelected = true }
      painter.paint(
        into: &canvas, heatmap: nil,
        racers: drawn.enumerated().map { (index: $0.offset, racer: $0.element) }, start: nil,
        minima: [Point(x: 5, y: 2)])
      return (0..<4).map { row in
        String(
          (0..<10).map { column -> Character in
            let cell = canvas[column, row]
            guard (0x2800...0x28FF).contains(cell.glyph.value) else { return " " }
            return cell.foreground == first ? "1" : cell.foreground == second ? "2" : "?"
          })
      }
    }
    let shared = colours(selecting: nil)
    let counts = shared.joined().reduce(into: [Character: Int]()) { $0[$1, default: 0] += 1 }
    #expect(counts["?"] == nil)
    // 22 cells along the border, less the last point's (it holds the glyph), shared out about evenly.
    #expect((counts["1"] ?? 0) + (counts["2"] ?? 0) == 21)
    #expect(min(counts["1"] ?? 0, counts["2"] ?? 0) >= 8, "\(shared)")
    // Selected, a trail keeps every cell it passes through.
    #expect(colours(selecting: 0).joined().allSatisfy { $0 != "2" })
    #expect(colours(selecting: 1).joined().allSatisfy { $0 != "1" })
  }

  /// Along a shared stretch in any direction, each of the trails sharing it gets cells.
  @Test(arguments: [(1, 0), (0, 1), (1, 1), (1, -1), (2, 1)])
  func sharedCellsGoToEachTrailInAnyDirection(step: (Int, Int)) {
    for owners: UInt64 in [0b11, 0b111, 0b1001_0110] {
      var seen = Set<Int>()
      for index in 0..<24 {
        if let owner = MapPainter.sharedOwner(
          owners, column: 40 + index * step.0, row: 20 + index * step.1)
        {
          #expect(owners & (1 << UInt64(owner)) != 0)
          seen.insert(owner)
        }
      }
      #expect(seen.count == owners.nonzeroBitCount)
    }
    #expect(MapPainter.sharedOwner(0b100, column: 3, row: 4) == nil)
  }
}
