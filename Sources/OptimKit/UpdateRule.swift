#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// torch.optim's per-element update for one step, with that step's scalars computed once.
///
/// Each branch mirrors the order of operations of torch's `_single_tensor_*`
/// function (e.g. Adam's `denom = sqrt(v) / sqrt(1 - β₂ᵗ) + eps` and
/// `step_size = lr / (1 - β₁ᵗ)`), because a different but algebraically equal
/// order drifts from PyTorch's numbers on long or chaotic runs.
struct UpdateRule {
  let kind: OptimizerKind
  let settings: Hyperparameters
  /// The step number t, counting from 1.
  let step: Double
  /// NAdam's μₜ for this step.
  let momentumCoefficient: Double
  /// NAdam's μₜ₊₁.
  let nextMomentumCoefficient: Double
  /// NAdam's μ₁·…·μₜ, set by the optimizer after updating its running product.
  var momentumProduct: Double = 1

  init(kind: OptimizerKind, settings: Hyperparameters, step: Double) {
    self.kind = kind
    self.settings = settings
    self.step = step
    if kind == .nadam {
      let beta1 = settings.value(.beta1)
      let decay = settings.value(.momentumDecay)
      momentumCoefficient = beta1 * (1 - 0.5 * pow(0.96, step * decay))
      nextMomentumCoefficient = beta1 * (1 - 0.5 * pow(0.96, (step + 1) * decay))
    } else {
      momentumCoefficient = 0
      nextMomentumCoefficient = 0
    }
  }

  /// Applies the update to one parameter `p` whose gradient is `g`.
  func apply(to p: inout Double, gradient g: Double, state s: inout ParameterState) {
    switch kind {
    case .sgd, .momentum, .nesterov: sgd(&p, g, &s)
    case .adagrad: adagrad(&p, g, &s)
    case .adadelta: adadelta(&p, g, &s)
    case .rmsprop: rmsprop(&p, g, &s)
    case .adam, .adamw: adam(&p, g, &s)
    case .nadam: nadam(&p, g, &s)
    case .radam: radam(&p, g, &s)
    case .adamax: adamax(&p, g, &s)
    case .lion: lion(&p, g, &s)
    case .newton: break  // needs both coordinates and the Hessian: see NewtonStep
    }
  }

  private func value(_ key: Hyperparameter) -> Double { settings.value(key) }

  /// `g + weight_decay * p` (torch's `grad.add(param, alpha=weight_decay)`) when it is nonzero.
  private func coupledDecay(_ g: Double, _ p: Double) -> Double {
    let weightDecay = value(.weightDecay)
    return weightDecay != 0 ? g + weightDecay * p : g
  }

  /// Weight decay as torch applies it: decoupled (`p *= 1 - lr·wd`) or added to the gradient.
  private func decay(_ p: inout Double, _ g: Double, decoupled: Bool) -> Double {
    let weightDecay = value(.weightDecay)
    guard weightDecay != 0 else { return g }
    if decoupled {
      p *= 1 - value(.learningRate) * weightDecay
      return g
    }
    return g + weightDecay * p
  }

  private func sgd(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    var g = coupledDecay(g, p)
    let momentum = value(.momentum)
    if momentum != 0 {
      let buffer: Double
      if let previous = s.momentumBuffer {
        buffer = previous * momentum + (1 - value(.dampening)) * g
      } else {
        buffer = g
      }
      s.momentumBuffer = buffer
      g = settings.isOn(.nesterov) ? g + momentum * buffer : buffer
    }
    s.effectiveStep = value(.learningRate)
    p = p + -value(.learningRate) * g
  }

  private func adagrad(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let clr = value(.learningRate) / (1 + (step - 1) * value(.learningRateDecay))
    s.accumulator = s.accumulator + 1 * g * g
    let std = s.accumulator.squareRoot() + value(.epsilon)
    s.effectiveStep = clr / std
    p = p + -clr * g / std
  }

  private func adadelta(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let rho = value(.rho)
    let eps = value(.epsilon)
    s.secondMoment = s.secondMoment * rho + (1 - rho) * g * g
    let std = (s.secondMoment + eps).squareRoot()
    let delta = (s.accumulatedDelta + eps).squareRoot() / std * g
    s.effectiveStep = value(.learningRate) * (s.accumulatedDelta + eps).squareRoot() / std
    s.accumulatedDelta = s.accumulatedDelta * rho + (1 - rho) * delta * delta
    p = p + -value(.learningRate) * delta
  }

  private func rmsprop(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let alpha = value(.alpha)
    s.secondMoment = s.secondMoment * alpha + (1 - alpha) * g * g
    var average: Double
    if settings.isOn(.centered) {
      s.gradientAverage = lerp(s.gradientAverage, g, 1 - alpha)
      average = (s.secondMoment + -1 * s.gradientAverage * s.gradientAverage).squareRoot()
    } else {
      average = s.secondMoment.squareRoot()
    }
    average += value(.epsilon)
    s.effectiveStep = value(.learningRate) / average
    let momentum = value(.momentum)
    if momentum > 0 {
      s.rmsMomentumBuffer = s.rmsMomentumBuffer * momentum + g / average
      p = p + -value(.learningRate) * s.rmsMomentumBuffer
    } else {
      p = p + -value(.learningRate) * g / average
    }
  }

  private func adam(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = decay(&p, g, decoupled: kind == .adamw)
    let beta1 = value(.beta1)
    let beta2 = value(.beta2)
    s.firstMoment = lerp(s.firstMoment, g, 1 - beta1)
    s.secondMoment = s.secondMoment * beta2 + (1 - beta2) * g * g
    let biasCorrection1 = 1 - pow(beta1, step)
    let biasCorrection2 = 1 - pow(beta2, step)
    let stepSize = value(.learningRate) / biasCorrection1
    let biasCorrection2Root = biasCorrection2.squareRoot()
    let denominator: Double
    if settings.isOn(.amsgrad) {
      s.maximumSecondMoment = maximum(s.maximumSecondMoment, s.secondMoment)
      denominator = s.maximumSecondMoment.squareRoot() / biasCorrection2Root + value(.epsilon)
    } else {
      denominator = s.secondMoment.squareRoot() / biasCorrection2Root + value(.epsilon)
    }
    s.effectiveStep = value(.learningRate) / denominator
    p = p + -stepSize * s.firstMoment / denominator
  }

  private func nadam(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = decay(&p, g, decoupled: settings.isOn(.decoupledWeightDecay))
    let beta1 = value(.beta1)
    let beta2 = value(.beta2)
    let learningRate = value(.learningRate)
    let biasCorrection2 = 1 - pow(beta2, step)
    let mu = momentumCoefficient
    let muNext = nextMomentumCoefficient
    s.firstMoment = lerp(s.firstMoment, g, 1 - beta1)
    s.secondMoment = s.secondMoment * beta2 + (1 - beta2) * g * g
    let denominator = (s.secondMoment / biasCorrection2).squareRoot() + value(.epsilon)
    let productNext = momentumProduct * muNext
    s.effectiveStep = learningRate / denominator
    p = p + (-learningRate * (1 - mu) / (1 - momentumProduct)) * g / denominator
    p = p + ((-learningRate * muNext) / (1 - productNext)) * s.firstMoment / denominator
  }

  private func radam(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = decay(&p, g, decoupled: settings.isOn(.decoupledWeightDecay))
    let beta1 = value(.beta1)
    let beta2 = value(.beta2)
    let learningRate = value(.learningRate)
    s.firstMoment = lerp(s.firstMoment, g, 1 - beta1)
    s.secondMoment = s.secondMoment * beta2 + (1 - beta2) * g * g
    let biasCorrection1 = 1 - pow(beta1, step)
    let biasCorrection2 = 1 - pow(beta2, step)
    let correctedFirstMoment = s.firstMoment / biasCorrection1
    // The length of the approximated simple moving average, and its limit.
    let rhoInfinity = 2 / (1 - beta2) - 1
    let rho = rhoInfinity - 2 * step * pow(beta2, step) / biasCorrection2
    if rho > 5 {
      let rectification = pow(
        (rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho), 0.5)
      let adaptive = pow(biasCorrection2, 0.5) / (s.secondMoment.squareRoot() + value(.epsilon))
      s.effectiveStep = learningRate * adaptive * rectification
      p = p + -1.0 * (correctedFirstMoment * learningRate * adaptive * rectification)
    } else {
      s.effectiveStep = learningRate
      p = p + -1.0 * (correctedFirstMoment * learningRate)
    }
  }

  private func adamax(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let beta1 = value(.beta1)
    s.firstMoment = lerp(s.firstMoment, g, 1 - beta1)
    s.infinityNorm = maximum(s.infinityNorm * value(.beta2), abs(g) + value(.epsilon))
    let clr = value(.learningRate) / (1 - pow(beta1, step))
    s.effectiveStep = value(.learningRate) / s.infinityNorm
    p = p + -clr * s.firstMoment / s.infinityNorm
  }

  /// lion-pytorch's update: decoupled decay, then the sign of the interpolated momentum,
  /// then the momentum update with β₂.
  private func lion(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let learningRate = value(.learningRate)
    let beta1 = value(.beta1)
    let beta2 = value(.beta2)
    p = p * (1 - learningRate * value(.weightDecay))
    let interpolated = s.firstMoment * beta1 + (1 - beta1) * g
    p = p + -learningRate * sign(interpolated)
    s.firstMoment = s.firstMoment * beta2 + (1 - beta2) * g
    s.effectiveStep = learningRate
  }

  /// torch's `sign`: −1, 0 or 1, and NaN for NaN.
  private func sign(_ a: Double) -> Double {
    a > 0 ? 1 : (a < 0 ? -1 : a)
  }

  /// torch's `lerp`: `start + w·(end − start)` for |w| < 0.5, else `end − (end − start)·(1 − w)`.
  private func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
  }

  /// torch's `maximum`, which propagates NaN (Swift's `max` may not).
  private func maximum(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return a > b ? a : b
  }
}
