extension OptimizerSpec {
  /// Whether this optimizer can step every parameter of a model (`--train-all`): every
  /// per-element rule can, and Adafactor not factored (shape=vector or scalars); LBFGS and
  /// Newton work on the mapped two as a pair, Muon and Adafactor's matrix on a 1×2 matrix.
  public var stepsEveryParameter: Bool {
    switch kind {
    case .lbfgs, .newton, .muon: false
    case .adafactor: shape != .matrix
    default: true
    }
  }

  /// Throws `OptimizerError.cannotTrainAll` unless `stepsEveryParameter`.
  public func checkTrainsAll() throws(OptimizerError) {
    guard stepsEveryParameter else { throw .cannotTrainAll(kind, shape) }
  }
}

extension Optimizer {
  /// Moves every parameter of a model one step against `gradient`, as torch's `step()` does
  /// for one float64 tensor of shape (N,) holding them, then steps the schedule.
  ///
  /// `mapped` names the two parameters the map shows: their state is `stateX` and `stateY`
  /// (what the inspector and `torchState` show), the others' is kept by index. `clip=` clips
  /// over the norm of all N, Adafactor's RMS is over all N, NAdam's momentum product and the
  /// schedule are the optimizer's, as in torch. An optimizer that cannot
  /// (`OptimizerSpec.stepsEveryParameter` false) or a gradient of another length steps only
  /// the mapped two, as `step(_:gradient:value:hessian:)` would (without a Hessian).
  public mutating func step(
    parameters p: inout [Double], gradient: [Double], mapped: (x: Int, y: Int),
    value: Double? = nil
  ) {
    guard spec.stepsEveryParameter, gradient.count == p.count, p.indices.contains(mapped.x),
      p.indices.contains(mapped.y), mapped.x != mapped.y
    else {
      guard p.indices.contains(mapped.x), p.indices.contains(mapped.y),
        gradient.indices.contains(mapped.x), gradient.indices.contains(mapped.y)
      else { return }
      var position = Point(x: p[mapped.x], y: p[mapped.y])
      step(&position, gradient: Point(x: gradient[mapped.x], y: gradient[mapped.y]), value: value)
      p[mapped.x] = position.x
      p[mapped.y] = position.y
      return
    }
    stepCount += 1
    var settings = spec.hyperparameters
    if spec.schedule != nil {
      settings.overrideLearningRate(learningRate)
    }
    var g = gradient
    if let clip = spec.clip {
      g = Self.clipped(g, maximumNorm: clip)
    }
    if settings.isOn(.maximize) {
      for i in g.indices { g[i] = -g[i] }
    }
    if otherStates.count != p.count {
      otherStates = Array(
        repeating: ParameterState(accumulator: initialAccumulator), count: p.count)
    }
    if kind == .adafactor {
      stepAdafactor(parameters: &p, gradient: g, mapped: mapped, settings: settings)
    } else {
      var rule = UpdateRule(kind: kind, settings: settings, step: Double(stepCount))
      if kind == .nadam {
        momentumProduct *= rule.momentumCoefficient
        rule.momentumProduct = momentumProduct
      }
      for i in p.indices {
        if i == mapped.x {
          rule.apply(to: &p[i], gradient: g[i], state: &stateX)
        } else if i == mapped.y {
          rule.apply(to: &p[i], gradient: g[i], state: &stateY)
        } else {
          rule.apply(to: &p[i], gradient: g[i], state: &otherStates[i])
        }
      }
    }
    stepSchedule(value: value)
  }

  /// `clip_grad_norm_` on a gradient of N elements: scaled by min(1, max/(‖g‖ + 1e-6)) with
  /// torch's norm (`parameterNorm`); for two elements exactly `clipped(_: Point, …)`.
  static func clipped(_ g: [Double], maximumNorm: Double) -> [Double] {
    let coefficient = (1 / (parameterNorm(g) + 1e-6)) * maximumNorm
    let clamped = coefficient.isNaN || coefficient < 1 ? coefficient : 1
    return g.map { $0 * clamped }
  }

  /// torch's `vector_norm(t, 2)` of a float64 tensor on the CPU, in its order of rounding.
  ///
  /// The kernel (`norm_two_reduce_step`) sums squares in four lanes, each `acc + x·x`
  /// rounded twice, over the whole groups of four, adds the lanes left to right, then adds
  /// the last N mod 4 squares one by one as fused multiply-adds; the root is correctly
  /// rounded. Checked against torch for N = 1…100 (scripts/torch-reference.py's
  /// three-parameter cases replay it); for N = 2 it is √(fma(y, y, x·x)), the pair's norm.
  static func parameterNorm(_ v: [Double]) -> Double {
    let whole = v.count - v.count % 4
    var lanes: (Double, Double, Double, Double) = (0, 0, 0, 0)
    var index = 0
    while index < whole {
      lanes.0 = lanes.0 + v[index] * v[index]
      lanes.1 = lanes.1 + v[index + 1] * v[index + 1]
      lanes.2 = lanes.2 + v[index + 2] * v[index + 2]
      lanes.3 = lanes.3 + v[index + 3] * v[index + 3]
      index += 4
    }
    var sum = lanes.0 + lanes.1 + lanes.2 + lanes.3
    while index < v.count {
      sum = sum.addingProduct(v[index], v[index])
      index += 1
    }
    return sum.squareRoot()
  }

  /// torch's Adafactor on N parameters held as one (N,) vector (not factored) or N scalars:
  /// `stepAdafactor` for the pair, with the RMS and the update's clipping over all N.
  private mutating func stepAdafactor(
    parameters p: inout [Double], gradient g: [Double], mapped: (x: Int, y: Int),
    settings: Hyperparameters
  ) {
    let adafactor = AdafactorStep(settings: settings, step: stepCount)
    var states = otherStates
    states[mapped.x] = stateX
    states[mapped.y] = stateY
    defer {
      stateX = states[mapped.x]
      stateY = states[mapped.y]
      otherStates = states
    }
    if spec.shape == .scalars {
      // N tensors of one element: each its own RMS, variance and clipping.
      for i in p.indices {
        adafactor.stepOneElement(&p[i], gradient: g[i], state: &states[i], isOneVariable: false)
      }
      return
    }
    let count = Double.power(Double(p.count), 0.5)
    let alpha = adafactor.stepSize(norm: Self.parameterNorm(p), rootCount: count)
    if adafactor.decays {
      for i in p.indices { p[i] *= adafactor.decay }
    }
    var update = g
    for i in p.indices {
      states[i].secondMoment = adafactor.averaged(states[i].secondMoment, g[i] * g[i])
      update[i] = 1 / adafactor.clamped(states[i].secondMoment).squareRoot() * g[i]
    }
    let denominator = adafactor.clipping(norm: Self.parameterNorm(update), rootCount: count)
    let scale = -alpha / denominator
    for i in p.indices {
      p[i] = p[i].addingProduct(scale, update[i])
      states[i].effectiveStep =
        alpha / denominator / adafactor.clamped(states[i].secondMoment).squareRoot()
    }
  }
}
