import RealModule

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
      momentumCoefficient = beta1 * (1 - 0.5 * Double.power(0.96, step * decay))
      nextMomentumCoefficient = beta1 * (1 - 0.5 * Double.power(0.96, (step + 1) * decay))
    } else {
      momentumCoefficient = 0
      nextMomentumCoefficient = 0
    }
  }

  /// Applies the update to one parameter `p` whose gradient is `g`.
  ///
  /// Always inlined: the pair's step calls it twice in a row, and its switch on the kind
  /// folds away there; called from the N-parameter step too, it would otherwise be a call.
  @inline(__always)
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
    case .rprop: rprop(&p, g, &s)
    case .asgd: asgd(&p, g, &s)
    case .lion: lion(&p, g, &s)
    // Both need the whole parameter: see `Optimizer.stepAdafactor` and `NewtonStep`.
    case .newton, .adafactor, .muon, .lbfgs: break
    }
  }

  private func value(_ key: Hyperparameter) -> Double { settings.value(key) }

  /// `g + weight_decay * p` (torch's `grad.add(param, alpha=weight_decay)`) when it is nonzero.
  private func coupledDecay(_ g: Double, _ p: Double) -> Double {
    let weightDecay = value(.weightDecay)
    return weightDecay != 0 ? add(g, p, alpha: weightDecay) : g
  }

  /// Weight decay as torch applies it: decoupled (`p *= 1 - lr·wd`) or added to the gradient.
  private func decay(_ p: inout Double, _ g: Double, decoupled: Bool) -> Double {
    let weightDecay = value(.weightDecay)
    guard weightDecay != 0 else { return g }
    if decoupled {
      p *= 1 - value(.learningRate) * weightDecay
      return g
    }
    return add(g, p, alpha: weightDecay)
  }

  private func sgd(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    var g = coupledDecay(g, p)
    let momentum = value(.momentum)
    if momentum != 0 {
      let buffer: Double
      if let previous = s.momentumBuffer {
        buffer = add(previous * momentum, g, alpha: 1 - value(.dampening))
      } else {
        buffer = g
      }
      s.momentumBuffer = buffer
      g = settings.isOn(.nesterov) ? add(g, buffer, alpha: momentum) : buffer
    }
    s.effectiveStep = value(.learningRate)
    p = add(p, g, alpha: -value(.learningRate))
  }

  private func adagrad(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let clr = value(.learningRate) / (1 + (step - 1) * value(.learningRateDecay))
    s.accumulator = addcmul(s.accumulator, g, g, value: 1)
    let std = s.accumulator.squareRoot() + value(.epsilon)
    s.effectiveStep = clr / std
    p = addcdiv(p, g, std, value: -clr)
  }

  private func adadelta(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let rho = value(.rho)
    let eps = value(.epsilon)
    s.secondMoment = addcmul(s.secondMoment * rho, g, g, value: 1 - rho)
    let std = (s.secondMoment + eps).squareRoot()
    let delta = (s.accumulatedDelta + eps).squareRoot() / std * g
    s.effectiveStep = value(.learningRate) * (s.accumulatedDelta + eps).squareRoot() / std
    s.accumulatedDelta = addcmul(s.accumulatedDelta * rho, delta, delta, value: 1 - rho)
    p = add(p, delta, alpha: -value(.learningRate))
  }

  private func rmsprop(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let alpha = value(.alpha)
    s.secondMoment = addcmul(s.secondMoment * alpha, g, g, value: 1 - alpha)
    var average: Double
    if settings.isOn(.centered) {
      s.gradientAverage = Self.lerp(s.gradientAverage, g, 1 - alpha)
      // `square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()`: the difference is rounded
      // once (a fused multiply-add), not after squaring the average.
      average = addcmul(s.secondMoment, s.gradientAverage, s.gradientAverage, value: -1)
        .squareRoot()
    } else {
      average = s.secondMoment.squareRoot()
    }
    average += value(.epsilon)
    s.effectiveStep = value(.learningRate) / average
    let momentum = value(.momentum)
    if momentum > 0 {
      s.rmsMomentumBuffer = addcdiv(s.rmsMomentumBuffer * momentum, g, average, value: 1)
      p = add(p, s.rmsMomentumBuffer, alpha: -value(.learningRate))
    } else {
      p = addcdiv(p, g, average, value: -value(.learningRate))
    }
  }

  /// Adam's two moment updates, as torch's adam, nadam and radam write them
  /// (`exp_avg.lerp_(grad, 1 - beta1)`, `exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)`);
  /// returns beta1 and beta2.
  private func updateMoments(_ g: Double, _ s: inout ParameterState) -> (
    beta1: Double, beta2: Double
  ) {
    let beta1 = value(.beta1)
    let beta2 = value(.beta2)
    s.firstMoment = Self.lerp(s.firstMoment, g, 1 - beta1)
    s.secondMoment = addcmul(s.secondMoment * beta2, g, g, value: 1 - beta2)
    return (beta1, beta2)
  }

  private func adam(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = decay(&p, g, decoupled: kind == .adamw || settings.isOn(.decoupledWeightDecay))
    let (beta1, beta2) = updateMoments(g, &s)
    let biasCorrection1 = 1 - Double.power(beta1, step)
    let biasCorrection2 = 1 - Double.power(beta2, step)
    let stepSize = value(.learningRate) / biasCorrection1
    // Python's `bias_correction2**0.5`: the C library's pow, not sqrt.
    let biasCorrection2Root = Double.power(biasCorrection2, 0.5)
    let denominator: Double
    if settings.isOn(.amsgrad) {
      s.maximumSecondMoment = maximum(s.maximumSecondMoment, s.secondMoment)
      denominator = s.maximumSecondMoment.squareRoot() / biasCorrection2Root + value(.epsilon)
    } else {
      denominator = s.secondMoment.squareRoot() / biasCorrection2Root + value(.epsilon)
    }
    s.effectiveStep = value(.learningRate) / denominator
    p = addcdiv(p, s.firstMoment, denominator, value: -stepSize)
  }

  private func nadam(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = decay(&p, g, decoupled: settings.isOn(.decoupledWeightDecay))
    let (_, beta2) = updateMoments(g, &s)
    let learningRate = value(.learningRate)
    let biasCorrection2 = 1 - Double.power(beta2, step)
    let mu = momentumCoefficient
    let muNext = nextMomentumCoefficient
    let denominator = (s.secondMoment / biasCorrection2).squareRoot() + value(.epsilon)
    let productNext = momentumProduct * muNext
    s.effectiveStep = learningRate / denominator
    p = addcdiv(p, g, denominator, value: -learningRate * (1 - mu) / (1 - momentumProduct))
    p = addcdiv(p, s.firstMoment, denominator, value: (-learningRate * muNext) / (1 - productNext))
  }

  private func radam(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = decay(&p, g, decoupled: settings.isOn(.decoupledWeightDecay))
    let (beta1, beta2) = updateMoments(g, &s)
    let learningRate = value(.learningRate)
    let biasCorrection1 = 1 - Double.power(beta1, step)
    let biasCorrection2 = 1 - Double.power(beta2, step)
    let correctedFirstMoment = s.firstMoment / biasCorrection1
    // The length of the approximated simple moving average, and its limit.
    let rhoInfinity = 2 / (1 - beta2) - 1
    let rho = rhoInfinity - 2 * step * Double.power(beta2, step) / biasCorrection2
    if rho > 5 {
      let rectification = Double.power(
        (rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho), 0.5)
      // `(bias_correction2**0.5) / exp_avg_sq_sqrt`: Python's float / tensor is torch's
      // `tensor.reciprocal() * float`, two roundings, not one division.
      let adaptive =
        1 / (s.secondMoment.squareRoot() + value(.epsilon)) * Double.power(biasCorrection2, 0.5)
      s.effectiveStep = learningRate * adaptive * rectification
      p = add(p, correctedFirstMoment * learningRate * adaptive * rectification, alpha: -1)
    } else {
      s.effectiveStep = learningRate
      p = add(p, correctedFirstMoment * learningRate, alpha: -1)
    }
  }

  private func adamax(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let beta1 = value(.beta1)
    s.firstMoment = Self.lerp(s.firstMoment, g, 1 - beta1)
    s.infinityNorm = maximum(s.infinityNorm * value(.beta2), abs(g) + value(.epsilon))
    let clr = value(.learningRate) / (1 - Double.power(beta1, step))
    s.effectiveStep = value(.learningRate) / s.infinityNorm
    p = addcdiv(p, s.firstMoment, s.infinityNorm, value: -clr)
  }

  /// Rprop: each coordinate's step size grows by etaplus while the gradient keeps its sign
  /// and shrinks by etaminus when it flips (that step then skips the move), within the bounds.
  private func rprop(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let direction = sign(g * s.previousGradient)
    let factor: Double
    if direction > 0 {
      factor = value(.etaPlus)
    } else if direction < 0 {
      factor = value(.etaMinus)
    } else if direction == 0 {
      factor = 1
    } else {
      factor = direction  // NaN stays NaN, as torch's masks leave it
    }
    let stepSize = clamp(
      (s.stepSize ?? value(.learningRate)) * factor, value(.stepSizeMinimum),
      value(.stepSizeMaximum))
    s.stepSize = stepSize
    let g = factor == value(.etaMinus) ? 0 : g
    p = addcmul(p, sign(g), stepSize, value: -1)
    s.previousGradient = g
    s.effectiveStep = stepSize
  }

  /// ASGD: SGD with the decay `p *= 1 − λ·η`, a step size η that shrinks as
  /// lr / (1 + λ·lr·t)^α, and the running average `ax` of the points from step t0 on.
  private func asgd(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let g = coupledDecay(g, p)
    let learningRate = value(.learningRate)
    let lambd = value(.lambd)
    let eta = s.eta ?? learningRate
    p *= 1 - lambd * eta
    p = add(p, g, alpha: -eta)
    if s.mu != 1 {
      s.average = s.average + (p - s.average) * s.mu
    } else {
      s.average = p
    }
    s.effectiveStep = eta
    s.eta = learningRate / Double.power(1 + lambd * learningRate * step, value(.alpha))
    let sinceStart = step - value(.t0)
    s.mu = 1 / (sinceStart > 1 ? sinceStart : 1)
  }

  /// torch's `clamp(a, min, max)`: NaN stays NaN, and max wins when min > max.
  private func clamp(_ a: Double, _ low: Double, _ high: Double) -> Double {
    a.isNaN ? a : Swift.min(Swift.max(a, low), high)
  }

  /// lion-pytorch's update: decoupled decay, then the sign of the interpolated momentum,
  /// then the momentum update with β₂ (its `add(grad, alpha=…)` are torch kernels too).
  private func lion(_ p: inout Double, _ g: Double, _ s: inout ParameterState) {
    let learningRate = value(.learningRate)
    let beta1 = value(.beta1)
    let beta2 = value(.beta2)
    p = p * (1 - learningRate * value(.weightDecay))
    let interpolated = add(s.firstMoment * beta1, g, alpha: 1 - beta1)
    p = add(p, sign(interpolated), alpha: -learningRate)
    s.firstMoment = add(s.firstMoment * beta2, g, alpha: 1 - beta2)
    s.effectiveStep = learningRate
  }

  // torch's CPU kernels, element by element. On every x86-64 CPU with AVX2 (and on
  // AVX-512) torch's kernels round `a + alpha·b`, `a + value·b·c` and lerp once, as a
  // fused multiply-add; `addcdiv` divides first and adds after. Swift's `+` and `*`
  // round each operation, which leaves torch by an ulp now and then and then drifts,
  // so these helpers spell out torch's roundings.

  /// `a.add(b, alpha=alpha)`: fma(alpha, b, a).
  private func add(_ a: Double, _ b: Double, alpha: Double) -> Double {
    a.addingProduct(alpha, b)
  }

  /// `a.addcmul(b, c, value=value)`: fma(value·b, c, a).
  private func addcmul(_ a: Double, _ b: Double, _ c: Double, value: Double) -> Double {
    a.addingProduct(value * b, c)
  }

  /// `a.addcdiv(b, c, value=value)`: a + value·b / c, each operation rounded.
  private func addcdiv(_ a: Double, _ b: Double, _ c: Double, value: Double) -> Double {
    a + value * b / c
  }

  /// torch's `sign`: −1, 0 or 1, and NaN for NaN.
  private func sign(_ a: Double) -> Double {
    a > 0 ? 1 : (a < 0 ? -1 : a)
  }

  /// torch's `lerp` kernel: fma(w, end − start, start) for |w| < 0.5, else
  /// fma(w − 1, end − start, end). The one copy: Adafactor and Muon in `Optimizer` use it too.
  static func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    abs(weight) < 0.5
      ? start.addingProduct(weight, end - start) : end.addingProduct(weight - 1, end - start)
  }

  /// torch's `maximum`, which propagates NaN (Swift's `max` may not).
  private func maximum(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return a > b ? a : b
  }
}
