import OptimKit
import Plot

extension Model {
  /// The racers not drawn: those hidden with `1`…`9`, and under solo all but the selected.
  var undrawnRacers: Set<Int> {
    guard pictureChoices.isSolo, let selected = selectedIndex else { return hiddenRacers }
    return Set(race.racers.indices).subtracting([selected])
  }

  /// `o`: draws the selected optimizer alone, or all again.
  mutating func toggleSolo() {
    pictureChoices.isSolo.toggle()
    if !pictureChoices.isSolo {
      message = Message("showing all optimizers again")
    } else if let selected = selectedIndex, selected < race.racers.count {
      message = Message("solo: \(race.racers[selected].label) alone — o shows all, Tab the next")
    } else {
      message = Message("solo: Tab chooses the optimizer to show alone — o shows all")
    }
  }

  /// `y`: the loss chart's y axis on a log or a linear scale.
  mutating func toggleLossScale() {
    pictureChoices.lossScale = pictureChoices.lossScale == .log ? .linear : .log
    message = Message("loss chart: \(pictureChoices.lossScale.rawValue) scale")
  }

  /// `w`: a view that holds every drawn trail and the start, a little wider, with x and y
  /// in the same units on the map.
  mutating func fitViewToTrails(effects: inout [Effect]) {
    var points = [race.start]
    for (index, racer) in race.racers.enumerated()
    where !undrawnRacers.contains(index) && racer.status != .diverged {
      points.append(contentsOf: racer.trail.positions.lazy.filter(\.isFinite))
    }
    guard var fitted = Self.fittingView(points, map: plan.mapSize) else {
      message = Message("cannot fit the view: the trails reach too far", isError: true)
      return
    }
    if function.isOneVariable {
      // One variable: x's range only, and not kept to the map's shape.
      let xs = points.map(\.x)
      let low = xs.min() ?? fitted.xMin
      let high = xs.max() ?? fitted.xMax
      let room = max((high - low) * 0.1, 0.5e-6 * max(abs(low), abs(high), 1))
      fitted = ViewBox(xMin: low - room, xMax: high + room, yMin: -1, yMax: 1)
    }
    view = fitted
    message = Message("view fitted to the trails — 0 goes back")
    effects.append(.liveChange(step: race.stepCount, description: "view \(view)"))
  }

  /// The smallest view with every point, widened by a tenth on each side (and to at
  /// least 1e-6 across), with equal units on a map of `map` cells; nil for points too
  /// far apart (wider than 1e12, where zooming stops too).
  static func fittingView(_ points: [Point], map: (width: Int, height: Int)) -> ViewBox? {
    guard let first = points.first(where: \.isFinite) else { return nil }
    var box = (xMin: first.x, xMax: first.x, yMin: first.y, yMax: first.y)
    for point in points where point.isFinite {
      box.xMin = min(box.xMin, point.x)
      box.xMax = max(box.xMax, point.x)
      box.yMin = min(box.yMin, point.y)
      box.yMax = max(box.yMax, point.y)
    }
    let center = Point(x: box.xMin / 2 + box.xMax / 2, y: box.yMin / 2 + box.yMax / 2)
    let scale = max(abs(center.x), abs(center.y), 1)
    let least = 0.5e-6 * scale
    let halfWidth = max((box.xMax / 2 - box.xMin / 2) * 1.2, least)
    let halfHeight = max((box.yMax / 2 - box.yMin / 2) * 1.2, least)
    guard halfWidth < 0.5e12, halfHeight < 0.5e12 else { return nil }
    let fitted = ViewBox(
      xMin: center.x - halfWidth, xMax: center.x + halfWidth, yMin: center.y - halfHeight,
      yMax: center.y + halfHeight
    ).equalAspect(columns: map.width, rows: map.height)
    return fitted.isValid ? fitted : nil
  }

  /// The status line's readout of the point under the pointer, "x 1.25  y −0.5  f 3.1e+01",
  /// or nil when the pointer is not on a map.
  var pointerReadout: String? {
    guard let pointer = pictureChoices.pointer, input == nil, !isHelpShown else { return nil }
    for map in plan.maps {
      let projection = MapProjection(view: view, region: map)
      guard let point = projection.point(column: pointer.column, row: pointer.row) else {
        continue
      }
      let value = function.objective.value(at: point)
      return "x \(Self.format(point.x))  y \(Self.format(point.y))  f "
        + NumberFormat.scientific(value)
    }
    return nil
  }
}
