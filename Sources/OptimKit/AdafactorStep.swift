/// What one step of torch's Adafactor works out from its settings and the step number before
/// it touches a tensor: the relative step size, the `1 − β2` decay, the eps floors and the
/// weight decay.
///
/// Worked out once a step, so that the pair's step (`Optimizer.stepAdafactor`) and the
/// N-parameter one (`Optimizer+Parameters.swift`) read the same numbers, rounded the same way.
struct AdafactorStep {
  /// min(lr, 1/√t): the step before its scaling by the parameter's RMS.
  let relativeStep: Double
  /// t^beta2_decay: the weight of the new squared gradient in the running variance.
  let oneMinusBeta2: Double
  /// The floor of a factored row variance (`eps1`).
  let eps1: Double
  /// The floor of the parameter's RMS in the step size (`eps2`).
  let eps2: Double
  /// The RMS the update is clipped to (`d`).
  let d: Double
  /// 1 − lr·weight_decay, what every parameter is multiplied by when `decays`.
  let decay: Double
  /// Whether weight_decay is not 0.
  let decays: Bool
  /// eps1², the floor of a variance before its square root is taken.
  let floor: Double

  init(settings: Hyperparameters, step stepCount: Int) {
    let step = Double(stepCount)
    let learningRate = settings.learningRate
    oneMinusBeta2 = Double.power(step, settings.value(.beta2Decay))
    let inverseRoot = 1 / Double.power(step, 0.5)
    relativeStep = inverseRoot < learningRate ? inverseRoot : learningRate
    eps1 = settings.value(.eps1)
    eps2 = settings.value(.eps2)
    d = settings.value(.d)
    decay = 1 - learningRate * settings.value(.weightDecay)
    decays = settings.value(.weightDecay) != 0
    floor = eps1 * eps1
  }

  /// `v` raised to the floor eps1² (torch's `clamp_(min=eps1 ** 2)`, NaN kept).
  func clamped(_ v: Double) -> Double { v.isNaN || v >= floor ? v : floor }

  /// Python's max(a, b): b only when b > a.
  static func atLeast(_ a: Double, _ b: Double) -> Double { b > a ? b : a }

  /// The step size of a tensor whose norm is `norm`: max(eps2, RMS)·relative step, the RMS
  /// being `norm / rootCount`, with `rootCount` the square root of its number of elements.
  func stepSize(norm: Double, rootCount: Double) -> Double {
    Self.atLeast(eps2, norm / rootCount) * relativeStep
  }

  /// What the update is divided by so that its RMS is at most `d`: max(1, ‖u‖/(rootCount·d)),
  /// with `norm` = ‖u‖ and `rootCount` as in `stepSize`.
  func clipping(norm: Double, rootCount: Double) -> Double {
    Self.atLeast(1, norm / (rootCount * d))
  }

  /// The running variance `v` moved towards `squared` by `oneMinusBeta2` (torch's `lerp_`).
  func averaged(_ v: Double, _ squared: Double) -> Double {
    UpdateRule.lerp(v, squared, oneMinusBeta2)
  }

  /// One step of a tensor of one element, `p` with gradient `g`: its own RMS, variance and
  /// clipping.
  ///
  /// torch's norm of one element is |p| for a size-1 tensor (`isOneVariable`, see
  /// `Optimizer.clipped`); two scalars held as `shape=scalars` keep the √(p²) that 2-D output
  /// has always used (they differ only beyond about 1e154 or below 1e-154).
  func stepOneElement(
    _ p: inout Double, gradient g: Double, state: inout ParameterState, isOneVariable: Bool
  ) {
    let root = isOneVariable ? Swift.abs(p) : (p * p).squareRoot()
    let alpha = stepSize(norm: root, rootCount: 1)
    if decays { p *= decay }
    state.secondMoment = averaged(state.secondMoment, g * g)
    let update = 1 / clamped(state.secondMoment).squareRoot() * g
    let size = isOneVariable ? Swift.abs(update) : (update * update).squareRoot()
    let denominator = clipping(norm: size, rootCount: 1)
    p = p.addingProduct(-alpha / denominator, update)
    state.effectiveStep = alpha / denominator / clamped(state.secondMoment).squareRoot()
  }
}
