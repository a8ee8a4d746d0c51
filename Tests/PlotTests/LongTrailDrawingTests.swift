import Foundation
import OptimKit
import Testing

@testable import Plot

/// Long trails and loss histories are drawn with shortcuts (skipping repeats of a
/// dot, one run per dot column); these check that the shortcuts draw exactly
/// the dots that drawing every segment draws.
@Suite struct LongTrailDrawingTests {
  /// A reproducible stream of numbers in [0, 1) (a 64-bit linear congruential generator).
  private struct Numbers {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
  }

  /// Each row's characters, then each row's owners (digits, "." for none), for comparing grids.
  private func cells(_ grid: BrailleGrid) -> [String] {
    let rows = 0..<grid.height
    let columns = 0..<grid.width
    return rows.map { row in String(columns.map { grid.character(column: $0, row: row) ?? " " }) }
      + rows.map { row in
        columns.map { grid.owner(column: $0, row: row).map(String.init) ?? "." }.joined()
      }
  }

  @Test func sameDotNeedsBothPositionsInsideOneDot() {
    let grid = BrailleGrid(width: 2, height: 1)  // 4 × 4 dots
    #expect(grid.isSameDot((0.1, 0.2), (0.9, 0.8)))
    #expect(!grid.isSameDot((0.9, 0.5), (1.1, 0.5)))
    #expect(!grid.isSameDot((-0.5, 0.5), (-0.4, 0.5)))  // the same dot, but off the grid
    #expect(!grid.isSameDot((3.5, 3.5), (4.0, 3.5)))  // 4.0 is past the right edge
    #expect(!grid.isSameDot((.nan, 0.5), (.nan, 0.5)))
  }

  @Test func dotKeysAreEqualExactlyForTheSameDot() {
    let grid = BrailleGrid(width: 3, height: 2)  // 6 × 8 dots
    var numbers = Numbers(state: 7)
    for _ in 0..<2000 {
      let first = (x: numbers.next() * 8 - 1, y: numbers.next() * 10 - 1)
      let second = (x: first.x + numbers.next() * 2 - 1, y: first.y + numbers.next() * 2 - 1)
      let sameKey =
        grid.dotKey(first) == grid.dotKey(second) && grid.dotKey(first) != BrailleGrid.offGridKey
      #expect(sameKey == grid.isSameDot(first, second), "\(first) \(second)")
    }
    #expect(grid.dotKey((.nan, 1)) == BrailleGrid.offGridKey)
    #expect(grid.dotKey((5.99, 7.99)) == 7 * 6 + 5)
  }

  @Test(arguments: [1, 2, 3, 4])
  func lossLineDrawsTheDotsOfEverySegment(seed: UInt64) {
    var numbers = Numbers(state: seed)
    // A long noisy descent with a few gaps (non-finite values) and plateaus.
    var values: [Double] = []
    var level = 100.0
    for step in 0..<5000 {
      level *= 0.999 + 0.002 * numbers.next()
      if numbers.next() < 0.002 {
        values.append(.nan)
      } else if step % 700 < 40 {
        values.append(values.last.flatMap { $0.isFinite ? $0 : nil } ?? level)
      } else {
        values.append(level * (1 + 0.5 * numbers.next()))
      }
    }
    let steps = values.count - 1
    let width = 37
    let height = 9
    let dotWidth = Double(width * 2 - 1)
    let dotHeight = Double(height * 4 - 1)
    let finite = values.filter(\.isFinite)
    let low = log10(finite.min() ?? 1).rounded(.down)
    let high = log10(finite.max() ?? 10).rounded(.up)
    func dot(_ step: Int, _ value: Double) -> (x: Double, y: Double) {
      (
        Double(step) / Double(steps) * dotWidth + 0.5,
        (high - log10(value)) / (high - low) * dotHeight + 0.5
      )
    }

    var expected = BrailleGrid(width: width, height: height)
    var previous: (x: Double, y: Double)?
    for (step, value) in values.enumerated() {
      guard value.isFinite else {
        previous = nil
        continue
      }
      let here = dot(step, value)
      expected.drawSegment(from: previous ?? here, to: here, owner: 3)
      previous = here
    }

    var drawn = BrailleGrid(width: width, height: height)
    let end = LossPanel.drawLine(values, on: &drawn, owner: 3) { step in
      Int(Double(step) / Double(steps) * dotWidth + 0.5)
    } dot: {
      dot($0, $1)
    }

    #expect(cells(drawn) == cells(expected))
    #expect(end.map { [$0.x, $0.y] } == previous.map { [$0.x, $0.y] })
  }

  @Test func lossLineEndingOnANonFiniteValueHasNoEnd() {
    var grid = BrailleGrid(width: 4, height: 2)
    let end = LossPanel.drawLine([3, 2, .infinity], on: &grid, owner: 0) {
      $0
    } dot: {
      (Double($0), $1)
    }
    #expect(end == nil)
    #expect(grid.character(column: 0, row: 0) != nil)
  }

  @Test func aTrailLingeringInOneDotDrawsLikeOnePassingOnce() {
    let painter = MapPainter(
      projection: MapProjection(
        view: ViewBox(xMin: 0, xMax: 10, yMin: 0, yMax: 4),
        region: Region(x: 0, y: 0, width: 10, height: 4)),
      theme: SnapshotTheme.theme, usesASCII: false)
    let path = [Point(x: 0.3, y: 3.7), Point(x: 4.2, y: 1.1), Point(x: 8.8, y: 2.6)]
    // The same path, but settling for a while near each point (within one dot).
    let lingering = path.flatMap { point in
      (0..<50).map { Point(x: point.x + Double($0) * 1e-4, y: point.y - Double($0) * 1e-4) }
    }
    func draw(_ trail: [Point]) -> Canvas {
      var canvas = Canvas(width: 10, height: 4)
      let racer = RacerDrawing(label: "adam", styleIndex: 2, trail: trail)
      painter.paint(
        into: &canvas, heatmap: nil, racers: [(index: 0, racer: racer)], start: nil, minima: [])
      return canvas
    }
    let once = draw(path.map { Point(x: $0.x + 49e-4, y: $0.y - 49e-4) })
    let lingered = draw(lingering)
    #expect(lingered == once)
    #expect(lingered.lines.joined().contains { $0 != " " })
  }
}
