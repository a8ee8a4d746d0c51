import OptimKit
import Plot

extension Model {
  /// `a`: shows or hides the basins of attraction of the selected optimizer (the first when
  /// all are selected).
  mutating func toggleBasins() {
    guard !isBasinsShown else {
      isBasinsShown = false
      message = Message("basins hidden")
      return
    }
    guard !function.minima.isEmpty else {
      message = Message(
        "basins need known minima, and \(function.title) has none: try a built-in function (f)",
        isError: true)
      return
    }
    isBasinsShown = true
    let label = inspectedIndex.map { race.racers[$0].label } ?? "?"
    message = Message(
      "basins of \(label): which minimum it reaches from each cell (Tab: another optimizer, a hides)"
    )
  }

  /// What the basins would be computed for now, or nil when they are hidden or cannot be.
  var basinSubject: BasinOverlay.Subject? {
    guard isBasinsShown, !function.minima.isEmpty, let index = inspectedIndex,
      !race.racers[index].isExternal  // a plug-in's basins would take a helper per cell
    else { return nil }
    let plan = self.plan
    guard !plan.isTooSmall, plan.mapSize.width > 0, plan.mapSize.height > 0 else { return nil }
    return BasinOverlay.Subject(
      function: function.name, view: view, spec: race.racers[index].spec, racerIndex: index,
      columns: plan.mapSize.width, rows: plan.mapSize.height)
  }

  /// Whether the basins of attraction are on the map (`a`, and computable): the runtime's
  /// `BasinOverlay` computes them.
  public var showsBasins: Bool { basinSubject != nil }

  /// The racer the inspector and the basins are about: the selected one, or the first.
  public var inspectedIndex: Int? {
    guard !race.racers.isEmpty else { return nil }
    return min(selectedIndex ?? 0, race.racers.count - 1)
  }
}
