/// The running state torch.optim keeps for one parameter (one coordinate here).
///
/// One struct holds the buffers of every optimizer; each rule uses its own
/// (Adam: `firstMoment`, `secondMoment`; SGD: `momentumBuffer`; Lion: `firstMoment`) and leaves
/// the rest at their initial values. Names follow torch's state keys in words.
struct ParameterState: Hashable, Sendable {
  /// SGD's `momentum_buffer`; absent until the first step taken with momentum ≠ 0.
  var momentumBuffer: Double?
  /// Adam family's `exp_avg`: the running average of gradients.
  var firstMoment: Double = 0
  /// Adam family's `exp_avg_sq`, RMSprop's and Adadelta's `square_avg`.
  var secondMoment: Double = 0
  /// AMSGrad's `max_exp_avg_sq`.
  var maximumSecondMoment: Double = 0
  /// Adamax's `exp_inf`: the infinity-norm running maximum.
  var infinityNorm: Double = 0
  /// RMSprop's centered `grad_avg`.
  var gradientAverage: Double = 0
  /// RMSprop's `momentum_buffer` (zero-initialised, unlike SGD's).
  var rmsMomentumBuffer: Double = 0
  /// Adadelta's `acc_delta`.
  var accumulatedDelta: Double = 0
  /// Adagrad's `sum`, starting at `initial_accumulator_value`.
  var accumulator: Double
  /// Rprop's `prev`: the gradient of the last step, zeroed where its sign flipped.
  var previousGradient: Double = 0
  /// Rprop's `step_size`, set to lr at the first step.
  var stepSize: Double?
  /// ASGD's `eta` (the current step size, lr at the first step) and `mu` (the averaging weight).
  var eta: Double?
  var mu: Double = 1
  /// ASGD's `ax`: the running average of the parameter.
  var average: Double = 0
  /// What the last step multiplied its (averaged) gradient by, for the inspector; see
  /// `OptimizerInspection.effectiveStep`. Written by the rules, never read by them.
  var effectiveStep: Double = 0

  init(accumulator: Double) {
    self.accumulator = accumulator
  }
}
