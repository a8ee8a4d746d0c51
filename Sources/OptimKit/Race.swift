/// Several optimizers racing from one start across one objective, step by step.
///
/// The race owns the objective so every racer sees the same function; each
/// `step()` advances every racer that has not diverged by one optimizer step.
/// Live changes go through `setHyperparameter`, which keeps the racer's state
/// exactly as editing a torch `param_group` would.
///
/// A racer may also be external (`appendExternal`, a Python plug-in): `step()`
/// passes it over — so the built-in racers step exactly as without it — and
/// whoever talks to the plug-in moves it with `arrive` or stops it with `fail`;
/// `stepCount` is then the step it is heading for.
public struct Race: Sendable {
  /// The function being minimised.
  public private(set) var objective: any Objective
  /// Where every racer started.
  public private(set) var start: Point
  /// The racers, in the order their specs were given.
  public private(set) var racers: [Racer]
  /// Calls to `step()` since the start or the last restart.
  public private(set) var stepCount: Int = 0
  /// Gradient noise, the same stream for every racer; settable live (σ and seed).
  public var noise: GradientNoise = .none
  /// Which examples each step's gradient uses when the objective is a model trained on data
  /// (a `TrainingObjective`): step k's batch is the same for every racer. nil: all of them
  /// (full batch); ignored for a plain objective.
  public var batches: BatchPlan?
  /// The epoch order `batches` gave last, kept so a race shuffles once an epoch.
  private var epochOrder: (plan: BatchPlan, epoch: Int, order: [Int])?

  /// A race of one racer per spec, all at `start`; labels are made unique ("adam", "adam#2").
  ///
  /// `labels`, when given (one per spec), replaces the optimizer names, e.g.
  /// `adam lr=0.01` for a learning-rate sweep; repeated labels get "#2", "#3".
  public init(
    objective: any Objective, start: Point, specs: [OptimizerSpec], labels: [String]? = nil
  ) {
    self.objective = objective
    self.start = start
    let names =
      labels.flatMap { $0.count == specs.count ? $0 : nil } ?? specs.map(\.kind.name)
    var seen: [String: Int] = [:]
    racers = zip(specs, names).map { spec, name in
      let count = (seen[name] ?? 0) + 1
      seen[name] = count
      let label = count == 1 ? name : "\(name)#\(count)"
      return Racer(label: label, spec: spec, objective: objective, start: start)
    }
  }

  /// Adds an external racer (a plug-in, see `ExternalOptimizer`) at the start, its label made
  /// unique as the others'; returns its index.
  @discardableResult
  public mutating func appendExternal(label name: String, _ external: ExternalOptimizer) -> Int {
    var label = name
    var count = 1
    while racers.contains(where: { $0.label == label }) {
      count += 1
      label = "\(name)#\(count)"
    }
    racers.append(Racer(label: label, external: external, objective: objective, start: start))
    return racers.count - 1
  }

  /// The external racer at `index` has stepped to `position`, using `evaluations` of f and ∇f
  /// and the gradient noise `noise`.
  public mutating func arrive(
    at position: Point, racer index: Int, evaluations: Int = 1, noise: Point = .zero
  ) {
    guard racers.indices.contains(index) else { return }
    racers[index].arrive(at: position, on: objective, evaluations: evaluations, noise: noise)
  }

  /// The gradient noise of the next step of racer `index`: every racer's k-th step gets
  /// the same vector, built-in or external.
  public func noiseOfNextStep(racer index: Int) -> Point {
    racers.indices.contains(index) ? noise.vector(step: racers[index].stepCount + 1) : .zero
  }

  /// The external racer at `index` has failed, saying `reason`.
  public mutating func fail(_ reason: String, racer index: Int) {
    guard racers.indices.contains(index) else { return }
    racers[index].fail(reason)
  }

  /// What the external racer at `index` reported besides its point: its state and the last
  /// lines it printed, for the inspector.
  public mutating func report(
    state: [String: [Double]], printed: [String], racer index: Int
  ) {
    guard racers.indices.contains(index) else { return }
    racers[index].report(state: state, printed: printed)
  }

  /// Changes a setting of the external racer at `index` as shown.
  public mutating func setExternal(_ key: Hyperparameter, to value: Double, racer index: Int) {
    guard racers.indices.contains(index) else { return }
    racers[index].setExternal(key, to: value)
  }

  /// Whether any racer still takes steps.
  ///
  /// Read in place: `contains(where: \.isActive)` copies every racer (its trails, its state)
  /// to ask, and it is asked every step.
  public var isRunning: Bool {
    for index in racers.indices where racers[index].isActive { return true }
    return false
  }

  /// Advances every racer that has not diverged by one step.
  ///
  /// With noise on, a racer's k-th step adds `noise.vector(step: k)`: the
  /// same vector for every racer at that step. On a `TrainingObjective`, its k-th step's
  /// gradient is the loss's on `batches.examples(forStep: k)`, the same batch for every racer.
  public mutating func step() {
    stepCount += 1
    if batches != nil {
      stepOnBatches()
      return
    }
    for index in racers.indices {
      let noiseVector = noise.vector(step: racers[index].stepCount + 1)
      racers[index].step(on: objective, noise: noiseVector)
    }
  }

  /// `step()` with `batches`: each racer's k-th step on step k's batch, drawn once for all.
  @inline(never)
  private mutating func stepOnBatches() {
    var examples: (step: Int, examples: [Int]?)?
    for index in racers.indices {
      let step = racers[index].stepCount + 1
      let noiseVector = noise.vector(step: step)
      if racers[index].isActive, !racers[index].parameters.isEmpty {
        if examples?.step != step {
          examples = (step, self.examples(forStep: step))
        }
        racers[index].step(on: objective, noise: noiseVector, examples: examples?.examples)
      } else {
        racers[index].step(on: objective, noise: noiseVector)
      }
    }
  }

  /// `batches.examples(forStep:)`, shuffling only when the epoch (or the plan) changes.
  private mutating func examples(forStep step: Int) -> [Int]? {
    guard let plan = batches, plan.size != .full else { return nil }
    let epoch = plan.epoch(ofStep: step)
    if let kept = epochOrder, kept.plan == plan, kept.epoch == epoch {
      return plan.examples(forStep: step, in: kept.order)
    }
    let order = plan.shuffled(epoch: epoch)
    epochOrder = (plan, epoch, order)
    return plan.examples(forStep: step, in: order)
  }

  /// Throws unless every racer can train every parameter, when the objective is a model
  /// whose parameters all train (`TrainingObjective.trainsAll`): `OptimizerError.cannotTrainAll`
  /// for an optimizer that steps a pair (LBFGS, Newton, Muon, Adafactor shape=matrix),
  /// `.pluginCannotTrainAll` for a plug-in. Such racers would step only the mapped two.
  public func checkTrainsAll() throws(OptimizerError) {
    guard let training = objective as? any TrainingObjective, training.trainsAll else { return }
    for racer in racers {
      if racer.isExternal { throw .pluginCannotTrainAll(label: racer.label) }
      try racer.spec.checkTrainsAll()
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
  ///
  /// On a `TrainingObjective` every racer's `parameters` start again at
  /// `objective.parameters`, with `start`'s x and y in the mapped two.
  public mutating func restart(objective: any Objective, from start: Point) {
    self.objective = objective
    restart(from: start)
  }

  /// Changes the settings of the racer at `index` (0-based), keeping its state.
  ///
  /// Throws `OptimizerError.noSuchRacer` for a bad index, and the optimizer's refusal
  /// for a value it does not accept; nothing changes then.
  public mutating func edit(_ edit: OptimizerEdit, racer index: Int) throws(OptimizerError) {
    guard racers.indices.contains(index) else {
      throw .noSuchRacer(index: index, count: racers.count)
    }
    try racers[index].edit(edit)
  }
}
