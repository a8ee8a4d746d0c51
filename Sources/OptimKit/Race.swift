/// Several optimizers racing from one start across one objective, step by step.
///
/// The race owns the objective so every racer sees the same function; each
/// `step()` advances every racer that has not diverged by one optimizer step.
/// Live changes go through `setHyperparameter`, which keeps the racer's state
/// exactly as editing a torch `param_group` would.
public struct Race: Sendable {
  /// The function being minimised.
  public private(set) var objective: any Objective
  /// Where every racer started.
  public private(set) var start: Point
  /// The racers, in the order their specs were given.
  public private(set) var racers: [Racer]
  /// Calls to `step()` since the start or the last restart.
  public private(set) var stepCount: Int = 0

  /// A race of one racer per spec, all at `start`; labels are made unique ("adam", "adam#2").
  public init(objective: any Objective, start: Point, specs: [OptimizerSpec]) {
    self.objective = objective
    self.start = start
    var seen: [OptimizerKind: Int] = [:]
    racers = specs.map { spec in
      let count = (seen[spec.kind] ?? 0) + 1
      seen[spec.kind] = count
      let label = count == 1 ? spec.kind.name : "\(spec.kind.name)#\(count)"
      return Racer(label: label, spec: spec, objective: objective, start: start)
    }
  }

  /// Whether any racer still takes steps.
  public var isRunning: Bool { racers.contains(where: \.isActive) }

  /// Advances every racer that has not diverged by one step.
  public mutating func step() {
    stepCount += 1
    for index in racers.indices {
      racers[index].step(on: objective)
    }
  }

  /// Advances the race `count` steps.
  public mutating func step(times count: Int) {
    for _ in 0..<max(0, count) {
      step()
    }
  }

  /// Puts every racer back at `start` with fresh state, keeping their current settings.
  public mutating func restart(from start: Point) {
    self.start = start
    stepCount = 0
    for index in racers.indices {
      racers[index].restart(from: start, on: objective)
    }
  }

  /// Switches to another objective and restarts every racer at `start`.
  public mutating func restart(objective: any Objective, from start: Point) {
    self.objective = objective
    restart(from: start)
  }

  /// Changes one hyper-parameter of the racer at `index` (0-based), keeping its state.
  ///
  /// Throws `RaceError` for a bad index and `OptimizerError` for a key or value
  /// the optimizer refuses; nothing changes then.
  public mutating func setHyperparameter(_ key: Hyperparameter, to value: Double, racer index: Int)
    throws
  {
    guard racers.indices.contains(index) else {
      throw RaceError.noSuchRacer(index: index, count: racers.count)
    }
    try racers[index].set(key, to: value)
  }

  /// Changes the hyper-parameter called `name` (torch's name) of the racer at `index` (0-based).
  public mutating func setHyperparameter(_ name: String, to value: Double, racer index: Int) throws
  {
    guard racers.indices.contains(index) else {
      throw RaceError.noSuchRacer(index: index, count: racers.count)
    }
    try racers[index].set(name, to: value)
  }
}
