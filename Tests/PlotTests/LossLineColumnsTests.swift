import Testing

@testable import OptimKit
@testable import Plot

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loss chart's quick way to its lines: the steps put in dot columns by comparing
/// them with each column's first step (`StepColumns`), a race's trail read in place
/// (`TrailEntries`), one pass per column (`ColumnScan`) and one run of dots per column.
/// Each must draw exactly what drawing every segment draws.
@Suite struct LossLineColumnsTests {
  /// A reproducible stream of numbers in [0, 1) (a 64-bit linear congruential generator).
  private struct Numbers {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
  }

  @Test(arguments: [
    (1, 5.0), (3, 99.0), (7, 7.0), (100, 57.0), (5000, 101.0), (5001, 101.0), (133_312, 117.0),
    (1_000_003, 233.0),
  ])
  func everyStepIsInTheColumnItsPositionSays(steps: Int, dotWidth: Double) {
    let columns = StepColumns(steps: steps, dotWidth: dotWidth)
    var column = 0
    var wrong: [Int] = []
    for step in 0...steps {
      while step >= columns.firstStep(ofColumn: column + 1) { column += 1 }
      let expected = Int(Double(step) / Double(steps) * dotWidth + 0.5)
      if column != expected || step < columns.firstStep(ofColumn: column) {
        wrong.append(step)
        if wrong.count > 5 { break }
      }
    }
    #expect(wrong.isEmpty)
    #expect(columns.firstStep(ofColumn: columns.column(of: steps) + 1) == Int.max)
  }

  @Test func nonFiniteIsOneExactlyForInfinitiesAndNaNs() {
    let finite: [Double] = [
      0, -0.0, 1, -1, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      .leastNonzeroMagnitude, .leastNormalMagnitude, 1e308, -3.5e-300,
    ]
    let nonFinite: [Double] = [.infinity, -.infinity, .nan, -.nan, .signalingNaN]
    #expect(finite.map(ColumnScan.nonFinite) == finite.map { _ in 0 })
    #expect(nonFinite.map(ColumnScan.nonFinite) == nonFinite.map { _ in 1 })
  }

  /// A race trail of `count` steps, thinned (a small budget) so its history skips steps, with
  /// f a noisy descent, plateaus and a few non-finite values.
  private func thinnedTrail(count: Int, seed: UInt64) -> Trail {
    var numbers = Numbers(state: seed)
    var trail = Trail(recentCount: 32, historyCapacity: 128)
    var level = 100.0
    for step in 0..<count {
      level *= 0.999 + 0.002 * numbers.next()
      let value: Double
      if numbers.next() < 0.003 {
        value = numbers.next() < 0.5 ? .nan : .infinity
      } else if step % 700 < 40 {
        value = level
      } else {
        value = level * (1 + 0.5 * numbers.next())
      }
      let position = Point(x: numbers.next(), y: numbers.next())
      trail.append(Waypoint(step: step, position: position, value: value))
    }
    return trail
  }

  @Test(arguments: [1, 2, 3])
  func aSharedTrailsLineDrawsTheDotsOfEverySegment(seed: UInt64) {
    let trail = thinnedTrail(count: 3000 + Int(seed) * 777, seed: seed)
    let waypoints = Array(trail)
    #expect(waypoints.count < trail.appendedCount)  // thinned: steps are skipped
    let steps = waypoints.last?.step ?? 1
    let width = 41
    let height = 9
    let dotWidth = Double(width * 2 - 1)
    let dotHeight = Double(height * 4 - 1)
    let finite = waypoints.map(\.value).filter(\.isFinite)
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
    for waypoint in waypoints {
      guard waypoint.value.isFinite else {
        previous = nil
        continue
      }
      let here = dot(waypoint.step, waypoint.value)
      expected.drawSegment(from: previous ?? here, to: here, owner: 2)
      previous = here
    }

    let racer = RacerDrawing(label: "r", styleIndex: 2, waypoints: trail)
    #expect(racer.sharesWaypoints)
    var drawn = BrailleGrid(width: width, height: height)
    let end = racer.withTrailEntries { entries in
      LossPanel.drawLine(
        entries, columns: StepColumns(steps: steps, dotWidth: dotWidth), on: &drawn, owner: 2
      ) { dot($0, $1) }
    }
    #expect(cells(drawn) == cells(expected))
    #expect(end.map { [$0.x, $0.y] } == previous.map { [$0.x, $0.y] })
  }

  @Test func aChartOfASharedTrailIsTheChartOfTheSameHistoryCopied() {
    let trail = thinnedTrail(count: 4000, seed: 9)
    let shared = RacerDrawing(
      label: "r", styleIndex: 1, waypoints: trail, value: trail.last?.value ?? .nan)
    var copied = RacerDrawing(
      label: "r", styleIndex: 1, trail: trail.positions, value: trail.last?.value ?? .nan,
      lossHistory: trail.values, trailAppendedCount: trail.appendedCount)
    copied.lossSteps = trail.map(\.step)
    #expect(!copied.sharesWaypoints)
    func chart(_ racer: RacerDrawing) -> [String] {
      var canvas = Canvas(width: 50, height: 14)
      LossPanel(
        racers: [racer], minimumValue: 0, theme: SnapshotTheme.theme, usesASCII: false
      ).draw(into: &canvas, area: Region(x: 0, y: 0, width: 50, height: 14))
      return canvas.lines
    }
    #expect(chart(shared) == chart(copied))
    #expect(
      chart(shared).joined().contains {
        (0x2801...0x28FF).contains($0.unicodeScalars.first?.value ?? 0)
      })
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
}
