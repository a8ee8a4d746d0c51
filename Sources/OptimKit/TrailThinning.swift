/// Simplifies a polyline to a budget of points, removing first the points that matter least,
/// and tracks how far every removed point may lie from the simplified line.
///
/// Greedy, in the spirit of Visvalingam–Whyatt with Douglas–Peucker's measure:
/// the cost of removing a point is its distance to the segment joining its
/// neighbours plus the larger deviation already absorbed by its two segments.
/// That sum is a true upper bound: a point within `d₁` of segment a–p lies within
/// `d₁ + dist(p, a–b)` of segment a–b, since every point of a–p does. The
/// first point (the start) is never removed.
enum TrailThinning {
  /// The kept waypoints and, for each, the deviation bound of the segment that follows it.
  struct Result {
    var waypoints: [Waypoint]
    var deviations: [Double]
  }

  /// Thins `waypoints` (whose segment bounds are `deviations`) to at most `budget` points.
  ///
  /// `following` is the waypoint after the last one, which stays; it is the
  /// right neighbour of the last point. O(n log n) for n waypoints.
  static func thin(
    _ waypoints: [Waypoint], deviations: [Double], following: Waypoint, keeping budget: Int
  ) -> Result {
    let count = waypoints.count
    guard count > max(1, budget) else {
      return Result(waypoints: waypoints, deviations: deviations)
    }
    // A doubly linked list over indices; `count` stands for `following`.
    var previous = Array(-1..<(count - 1))
    var next = Array(1...count)
    var deviation = deviations
    var version = [Int](repeating: 0, count: count)
    var removed = [Bool](repeating: false, count: count)

    func point(_ index: Int) -> Point {
      index == count ? following.position : waypoints[index].position
    }
    func cost(_ index: Int) -> Double {
      let left = previous[index]
      let absorbed = max(deviation[left], deviation[index])
      return absorbed + distance(from: point(index), toSegment: point(left), point(next[index]))
    }

    var heap = Heap()
    heap.reserve(count)
    for index in 1..<count {
      heap.push(Heap.Entry(cost: cost(index), index: index, version: 0))
    }
    var remaining = count
    while remaining > budget, let entry = heap.pop() {
      let index = entry.index
      guard !removed[index], entry.version == version[index] else { continue }
      let left = previous[index]
      let right = next[index]
      removed[index] = true
      remaining -= 1
      deviation[left] = entry.cost
      next[left] = right
      if right < count { previous[right] = left }
      if left > 0 {
        version[left] += 1
        heap.push(Heap.Entry(cost: cost(left), index: left, version: version[left]))
      }
      if right < count {
        version[right] += 1
        heap.push(Heap.Entry(cost: cost(right), index: right, version: version[right]))
      }
    }
    var result = Result(waypoints: [], deviations: [])
    result.waypoints.reserveCapacity(remaining)
    result.deviations.reserveCapacity(remaining)
    for index in 0..<count where !removed[index] {
      result.waypoints.append(waypoints[index])
      result.deviations.append(deviation[index])
    }
    return result
  }

  /// The distance from `point` to the segment from `a` to `b`.
  static func distance(from point: Point, toSegment a: Point, _ b: Point) -> Double {
    let along = b - a
    let lengthSquared = along.x * along.x + along.y * along.y
    guard lengthSquared > 0, lengthSquared.isFinite else { return (point - a).length }
    let offset = point - a
    let t = min(1, max(0, (offset.x * along.x + offset.y * along.y) / lengthSquared))
    return (offset - Point(x: along.x * t, y: along.y * t)).length
  }

  /// A binary min-heap of removal candidates ordered by cost.
  private struct Heap {
    struct Entry {
      var cost: Double
      var index: Int
      /// Stale when it differs from the point's current version.
      var version: Int
    }

    private var entries: [Entry] = []

    mutating func reserve(_ count: Int) { entries.reserveCapacity(2 * count) }

    mutating func push(_ entry: Entry) {
      entries.append(entry)
      var child = entries.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard entries[child].cost < entries[parent].cost else { break }
        entries.swapAt(child, parent)
        child = parent
      }
    }

    mutating func pop() -> Entry? {
      guard let top = entries.first else { return nil }
      let last = entries.removeLast()
      if !entries.isEmpty {
        entries[0] = last
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var smallest = parent
          if left < entries.count, entries[left].cost < entries[smallest].cost { smallest = left }
          if right < entries.count, entries[right].cost < entries[smallest].cost {
            smallest = right
          }
          guard smallest != parent else { break }
          entries.swapAt(parent, smallest)
          parent = smallest
        }
      }
      return top
    }
  }
}
