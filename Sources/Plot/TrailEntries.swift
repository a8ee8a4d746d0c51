import OptimKit

/// A racer's trail and loss history read in place, entry by entry, for drawing them.
///
/// Drawing a frame reads every point of eleven trails of thousands of
/// waypoints, for the map's lines, the loss chart's lines and its range.
/// Reading them through `RacerDrawing.pathPoint(_:)` and `loss(_:)` retains
/// and releases the shared arrays at every entry; these buffers are taken
/// once per trail (`RacerDrawing.withTrailEntries`), so an entry is a load or two.
struct TrailEntries {
  /// A race trail's waypoints, older then newer (`RacerDrawing`'s shared parts); empty
  /// for a trail and history of the drawing's own.
  let older: UnsafeBufferPointer<Waypoint>
  let newer: UnsafeBufferPointer<Waypoint>
  /// A trail of the drawing's own, its loss history and the history's steps (entry i is
  /// step i unless there is one step per value).
  let points: UnsafeBufferPointer<Point>
  let values: UnsafeBufferPointer<Double>
  let steps: UnsafeBufferPointer<Int>
  /// Whether the entries are the waypoints rather than the drawing's own arrays.
  let isShared: Bool

  /// How many loss entries there are (`RacerDrawing.lossCount`).
  var count: Int { isShared ? older.count + newer.count : values.count }

  /// How many points the trail has (`RacerDrawing.pathCount`).
  var pointCount: Int { isShared ? older.count + newer.count : points.count }

  /// The trail's point at `index`.
  @inline(__always)
  func point(_ index: Int) -> Point {
    if isShared {
      return index < older.count ? older[index].position : newer[index - older.count].position
    }
    return points[index]
  }

  /// The step of entry `index`: its own, or the index when the history has no steps.
  @inline(__always)
  func step(_ index: Int) -> Int {
    if isShared {
      return index < older.count ? older[index].step : newer[index - older.count].step
    }
    return steps.count == values.count ? steps[index] : index
  }

  /// f at entry `index`.
  @inline(__always)
  func value(_ index: Int) -> Double {
    if isShared {
      return index < older.count ? older[index].value : newer[index - older.count].value
    }
    return values[index]
  }

  /// The column of the entries from `start` (which is in it) up to the first whose step is
  /// `limit` or more: one pass over the stored arrays, not an entry at a time.
  func scanColumn(from start: Int, below limit: Int) -> ColumnScan {
    var column = ColumnScan(index: start, value: value(start))
    var index = start + 1
    if isShared {
      let split = older.count
      while index < split {
        let waypoint = older[index]
        guard waypoint.step < limit else { return column }
        column.add(index: index, value: waypoint.value)
        index += 1
      }
      while index - split < newer.count {
        let waypoint = newer[index - split]
        guard waypoint.step < limit else { return column }
        column.add(index: index, value: waypoint.value)
        index += 1
      }
      return column
    }
    let hasSteps = steps.count == values.count
    while index < values.count, (hasSteps ? steps[index] : index) < limit {
      column.add(index: index, value: values[index])
      index += 1
    }
    return column
  }
}
