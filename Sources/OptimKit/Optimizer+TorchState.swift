extension Optimizer {
  /// The state torch.optim keeps, by torch's names, for comparing a plug-in's state with it.
  ///
  /// Each entry is the two coordinates (x, y) of a per-parameter buffer, or one
  /// number for a scalar (`step`, NAdam's `mu_product`). Only the buffers torch
  /// itself keeps for this optimizer and its settings appear, so a plug-in that
  /// keeps torch's names (`exp_avg`, `exp_avg_sq`, `momentum_buffer`, ...) can be
  /// compared name by name. Empty before the first step, as torch's state is.
  public var torchState: [String: [Double]] {
    guard stepCount > 0 else { return [:] }
    let settings = spec.hyperparameters
    func pair(_ value: (ParameterState) -> Double) -> [Double] {
      [value(stateX), value(stateY)]
    }
    let step = [Double(stepCount)]
    switch kind {
    case .sgd, .momentum, .nesterov:
      guard let x = stateX.momentumBuffer, let y = stateY.momentumBuffer else { return [:] }
      return ["momentum_buffer": [x, y]]
    case .adagrad:
      return ["step": step, "sum": pair(\.accumulator)]
    case .adadelta:
      return [
        "step": step, "square_avg": pair(\.secondMoment), "acc_delta": pair(\.accumulatedDelta),
      ]
    case .rmsprop:
      var state = ["step": step, "square_avg": pair(\.secondMoment)]
      if settings.value(.momentum) > 0 { state["momentum_buffer"] = pair(\.rmsMomentumBuffer) }
      if settings.value(.centered) != 0 { state["grad_avg"] = pair(\.gradientAverage) }
      return state
    case .adam, .adamw, .radam:
      var state = [
        "step": step, "exp_avg": pair(\.firstMoment), "exp_avg_sq": pair(\.secondMoment),
      ]
      if kind != .radam && settings.value(.amsgrad) != 0 {
        state["max_exp_avg_sq"] = pair(\.maximumSecondMoment)
      }
      return state
    case .nadam:
      return [
        "step": step, "exp_avg": pair(\.firstMoment), "exp_avg_sq": pair(\.secondMoment),
        "mu_product": [momentumProduct],
      ]
    case .adamax:
      return ["step": step, "exp_avg": pair(\.firstMoment), "exp_inf": pair(\.infinityNorm)]
    case .rprop:
      return [
        "step": step, "prev": pair(\.previousGradient),
        "step_size": pair { $0.stepSize ?? 0 },
      ]
    case .asgd:
      // torch keeps one eta and one mu per parameter tensor; both coordinates share them.
      return [
        "step": step, "eta": [stateX.eta ?? 0], "mu": [stateX.mu], "ax": pair(\.average),
      ]
    case .adafactor:
      // A vector (or two scalars) is not factored: torch keeps its `variance`; a 1×2 matrix's
      // second moment is factored into `row_var` (1×1) and `col_var` (1×2).
      guard spec.shape == .matrix else { return ["step": step, "variance": pair(\.secondMoment)] }
      return ["step": step, "row_var": [rowVariance], "col_var": pair(\.secondMoment)]
    case .muon:
      return ["momentum_buffer": pair(\.firstMoment)]
    case .lbfgs:
      // torch's scalar counters and the last direction and step length.
      var state: [String: [Double]] = [
        "func_evals": [Double(lbfgs.evaluationCount)], "n_iter": [Double(lbfgs.iterationCount)],
        "t": [lbfgs.stepLength], "H_diag": [lbfgs.hessianDiagonal],
      ]
      if let d = lbfgs.direction { state["d"] = [d.x, d.y] }
      return state
    case .lion:
      return ["exp_avg": pair(\.firstMoment)]
    case .newton:
      return [:]
    }
  }
}
