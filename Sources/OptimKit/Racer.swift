/// One optimizer in a race: its settings and state, where it is, and where it has been.
///
/// A racer stops at the first step where x, y or f is not finite and is marked
/// diverged; `position` then stays at the last finite point so it can still be
/// drawn, while `current` keeps the non-finite sample for reports.
public struct Racer: Sendable {
  /// The name shown for this racer, unique within its race ("adam", "adam#2").
  public let label: String
  /// The optimizer with its current settings and state.
  public private(set) var optimizer: Optimizer
  /// The latest point reached, finite or not.
  public private(set) var current: Sample
  /// The latest finite point reached; equal to `current` unless diverged.
  public private(set) var lastFinite: Sample
  /// The finite points visited, the start included.
  public private(set) var trail: Trail
  /// Running, converged (display only) or diverged (stopped).
  public private(set) var status: RacerStatus
  /// ASGD's averaged point `ax` after each step (torch's `state["ax"]`), drawn as a second,
  /// fainter trail of the racer's colour, from the step before ax first differs from the
  /// point (step t0); empty until then and for the other optimizers. Its values are NaN: f
  /// is not evaluated at ax.
  public private(set) var averagedTrail = Trail()
  /// The gradient the last step used (∇f plus noise); zero before the first step.
  public private(set) var lastGradientUsed: Point = .zero
  /// The last move, new position minus old; zero before the first step.
  public private(set) var lastUpdate: Point = .zero
  /// Evaluations of f and ∇f the optimizer asked for: one per step for gradient methods,
  /// every closure call for LBFGS; what makes first- and quasi-second-order methods comparable.
  public private(set) var evaluationCount = 0
  /// Set for a racer whose steps are taken outside the race (a plug-in); nil when built-in.
  public private(set) var external: ExternalOptimizer?
  /// Every parameter of a model trained on data (a `TrainingObjective`), in its
  /// `parameterNames`' order, at `position`: the mapped two equal `position.x` and `.y`, the
  /// others move only when the objective `trainsAll`. Empty for a plain objective.
  public private(set) var parameters: [Double] = []
  /// The loss's gradient over all the data at `parameters`, every parameter's; empty for a
  /// plain objective. A full-batch step uses it, as the 2-D path uses `current.gradient`.
  private var fullGradient: [Double] = []

  /// |∇f| below which, together with a tiny step, a racer counts as converged.
  public static let convergedGradientLength = 1e-8
  /// Relative step length below which, together with a tiny gradient, a racer counts as converged.
  public static let convergedStepLength = 1e-12

  /// A racer at `start` with a fresh optimizer built from `spec`.
  ///
  /// On a `TrainingObjective` the racer starts at `objective.parameters` with `start` in the
  /// mapped two.
  public init(label: String, spec: OptimizerSpec, objective: any Objective, start: Point) {
    self.label = label
    self.optimizer = Optimizer(spec)
    var sample: Sample
    if let training = objective as? any TrainingObjective, !training.parameters.isEmpty {
      let evaluated = Self.evaluate(training, at: start, parameters: training.parameters)
      sample = evaluated.sample
      parameters = evaluated.parameters
      fullGradient = evaluated.gradient
    } else {
      sample = Sample(step: 0, position: start, objective: objective)
    }
    current = sample
    lastFinite = sample
    trail = sample.isFinite ? Trail(start: sample.waypoint) : Trail()
    status = sample.isFinite ? .running : .diverged
  }

  /// An external racer at `start` (see `ExternalOptimizer`): `step(on:)` leaves it alone,
  /// `arrive(at:on:)` moves it. Its `optimizer` is a stand-in that never steps.
  public init(
    label: String, external: ExternalOptimizer, objective: any Objective, start: Point
  ) {
    self.init(label: label, spec: OptimizerSpec(kind: .sgd), objective: objective, start: start)
    self.external = external
  }

  /// Whether the racer steps outside the race (a plug-in).
  public var isExternal: Bool { external != nil }

  /// The optimizer as currently set, e.g. `adam:lr=0.05`.
  public var spec: OptimizerSpec { optimizer.spec }
  /// Steps taken since the start.
  public var stepCount: Int { current.step }
  /// Where to draw the racer: the latest finite position.
  public var position: Point { lastFinite.position }
  /// f at `position`.
  public var value: Double { lastFinite.value }
  /// ∇f at `position`.
  public var gradient: Point { lastFinite.gradient }
  /// Whether the racer still takes steps (running or converged).
  public var isActive: Bool { status != .diverged }

  /// Takes one optimizer step on `objective`, with `noise` added to the gradient; does nothing
  /// once diverged.
  ///
  /// A zero `noise` is not added at all, so the noiseless path is bit-identical.
  ///
  /// On a `TrainingObjective` the gradient is the loss's on the examples `batches` gives this
  /// step (`examples(forStep: stepCount + 1)`; all of them when nil), over every parameter
  /// when the objective `trainsAll` (and the optimizer can, `stepsEveryParameter`), else over
  /// the mapped two; `noise` adds to the mapped two.
  public mutating func step(
    on objective: any Objective, noise: Point = .zero, batches: BatchPlan? = nil
  ) {
    guard isActive, external == nil else { return }
    if !parameters.isEmpty {
      step(on: objective, noise: noise, examples: batches?.examples(forStep: current.step + 1))
      return
    }
    var position = current.position
    var gradient = current.gradient
    if noise.x != 0 || noise.y != 0 {
      gradient = gradient + noise
    }
    if optimizer.kind.needsClosure {
      stepWithClosure(on: objective, noise: noise)
      return
    }
    let hessian =
      optimizer.kind.needsHessian ? objective.valueGradientAndHessian(at: position).hessian : nil
    optimizer.step(&position, gradient: gradient, value: current.value, hessian: hessian)
    evaluationCount += 1
    finishStep(at: position, gradientUsed: gradient, on: objective)
  }

  /// One step with its gradient on `examples` (nil: all of them), the race's batch of this
  /// step: `step(on:noise:batches:)` with the batch already drawn.
  @inline(never)
  mutating func step(on objective: any Objective, noise: Point, examples: [Int]?) {
    guard isActive, external == nil else { return }
    guard !parameters.isEmpty, let training = objective as? any TrainingObjective else {
      // A racer that started on a plain objective: no batches.
      var plain = self
      plain.parameters = []
      plain.step(on: objective, noise: noise)
      self = plain
      return
    }
    stepTraining(training, noise: noise, examples: examples)
  }

  /// A step on a model's loss: step k's batch, every parameter or the mapped two.
  private mutating func stepTraining(
    _ training: any TrainingObjective, noise: Point, examples: [Int]?
  ) {
    let mapped = training.mappedParameters
    var gradient =
      examples == nil
      ? fullGradient
      : training.valueAndGradient(parameters: parameters, examples: examples).gradient
    guard gradient.count == parameters.count else {
      // A model whose gradient does not name every parameter cannot be stepped.
      status = .diverged
      return
    }
    if noise.x != 0 || noise.y != 0 {
      gradient[mapped.x] += noise.x
      gradient[mapped.y] += noise.y
    }
    let gradientUsed = Point(x: gradient[mapped.x], y: gradient[mapped.y])
    if training.trainsAll, optimizer.spec.stepsEveryParameter {
      var next = parameters
      optimizer.step(parameters: &next, gradient: gradient, mapped: mapped, value: current.value)
      evaluationCount += 1
      finishTrainingStep(
        at: Point(x: next[mapped.x], y: next[mapped.y]), gradientUsed: gradientUsed,
        on: training, parameters: next)
      return
    }
    // The mapped two as a pair, exactly as on a test function: the slice through the
    // other parameters at their values, on this step's examples.
    let slice = BatchSlice(objective: training, parameters: parameters, examples: examples)
    if optimizer.kind.needsClosure {
      stepWithClosure(on: slice, noise: noise, trainingOn: training)
      return
    }
    var position = current.position
    var hessian: Hessian?
    if optimizer.kind.needsHessian {
      // The objective's own Hessian for all the data; central differences on a batch.
      hessian =
        examples == nil
        ? training.valueGradientAndHessian(at: position).hessian
        : slice.valueGradientAndHessian(at: position).hessian
    }
    optimizer.step(&position, gradient: gradientUsed, value: current.value, hessian: hessian)
    evaluationCount += 1
    finishTrainingStep(at: position, gradientUsed: gradientUsed, on: training, parameters: nil)
  }

  /// LBFGS's step: torch's `step(closure)` with the closure evaluating `objective` (plus
  /// `noise`, the same vector at every call of the step); its inner iterates join the trail.
  ///
  /// With `training`, `objective` is the step's batch slice and the points are sampled on
  /// the model's loss over all the data.
  private mutating func stepWithClosure(
    on objective: any Objective, noise: Point, trainingOn training: (any TrainingObjective)? = nil
  ) {
    var position = current.position
    var calls = 0
    let iterates = optimizer.step(&position) { point in
      calls += 1
      let (value, gradient) = objective.valueAndGradient(at: point)
      return (value, noise.x != 0 || noise.y != 0 ? gradient + noise : gradient)
    }
    evaluationCount += calls
    for point in iterates {
      let sample =
        training.map { Self.evaluate($0, at: point, parameters: parameters).sample }
        ?? Sample(step: current.step, position: point, objective: objective)
      guard sample.isFinite else { break }
      trail.append(Waypoint(step: current.step, position: point, value: sample.value))
    }
    if let training {
      finishTrainingStep(
        at: position, gradientUsed: current.gradient, on: training, parameters: nil)
    } else {
      finishStep(at: position, gradientUsed: current.gradient, on: objective)
    }
  }

  /// The sample of `training` at `position` in the mapped two and `parameters` elsewhere:
  /// the loss over all the data and its gradient, the mapped two's in the sample.
  private static func evaluate(
    _ training: any TrainingObjective, at position: Point, parameters: [Double], step: Int = 0
  ) -> (sample: Sample, parameters: [Double], gradient: [Double]) {
    let mapped = training.mappedParameters
    var parameters = parameters
    guard parameters.indices.contains(mapped.x), parameters.indices.contains(mapped.y) else {
      return (Sample(step: step, position: position, objective: training), parameters, [])
    }
    parameters[mapped.x] = position.x
    parameters[mapped.y] = position.y
    let (value, gradient) = training.valueAndGradient(parameters: parameters, examples: nil)
    let mappedGradient =
      gradient.indices.contains(mapped.x) && gradient.indices.contains(mapped.y)
      ? Point(x: gradient[mapped.x], y: gradient[mapped.y]) : Point(x: .nan, y: .nan)
    // A parameter off the map gone non-finite makes the whole point so: the racer diverges.
    let finite = parameters.allSatisfy(\.isFinite)
    return (
      Sample(
        step: step, position: position, value: finite ? value : .nan, gradient: mappedGradient),
      parameters, gradient
    )
  }

  /// Records the step's end point: the sample, the trail, divergence and convergence.
  ///
  /// On a `TrainingObjective` `finishTrainingStep` does it instead (its callers choose, so
  /// that this path, every step of a race on a test function, stays as it was).
  @inline(__always)
  private mutating func finishStep(
    at position: Point, gradientUsed gradient: Point, on objective: any Objective
  ) {
    lastGradientUsed = gradient
    lastUpdate = position - current.position
    let previous = current
    // Evaluated here rather than through `Sample(step:position:objective:)`: inlined into the
    // step, that initializer copied the objective out of its existential box (a whole
    // Expression) every step, 20% of a race's time.
    let (value, gradient) = objective.valueAndGradient(at: position)
    current = Sample(step: previous.step + 1, position: position, value: value, gradient: gradient)
    guard current.isFinite else {
      status = .diverged
      return
    }
    let moved = (current.position - previous.position).length
    settle(
      after: previous, moved: moved, scale: max(1, current.position.length),
      slope: current.gradient.length)
  }

  /// `finishStep` on a model's loss: the sample is the loss over all the data at the new
  /// parameters, `newParameters` when every parameter stepped (convergence is then judged
  /// on all of them), else the current ones with `position` in the mapped two.
  @inline(never)
  private mutating func finishTrainingStep(
    at position: Point, gradientUsed gradient: Point, on training: any TrainingObjective,
    parameters newParameters: [Double]?
  ) {
    lastGradientUsed = gradient
    lastUpdate = position - current.position
    let previous = current
    let evaluated = Self.evaluate(
      training, at: position, parameters: newParameters ?? parameters, step: previous.step + 1)
    current = evaluated.sample
    guard current.isFinite else {
      status = .diverged
      return
    }
    var moved = (current.position - previous.position).length
    var scale = max(1, current.position.length)
    var slope = current.gradient.length
    if newParameters != nil {
      moved = Optimizer.parameterNorm(zip(evaluated.parameters, parameters).map { $0 - $1 })
      scale = max(1, Optimizer.parameterNorm(evaluated.parameters))
      slope = Optimizer.parameterNorm(evaluated.gradient)
    }
    parameters = evaluated.parameters
    fullGradient = evaluated.gradient
    settle(after: previous, moved: moved, scale: scale, slope: slope)
  }

  /// The rest of a finite step's bookkeeping: the trail, ASGD's averaged trail and whether
  /// the racer has converged (a move of `moved` against `scale`, a gradient of length `slope`).
  private mutating func settle(after previous: Sample, moved: Double, scale: Double, slope: Double)
  {
    lastFinite = current
    trail.append(current.waypoint)
    if let average = optimizer.averagedPosition, average.isFinite,
      !averagedTrail.isEmpty || average != current.position
    {
      // Until averaging starts (step t0, 10⁶ by default) ax is the point itself and its trail
      // would hide under the trail proper: it begins where they part, at the last ax that
      // was still the point. f is not evaluated at ax (that would cost ASGD an evaluation
      // a step): the second trail is drawn, never charted, so its waypoints carry NaN.
      if averagedTrail.isEmpty {
        averagedTrail.append(
          Waypoint(step: previous.step, position: previous.position, value: .nan))
      }
      averagedTrail.append(Waypoint(step: current.step, position: average, value: .nan))
    }
    let still = moved <= Self.convergedStepLength * scale
    status = still && slope <= Self.convergedGradientLength ? .converged : .running
  }

  /// An external racer's step has come: it is now at `position` (`gradient` was what it used),
  /// having used `evaluations` evaluations of f and ∇f (the plug-in's closure calls).
  ///
  /// The same bookkeeping as a built-in step: trail, divergence, convergence.
  /// `noise` is the gradient noise the step was given (`--noise`), for the gradient it used.
  public mutating func arrive(
    at position: Point, on objective: any Objective, evaluations: Int = 1, noise: Point = .zero
  ) {
    guard isActive, external != nil else { return }
    evaluationCount += max(1, evaluations)
    let used = noise.x != 0 || noise.y != 0 ? current.gradient + noise : current.gradient
    if !parameters.isEmpty, let training = objective as? any TrainingObjective {
      finishTrainingStep(at: position, gradientUsed: used, on: training, parameters: nil)
    } else {
      finishStep(at: position, gradientUsed: used, on: objective)
    }
  }

  /// An external racer has failed (raised, timed out): it stops where it is, saying `reason`.
  public mutating func fail(_ reason: String) {
    guard external != nil else { return }
    external?.failure = reason
    status = .diverged
  }

  /// An external racer's state and the last lines it printed, as its helper reported them.
  public mutating func report(state: [String: [Double]], printed: [String]) {
    external?.state = state
    external?.printed = printed
  }

  /// Changes one of an external racer's settings as shown (the plug-in itself is told
  /// elsewhere); nothing happens for a built-in racer or a setting it lacks.
  public mutating func setExternal(_ key: Hyperparameter, to value: Double) {
    guard external?.settings?[key] != nil else { return }
    external?.settings?[key] = value
  }

  /// The inspector's view of this racer and its optimizer.
  public var inspection: RacerInspection {
    RacerInspection(
      position: position, gradient: gradient, lastGradientUsed: lastGradientUsed,
      lastUpdate: lastUpdate, optimizer: optimizer.inspection)
  }

  /// Changes the optimizer's settings, keeping its state; see `Optimizer.edit(_:)`.
  public mutating func edit(_ edit: OptimizerEdit) throws(OptimizerError) {
    try optimizer.edit(edit)
  }

  /// Starts again at `start` on `objective` with fresh optimizer state and the current settings.
  public mutating func restart(from start: Point, on objective: any Objective) {
    if var external {
      external.failure = nil
      external.state = [:]
      self = Racer(label: label, external: external, objective: objective, start: start)
    } else {
      self = Racer(label: label, spec: optimizer.spec, objective: objective, start: start)
    }
  }
}
