import OptimKit
import Plot

extension Model {
  /// Steps each cell's optimizer may take to reach a minimum before it counts as reaching none.
  static let basinStepBudget = 1000
  /// About how many optimizer steps a frame spends on the basins: bounded work per frame
  /// (a cell costs 1 to 1001 steps), so the map fills in over seconds without threads and the
  /// keys stay responsive. At about 70 ns a step (release build) that is some 7 ms a frame;
  /// a 200×60 map of slow SGD on the six-hump camel (7.5 million steps) takes 4 s.
  static let basinStepsPerTick = 100_000

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

  /// Starts the basins afresh when what they depend on changed, and drops them when hidden.
  mutating func refreshBasins() {
    guard let subject = basinSubject else {
      basinOverlay = nil
      return
    }
    if basinOverlay?.subject == subject { return }
    let map = BasinMap(
      objective: function.objective, minima: function.minima, spec: subject.spec, view: view,
      columns: subject.columns, rows: subject.rows, steps: Model.basinStepBudget)
    basinOverlay = BasinOverlay(subject: subject, map: map)
  }

  /// Computes one frame's share of the basins: about `basinStepsPerTick` optimizer steps.
  mutating func advanceBasins() {
    guard var overlay = basinOverlay, !overlay.map.isComplete else { return }
    basinOverlay = nil  // Keep the map uniquely referenced while it grows.
    overlay.map.advance(stepBudget: Model.basinStepsPerTick)
    basinOverlay = overlay
  }

  /// Computes the rest of the basins at once, for headless pictures.
  mutating func finishBasins() {
    guard var overlay = basinOverlay else { return }
    basinOverlay = nil
    overlay.map.advance(rows: overlay.map.rows)
    basinOverlay = overlay
  }

  /// Whether basins are shown and not finished yet (the program keeps ticking until they are).
  public var isComputingBasins: Bool { basinOverlay.map { !$0.map.isComplete } ?? false }

  /// The basins computed so far, or nil when hidden.
  public var basinMap: BasinMap? { basinOverlay?.map }

  /// The share of the basins computed, or nil when hidden.
  public var basinProgress: Double? { basinOverlay?.map.progress }

  /// The basins' drawing for the picture, or nil when hidden.
  var basinDrawing: BasinDrawing? {
    guard let overlay = basinOverlay else { return nil }
    let index = overlay.subject.racerIndex
    let label = race.racers.indices.contains(index) ? race.racers[index].label : "?"
    return BasinDrawing(map: overlay.map, racerIndex: index, label: label)
  }

  /// The racer the inspector and the basins are about: the selected one, or the first.
  public var inspectedIndex: Int? {
    guard !race.racers.isEmpty else { return nil }
    return min(selectedIndex ?? 0, race.racers.count - 1)
  }
}
