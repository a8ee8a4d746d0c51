/// A torch.optim optimizer for two parameters: its settings and its running state.
///
/// `step(_:gradient:)` applies exactly the arithmetic of torch's single-tensor
/// (`foreach=False`) implementation in float64, so trajectories match PyTorch's
/// to rounding. Changing a hyper-parameter keeps the state (moments, step count,
/// accumulators), like editing `optimizer.param_groups[0]` in torch; `reset()`
/// forgets it, like building a fresh optimizer.
public struct Optimizer: Sendable {
  /// The optimizer as currently set: its kind, the values given, and all settings.
  public private(set) var spec: OptimizerSpec
  /// The number of steps taken since creation or the last `reset()`.
  public private(set) var stepCount: Int = 0
  /// Per-parameter state for x and for y.
  private var stateX: ParameterState
  private var stateY: ParameterState
  /// NAdam's running product of momentum coefficients, μ₁·μ₂·…·μₜ.
  private var momentumProduct: Double = 1

  /// An optimizer with the settings of `spec` and fresh state.
  public init(_ spec: OptimizerSpec) {
    self.spec = spec
    let initial = spec.hyperparameters.value(.initialAccumulatorValue)
    stateX = ParameterState(accumulator: initial)
    stateY = ParameterState(accumulator: initial)
  }

  /// An optimizer of `kind` with torch's defaults.
  public init(kind: OptimizerKind) {
    self.init(OptimizerSpec(kind: kind))
  }

  /// The update rule.
  public var kind: OptimizerKind { spec.kind }

  /// The current settings.
  public var hyperparameters: Hyperparameters { spec.hyperparameters }

  /// Changes one hyper-parameter and keeps all state; throws `OptimizerError` when refused.
  ///
  /// As in torch, `initial_accumulator_value` only matters when the state is
  /// created, so changing it takes effect at the next `reset()`.
  public mutating func set(_ key: Hyperparameter, to value: Double) throws {
    try spec.set(key, to: value)
  }

  /// Changes the hyper-parameter called `name` (torch's name); see `set(_:to:)`.
  public mutating func set(_ name: String, to value: Double) throws {
    try spec.set(spec.hyperparameters.key(named: name), to: value)
  }

  /// Forgets all state (moments, step count, accumulators), keeping the settings.
  public mutating func reset() {
    self = Optimizer(spec)
  }

  /// Moves `position` one step against `gradient` (∇f at `position`), as torch's `step()` does.
  public mutating func step(_ position: inout Point, gradient: Point) {
    stepCount += 1
    let settings = spec.hyperparameters
    let step = Double(stepCount)
    var rule = UpdateRule(kind: kind, settings: settings, step: step)
    if kind == .nadam {
      momentumProduct *= rule.momentumCoefficient
      rule.momentumProduct = momentumProduct
    }
    rule.apply(to: &position.x, gradient: gradient.x, state: &stateX)
    rule.apply(to: &position.y, gradient: gradient.y, state: &stateY)
  }
}
