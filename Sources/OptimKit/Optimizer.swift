import RealModule

/// A torch.optim optimizer for two parameters: its settings and its running state.
///
/// `step(_:gradient:)` applies exactly the arithmetic of torch's single-tensor
/// (`foreach=False`) implementation in float64, so trajectories match PyTorch's
/// to rounding. Changing a hyper-parameter keeps the state (moments, step count,
/// accumulators), like editing `optimizer.param_groups[0]` in torch; `reset()`
/// forgets it, like building a fresh optimizer.
///
/// A spec with a `LearningRateSchedule` also carries the scheduler's state
/// here: each `step` uses the scheduled lr (`learningRate`) and then steps
/// the schedule, as `optimizer.step(); scheduler.step()` does in torch.
public struct Optimizer: Sendable {
  /// The optimizer as currently set: its kind, the values given, and all settings.
  public private(set) var spec: OptimizerSpec
  /// The number of steps taken since creation or the last `reset()`.
  public internal(set) var stepCount: Int = 0
  /// Per-parameter state for x and for y.
  var stateX: ParameterState
  var stateY: ParameterState
  /// NAdam's running product of momentum coefficients, μ₁·μ₂·…·μₜ.
  var momentumProduct: Double = 1
  /// Scheduler steps taken since the schedule was set (torch's `last_epoch`).
  public private(set) var scheduleStep: Int = 0
  /// ReduceLROnPlateau's state; untouched by the other schedules.
  public private(set) var plateau = LearningRateSchedule.PlateauState()
  /// How Newton's last direction was found; nil for other kinds or before the first step.
  public private(set) var lastNewtonMethod: NewtonStep.Method?
  /// Newton's last per-coordinate step, lr·diag((H + λI)⁻¹), for the inspector.
  private var newtonEffectiveStep = Point.zero
  /// Adafactor's `row_var` when (x, y) is a 1×2 matrix (its `col_var` is the coordinates'
  /// `secondMoment`); untouched otherwise.
  var rowVariance: Double = 0
  /// LBFGS's state (directions, curvature pairs, counts); untouched by the other kinds.
  public private(set) var lbfgs = LBFGS()
  /// The state of a model's parameters other than the mapped two, by parameter index (the
  /// mapped slots unused: their state is `stateX`, `stateY`); empty until the first step of
  /// `step(parameters:gradient:mapped:value:)`.
  var otherStates: [ParameterState] = []
  /// `initial_accumulator_value` when the state was created, for `otherStates` made later.
  let initialAccumulator: Double

  /// An optimizer with the settings of `spec` and fresh state.
  public init(_ spec: OptimizerSpec) {
    self.spec = spec
    let initial = spec.hyperparameters.value(.initialAccumulatorValue)
    stateX = ParameterState(accumulator: initial)
    stateY = ParameterState(accumulator: initial)
    initialAccumulator = initial
  }

  /// An optimizer of `kind` with torch's defaults.
  public init(kind: OptimizerKind) {
    self.init(OptimizerSpec(kind: kind))
  }

  /// The update rule.
  public var kind: OptimizerKind { spec.kind }

  /// The current settings.
  public var hyperparameters: Hyperparameters { spec.hyperparameters }

  /// The learning-rate schedule, if any.
  public var schedule: LearningRateSchedule? { spec.schedule }

  /// The lr the next step will use: the base `lr` as scaled by the schedule now.
  public var learningRate: Double {
    let base = spec.hyperparameters.learningRate
    guard let schedule = spec.schedule else { return base }
    return schedule.learningRate(base: base, step: scheduleStep, plateauRate: plateau.rate)
  }

  /// Applies one change of settings, keeping all state (moments, step count, accumulators),
  /// as editing torch's `param_groups[0]` or assigning a scheduler's attribute does.
  ///
  /// - A hyper-parameter: as in torch, `initial_accumulator_value` only matters when
  ///   the state is created, so changing it takes effect at the next `reset()`; a new
  ///   `lr` makes a plateau schedule go on from it.
  /// - A schedule setting keeps the schedule's clock and plateau state (like assigning
  ///   `scheduler.T_max`); refused when there is no schedule.
  /// - A schedule (or nil, none) starts at t = 0, as a torch scheduler built now would.
  public mutating func edit(_ edit: OptimizerEdit) throws(OptimizerError) {
    switch edit {
    case .hyperparameter(.maxIter, let value) where hyperparameters[.maxEval] == 0:
      // torch resolves max_eval=None to max_iter·5/4 when the optimizer is built, so a later
      // max_iter leaves max_eval where it was.
      let resolved = Double(Int(hyperparameters.value(.maxIter)) * 5 / 4)
      var changed = spec
      try changed.edit(.hyperparameter(.maxIter, value))
      try changed.edit(.hyperparameter(.maxEval, resolved))
      spec = changed
    case .hyperparameter(let key, _):
      try spec.edit(edit)
      if key == .learningRate {
        // Like writing param_group["lr"]: a plateau schedule goes on from the new lr.
        plateau.rate = nil
      }
    case .scheduleParameter:
      try spec.edit(edit)
    case .schedule:
      try spec.edit(edit)
      scheduleStep = 0
      plateau = LearningRateSchedule.PlateauState()
    }
  }

  /// Forgets all state (moments, step count, accumulators), keeping the settings.
  public mutating func reset() {
    self = Optimizer(spec)
  }

  /// Moves `position` one step against `gradient` (∇f at `position`), as torch's `step()` does,
  /// then steps the schedule.
  ///
  /// `value` (f at `position`) is the metric of a `plateau` schedule, which
  /// does not step without it. `hessian` (at `position`) is what `newton`
  /// solves with; without it Newton takes a plain gradient step lr·∇f.
  public mutating func step(
    _ position: inout Point, gradient: Point, value: Double? = nil, hessian: Hessian? = nil
  ) {
    stepCount += 1
    var settings = spec.hyperparameters
    if spec.schedule != nil {
      settings.overrideLearningRate(learningRate)
    }
    var gradient = gradient
    // A function of one variable has no y: its gradient (noise included) is not there to use.
    if spec.shape == .single { gradient.y = 0 }
    if let clip = spec.clip {
      gradient = Self.clipped(gradient, maximumNorm: clip, isOneVariable: spec.shape == .single)
    }
    // torch's `grad = grad if not maximize else -grad`, before anything else of the step.
    if settings.isOn(.maximize) { gradient = Point(x: -gradient.x, y: -gradient.y) }
    if kind == .newton {
      stepNewton(
        &position, gradient: gradient, hessian: hessian, learningRate: settings.learningRate)
    } else if kind == .adafactor {
      stepAdafactor(&position, gradient: gradient, settings: settings)
    } else if kind == .muon {
      stepMuon(&position, gradient: gradient, settings: settings)
    } else {
      let step = Double(stepCount)
      var rule = UpdateRule(kind: kind, settings: settings, step: step)
      if kind == .nadam {
        momentumProduct *= rule.momentumCoefficient
        rule.momentumProduct = momentumProduct
      }
      rule.apply(to: &position.x, gradient: gradient.x, state: &stateX)
      rule.apply(to: &position.y, gradient: gradient.y, state: &stateY)
    }
    stepSchedule(value: value)
  }

  /// Steps the schedule after a step, as `scheduler.step()` (`scheduler.step(value)` for a
  /// plateau schedule, which does not step without a value).
  mutating func stepSchedule(value: Double?) {
    if let schedule = spec.schedule {
      scheduleStep += 1
      if schedule.kind == .plateau, let value {
        schedule.stepPlateau(&plateau, metric: value, base: spec.hyperparameters.learningRate)
      }
    }
  }

  /// One LBFGS `step(closure)`: `evaluate` is the closure (f and ∇f at a point), called as
  /// often as torch calls it; returns the inner iterates before the last, which is `position`.
  ///
  /// A schedule scales lr and steps after, as `optimizer.step(closure); scheduler.step()`.
  /// `clip=` clips the gradient of every closure call, as torch users write it: LBFGS calls
  /// the closure itself, so `clip_grad_norm_` goes inside the closure, after `backward()`.
  public mutating func step(
    _ position: inout Point, evaluate: (Point) -> (value: Double, gradient: Point)
  ) -> [Point] {
    stepCount += 1
    var settings = LBFGS.Settings(spec.hyperparameters)
    settings.learningRate = learningRate
    let iterates: [Point]
    let clip = spec.clip
    let isOneVariable = spec.shape == .single
    if clip != nil || isOneVariable {
      iterates = lbfgs.step(&position, settings: settings) { point in
        var (value, gradient) = evaluate(point)
        // One variable: the closure's gradient has no y (as in `step(_:gradient:)`).
        if isOneVariable { gradient.y = 0 }
        if let clip {
          gradient = Self.clipped(gradient, maximumNorm: clip, isOneVariable: isOneVariable)
        }
        return (value, gradient)
      }
    } else {
      iterates = lbfgs.step(&position, settings: settings, evaluate: evaluate)
    }
    if let schedule = spec.schedule {
      scheduleStep += 1
      if schedule.kind == .plateau {
        let value = evaluate(position).value
        schedule.stepPlateau(&plateau, metric: value, base: spec.hyperparameters.learningRate)
      }
    }
    return iterates
  }

  /// torch's Adafactor for (x, y) held as `spec.shape`: one 2-vector (not factored), two
  /// scalars (each its own tensor), or a 1×2 matrix (factored).
  ///
  /// Unlike the per-coordinate rules it needs the whole parameter: the relative
  /// step max(eps2, RMS(p))·min(lr, 1/√t) scales with the parameter's norm and the
  /// clipping of the update to RMS d with the update's, over each tensor.
  private mutating func stepAdafactor(
    _ position: inout Point, gradient g: Point, settings: Hyperparameters
  ) {
    let adafactor = AdafactorStep(settings: settings, step: stepCount)
    if spec.shape == .scalars || spec.shape == .single {
      // Two tensors of one element (or the one of a function of one variable).
      let isOneVariable = spec.shape == .single
      adafactor.stepOneElement(
        &position.x, gradient: g.x, state: &stateX, isOneVariable: isOneVariable)
      if spec.shape == .scalars {
        adafactor.stepOneElement(
          &position.y, gradient: g.y, state: &stateY, isOneVariable: isOneVariable)
      }
      return
    }
    let alpha = adafactor.stepSize(norm: Self.norm(position), rootCount: Double.power(2, 0.5))
    if adafactor.decays {
      position.x *= adafactor.decay
      position.y *= adafactor.decay
    }
    let estimate: Point
    if spec.shape == .matrix {
      // Factored over the last two dimensions: the row variance (1×1) is the running mean of
      // ‖g‖²/2, the column variances (1×2) those of g², and the estimate is
      // row_var @ col_var / max(mean(row_var), eps1).
      let norm = Self.norm(g)
      rowVariance = adafactor.averaged(rowVariance, norm * norm / 2)
      func columnMean(_ g: Double) -> Double {
        let root = (g * g).squareRoot()
        return root * root / 1
      }
      stateX.secondMoment = adafactor.averaged(stateX.secondMoment, columnMean(g.x))
      stateY.secondMoment = adafactor.averaged(stateY.secondMoment, columnMean(g.y))
      let rowFloor =
        rowVariance.isNaN || rowVariance >= adafactor.eps1 ? rowVariance : adafactor.eps1
      estimate = Point(
        x: rowVariance * stateX.secondMoment / rowFloor,
        y: rowVariance * stateY.secondMoment / rowFloor)
    } else {
      stateX.secondMoment = adafactor.averaged(stateX.secondMoment, g.x * g.x)
      stateY.secondMoment = adafactor.averaged(stateY.secondMoment, g.y * g.y)
      estimate = Point(x: stateX.secondMoment, y: stateY.secondMoment)
    }
    let update = Point(
      x: 1 / adafactor.clamped(estimate.x).squareRoot() * g.x,
      y: 1 / adafactor.clamped(estimate.y).squareRoot() * g.y)
    let denominator = adafactor.clipping(norm: Self.norm(update), rootCount: Double.power(2, 0.5))
    let scale = -alpha / denominator
    position.x = position.x.addingProduct(scale, update.x)
    position.y = position.y.addingProduct(scale, update.y)
    stateX.effectiveStep = alpha / denominator / adafactor.clamped(estimate.x).squareRoot()
    stateY.effectiveStep = alpha / denominator / adafactor.clamped(estimate.y).squareRoot()
  }

  /// torch's Muon on (x, y) viewed as a 1×2 matrix (torch refuses vectors): momentum as a
  /// running average (`lerp`), Nesterov's look-ahead, the Newton–Schulz orthogonalization in
  /// bfloat16 as torch computes it whatever the parameter's precision, and the shape-adjusted lr.
  private mutating func stepMuon(
    _ position: inout Point, gradient g: Point, settings: Hyperparameters
  ) {
    let momentum = settings.value(.momentum)
    stateX.firstMoment = UpdateRule.lerp(stateX.firstMoment, g.x, 1 - momentum)
    stateY.firstMoment = UpdateRule.lerp(stateY.firstMoment, g.y, 1 - momentum)
    let buffer = Point(x: stateX.firstMoment, y: stateY.firstMoment)
    let update =
      settings.isOn(.nesterov)
      ? Point(
        x: UpdateRule.lerp(g.x, buffer.x, momentum), y: UpdateRule.lerp(g.y, buffer.y, momentum))
      : buffer
    let orthogonal = MuonNewtonSchulz.orthogonalize(
      update, steps: Int(settings.value(.newtonSchulzSteps)), eps: settings.value(.epsilon))
    let learningRate = settings.learningRate
    // torch's _adjust_lr for the shape (A, B) = (1, 2).
    let ratios = [1, 0.2 * 2.0.squareRoot(), 0.5.squareRoot()]
    let adjusted = learningRate * ratios[Int(settings.value(.adjustLearningRate))]
    position.x *= 1 - learningRate * settings.value(.weightDecay)
    position.y *= 1 - learningRate * settings.value(.weightDecay)
    position.x = position.x.addingProduct(-adjusted, orthogonal.x)
    position.y = position.y.addingProduct(-adjusted, orthogonal.y)
    stateX.effectiveStep = adjusted
    stateY.effectiveStep = adjusted
  }

  /// `torch.nn.utils.clip_grad_norm_(params, maximumNorm)` on the gradient: scaled by
  /// min(1, maximumNorm/(‖g‖ + 1e-6)), which torch computes as reciprocal(‖g‖ + 1e-6)·max;
  /// a non-finite norm makes the gradient NaN, as torch's does without `error_if_nonfinite`.
  ///
  /// torch's norm of a tensor of one element is |x| itself (it neither overflows nor
  /// underflows where x² would), so `isOneVariable` takes |g.x|.
  static func clipped(_ g: Point, maximumNorm: Double, isOneVariable: Bool = false) -> Point {
    let length = isOneVariable ? Swift.abs(g.x) : norm(g)
    let coefficient = (1 / (length + 1e-6)) * maximumNorm
    let clamped = coefficient.isNaN || coefficient < 1 ? coefficient : 1
    return Point(x: g.x * clamped, y: g.y * clamped)
  }

  /// torch's `norm(2)` of a 2-element tensor: √(fma(y, y, x·x)).
  private static func norm(_ p: Point) -> Double {
    (p.x * p.x).addingProduct(p.y, p.y).squareRoot()
  }

  /// p ← p − lr·d with d from `NewtonStep`; a gradient step when no Hessian is known.
  private mutating func stepNewton(
    _ position: inout Point, gradient: Point, hessian: Hessian?, learningRate: Double
  ) {
    guard let hessian else {
      position = position + (-learningRate) * gradient
      newtonEffectiveStep = Point(x: learningRate, y: learningRate)
      lastNewtonMethod = nil
      return
    }
    let damping = spec.hyperparameters.value(.damping)
    let newton =
      spec.shape == .single
      ? NewtonStep(slope: gradient.x, curvature: hessian.xx, damping: damping)
      : NewtonStep(gradient: gradient, hessian: hessian, damping: damping)
    position.x = position.x + -learningRate * newton.direction.x
    position.y = position.y + -learningRate * newton.direction.y
    newtonEffectiveStep = learningRate * newton.inverseDiagonal
    lastNewtonMethod = newton.method
  }

  /// ASGD's averaged point `ax` (torch's `state["ax"]`), nil for other kinds and before the
  /// first step; a trail of these is the fainter second trail of an ASGD racer.
  public var averagedPosition: Point? {
    guard kind == .asgd, stepCount > 0 else { return nil }
    return Point(x: stateX.average, y: stateY.average)
  }

  /// The optimizer's state as the inspector shows it; see `OptimizerInspection`.
  public var inspection: OptimizerInspection {
    let momentum: Point?
    switch kind {
    case .sgd, .momentum, .nesterov:
      if let x = stateX.momentumBuffer, let y = stateY.momentumBuffer {
        momentum = Point(x: x, y: y)
      } else {
        momentum = nil
      }
    case .rmsprop:
      momentum =
        hyperparameters.value(.momentum) > 0
        ? Point(x: stateX.rmsMomentumBuffer, y: stateY.rmsMomentumBuffer) : nil
    case .adam, .adamw, .nadam, .radam, .adamax, .lion, .muon:
      momentum = Point(x: stateX.firstMoment, y: stateY.firstMoment)
    case .adagrad, .adadelta, .newton, .rprop, .asgd, .adafactor, .lbfgs:
      momentum = nil
    }
    let effective: Point?
    if stepCount == 0 {
      effective = nil
    } else if kind == .newton {
      effective = newtonEffectiveStep
    } else if kind == .lbfgs {
      effective = Point(x: lbfgs.stepLength, y: lbfgs.stepLength)
    } else {
      effective = Point(x: stateX.effectiveStep, y: stateY.effectiveStep)
    }
    var inspection = OptimizerInspection(
      learningRate: learningRate, effectiveStep: effective, momentum: momentum,
      newtonMethod: lastNewtonMethod)
    inspection.state = stateRows
    return inspection
  }

  /// The rows of `OptimizerInspection.state`: torch's state of Rprop, ASGD, LBFGS and
  /// Adafactor in words (Muon's momentum buffer is the momentum row).
  private var stateRows: [OptimizerStateRow] {
    guard stepCount > 0 else { return [] }
    func pair(_ value: (ParameterState) -> Double) -> OptimizerStateRow.Value {
      .pair(Point(x: value(stateX), y: value(stateY)))
    }
    switch kind {
    case .rprop:
      return [
        OptimizerStateRow("step size", pair { $0.stepSize ?? 0 }),
        OptimizerStateRow("prev grad", pair(\.previousGradient)),
      ]
    case .asgd:
      return [
        OptimizerStateRow("eta", .number(stateX.eta ?? 0)),
        OptimizerStateRow("mu", .number(stateX.mu)),
        OptimizerStateRow("ax", pair(\.average)),
      ]
    case .lbfgs:
      return [
        OptimizerStateRow(
          "pairs", .count(lbfgs.steps.count, of: Int(hyperparameters.value(.historySize)))),
        OptimizerStateRow("t", .number(lbfgs.stepLength)),
        OptimizerStateRow("H diag", .number(lbfgs.hessianDiagonal)),
        OptimizerStateRow("evals", .count(lbfgs.evaluationCount, of: nil)),
        OptimizerStateRow("iters", .count(lbfgs.iterationCount, of: nil)),
      ]
    case .adafactor:
      guard spec.shape == .matrix else {
        return [OptimizerStateRow("variance", pair(\.secondMoment))]
      }
      return [
        OptimizerStateRow("row var", .number(rowVariance)),
        OptimizerStateRow("col var", pair(\.secondMoment)),
      ]
    default:
      return []
    }
  }
}
