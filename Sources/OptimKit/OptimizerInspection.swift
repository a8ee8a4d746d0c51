/// What the inspector shows of an optimizer's state: its lr now, its per-coordinate step and its
/// momentum buffer; read-only, a snapshot.
///
/// `effectiveStep` is what the last step multiplied its (averaged) gradient
/// by, per coordinate, so that the update was −effectiveStep·(that gradient):
/// - sgd, momentum, nesterov: lr (the same for x and y);
/// - adagrad: clr/(√sum + eps), clr = lr/(1 + (t−1)·lr_decay);
/// - adadelta: lr·√(acc_delta + eps)/√(square_avg + eps);
/// - rmsprop: lr/(√square_avg + eps) (centered: √(square_avg − grad_avg²));
/// - adam, adamw, nadam: lr/(√v̂ + eps) with v̂ = v/(1 − β₂ᵗ), applied to m̂;
/// - radam: lr·r·√(1 − β₂ᵗ)/(√v + eps) once rectified (r the rectification), else lr;
/// - adamax: lr/u (u the infinity norm), applied to m̂;
/// - lion: lr (every coordinate moves ±lr or not at all);
/// - rprop: each coordinate's step size (it moves by exactly that, or not at all);
/// - asgd: η, the step size of the last step;
/// - newton: lr·diag((H + λI)⁻¹), or of the saddle-free inverse (see `NewtonStep`).
/// It is nil before the first step.
public struct OptimizerInspection: Hashable, Sendable {
  /// The lr the next step will use (scheduled when a schedule is set).
  public var learningRate: Double
  /// The per-coordinate step of the last step; nil before the first.
  public var effectiveStep: Point?
  /// The momentum buffer: SGD's `momentum_buffer`, RMSprop's buffer when momentum > 0, the
  /// Adam family's and Lion's `exp_avg`; nil for optimizers without one.
  public var momentum: Point?
  /// How Newton's last step was found; nil for other optimizers.
  public var newtonMethod: NewtonStep.Method?
  /// The optimizer's own state beyond the rows above (Rprop's step sizes, LBFGS's curvature
  /// pairs…), in the order shown; empty for the others and before the first step.
  public var state: [OptimizerStateRow] = []

  public init(
    learningRate: Double, effectiveStep: Point?, momentum: Point?,
    newtonMethod: NewtonStep.Method? = nil
  ) {
    self.learningRate = learningRate
    self.effectiveStep = effectiveStep
    self.momentum = momentum
    self.newtonMethod = newtonMethod
  }
}
