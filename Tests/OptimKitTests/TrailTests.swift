import Foundation
import Testing

@testable import OptimKit

/// Bounded trails: fixed capacity, exact start and recent points, a true deviation bound.
@Suite struct TrailTests {
  /// A point of a slowly tightening spiral, with f its squared radius.
  static func spiral(step: Int, of total: Int) -> Waypoint {
    let t = Double(step) / Double(total)
    let radius = 1 - 0.9 * t
    let angle = 40 * Double.pi * t  // 20 turns
    let position = Point(x: radius * cos(angle), y: radius * sin(angle))
    return Waypoint(step: step, position: position, value: radius * radius)
  }

  /// Checks that every one of `appended` lies within `trail.deviationBound` of the
  /// segment between the kept waypoints around its step, and returns the largest distance.
  @discardableResult
  static func checkDeviation(of trail: Trail, from appended: [Waypoint]) -> Double {
    let kept = Array(trail)
    var segment = 0
    var largest = 0.0
    for waypoint in appended {
      while segment + 1 < kept.count, kept[segment + 1].step <= waypoint.step {
        segment += 1
      }
      let distance: Double
      if segment + 1 < kept.count {
        distance = TrailThinning.distance(
          from: waypoint.position, toSegment: kept[segment].position, kept[segment + 1].position)
      } else {
        distance = (waypoint.position - kept[segment].position).length
      }
      largest = max(largest, distance)
    }
    // Rounding in the distances is relative to the size of the coordinates.
    let scale = kept.map { max(abs($0.position.x), abs($0.position.y)) }.max() ?? 1
    #expect(largest <= trail.deviationBound + 1e-12 * max(1, scale))
    return largest
  }

  /// 250,000 appends fill the budget some eighty times over (a million took most of
  /// the fast suite's time in a debug build and showed nothing more).
  @Test func capacityHoldsOverAQuarterMillionAppends() {
    var trail = Trail()
    var largestCount = 0
    let total = 250_000
    for step in 0..<total {
      let t = Double(step)
      trail.append(
        Waypoint(step: step, position: Point(x: sin(t * 1e-3), y: t * 1e-6), value: t))
      largestCount = max(largestCount, trail.count)
    }
    #expect(largestCount <= trail.capacity)
    #expect(trail.capacity <= 4 * Trail.defaultHistoryCapacity)
    #expect(trail.count > trail.capacity / 3, "thinning should not throw away most of the budget")
    #expect(trail.appendedCount == total)
    #expect(trail.first?.step == 0)
    #expect(trail.last?.step == total - 1)
    #expect(zip(trail, trail.dropFirst()).allSatisfy { $0.step < $1.step })
  }

  @Test func spiralStaysWithinHalfABrailleDot() {
    let total = 200_000
    var trail = Trail()
    var appended: [Waypoint] = []
    appended.reserveCapacity(total)
    for step in 0..<total {
      let waypoint = Self.spiral(step: step, of: total)
      appended.append(waypoint)
      trail.append(waypoint)
    }
    #expect(trail.count < total / 20, "the trail must actually be thinned")
    let largest = Self.checkDeviation(of: trail, from: appended)
    // The spiral spans 2 units; drawn 400 columns wide it has 800 braille dots
    // across, 0.0025 units each. Thinning must stay under half a dot.
    #expect(trail.deviationBound < 0.0025 / 2, "bound \(trail.deviationBound)")
    #expect(largest > 0, "some points must have been removed off the line")
  }

  @Test func startAndRecentWaypointsAreKeptExactly() {
    var trail = Trail(recentCount: 8, historyCapacity: 32)
    var appended: [Waypoint] = []
    for step in 0..<5_000 {
      let waypoint = Self.spiral(step: step, of: 5_000)
      appended.append(waypoint)
      trail.append(waypoint)
      #expect(trail.count <= trail.capacity)
    }
    #expect(trail.capacity == 48)
    #expect(trail.first == appended.first)
    #expect(Array(trail.suffix(8)) == Array(appended.suffix(8)))
    // Every kept waypoint is one that was appended, with its own step and f.
    #expect(trail.allSatisfy { appended[$0.step] == $0 })
    Self.checkDeviation(of: trail, from: appended)
  }

  @Test(arguments: [(1, 4), (3, 6), (16, 32), (5, 100), (64, 64)])
  func everyBudgetIsRespected(recentCount: Int, historyCapacity: Int) {
    var trail = Trail(recentCount: recentCount, historyCapacity: historyCapacity)
    #expect(trail.capacity >= 2 * recentCount + historyCapacity)
    var largestCount = 0
    for step in 0..<3_000 {
      trail.append(Self.spiral(step: step, of: 3_000))
      largestCount = max(largestCount, trail.count)
    }
    #expect(largestCount <= trail.capacity)
    #expect(trail.first?.step == 0)
    #expect(trail.last?.step == 2_999)
    #expect(zip(trail, trail.dropFirst()).allSatisfy { $0.step < $1.step })
  }

  @Test func cornersOutliveStraightRuns() {
    // Out along x, then a sharp turn at step 3000 up along y: the corner is
    // the one point that matters, and a straight line needs no other.
    var trail = Trail(recentCount: 4, historyCapacity: 16)
    var appended: [Waypoint] = []
    for step in 0..<6_000 {
      let position =
        step <= 3_000
        ? Point(x: Double(step), y: 0) : Point(x: 3_000, y: Double(step - 3_000))
      let waypoint = Waypoint(step: step, position: position, value: Double(step))
      appended.append(waypoint)
      trail.append(waypoint)
    }
    #expect(trail.contains { $0.step == 3_000 })
    #expect(trail.deviationBound == 0)
    Self.checkDeviation(of: trail, from: appended)
  }

  @Test func zigzagKeepsItsWidestSwings() {
    // A zigzag whose swings shrink: the widest, oldest swings are the turning
    // points that shape the drawing, and must survive thinning.
    var trail = Trail(recentCount: 4, historyCapacity: 64)
    var appended: [Waypoint] = []
    for step in 0..<4_000 {
      let swing = (step % 2 == 0 ? 1.0 : -1.0) * exp(-Double(step) / 200)
      let waypoint = Waypoint(
        step: step, position: Point(x: Double(step) * 1e-3, y: swing), value: swing * swing)
      appended.append(waypoint)
      trail.append(waypoint)
    }
    for step in 1...10 {
      #expect(trail.contains { $0.step == step }, "swing \(step) was dropped")
    }
    Self.checkDeviation(of: trail, from: appended)
  }

  @Test func removeAllStartsAfresh() {
    var trail = Trail(recentCount: 2, historyCapacity: 8)
    for step in 0..<100 {
      trail.append(Self.spiral(step: step, of: 100))
    }
    trail.removeAll()
    #expect(trail.isEmpty)
    #expect(trail.appendedCount == 0)
    #expect(trail.deviationBound == 0)
    trail.append(Self.spiral(step: 0, of: 1))
    #expect(trail.count == 1)
  }

  @Test func shortTrailsKeepEveryStep() {
    var trail = Trail()
    let steps = Trail.defaultRecentCount + 10
    for step in 0..<steps {
      trail.append(Self.spiral(step: step, of: steps))
    }
    #expect(trail.map(\.step) == Array(0..<steps))
    #expect(trail.positions.count == steps)
  }
}
