import Testing

@testable import OptimKit

/// `Trail.positions` and `Trail.values`, read every frame, list the kept waypoints in order.
@Suite struct TrailArraysTests {
  @Test(arguments: [1, 5, 600, 5000])
  func positionsAndValuesFollowTheWaypoints(count: Int) {
    var trail = Trail(recentCount: 64, historyCapacity: 256)
    for step in 0..<count {
      trail.append(TrailTests.spiral(step: step, of: count))
    }
    let waypoints = Array(trail)
    #expect(waypoints.count == trail.count)
    #expect(trail.positions == waypoints.map(\.position))
    #expect(trail.values == waypoints.map(\.value))
    #expect(trail.positions.first == TrailTests.spiral(step: 0, of: count).position)
    #expect(trail.values.last == TrailTests.spiral(step: count - 1, of: count).value)
  }

  @Test func anEmptyTrailHasNoPositionsOrValues() {
    let trail = Trail()
    #expect(trail.positions.isEmpty)
    #expect(trail.values.isEmpty)
  }
}
