import Foundation
import OptimKit
import Testing

/// Schedules against torch.optim.lr_scheduler's formulas, hand-computed at given steps.
@Suite struct LearningRateScheduleTests {
  /// The lr an optimizer with `spec` uses after `steps` steps (gradients and f irrelevant).
  func learningRates(_ spec: String, steps: Int) throws -> [Double] {
    var optimizer = Optimizer(try OptimizerSpec(parsing: spec))
    var rates = [optimizer.learningRate]
    var position = Point.zero
    for _ in 0..<steps {
      optimizer.step(&position, gradient: .zero, value: 1)
      rates.append(optimizer.learningRate)
    }
    return rates
  }

  func near(_ a: Double, _ b: Double, _ tolerance: Double = 1e-15) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
  }

  @Test func stepLR() throws {
    // StepLR(step_size=3, gamma=0.5), base 0.1: 0.1 for t < 3, 0.05 for t < 6, 0.025 …
    let rates = try learningRates("sgd:lr=0.1,schedule=step,step_size=3,gamma=0.5", steps: 7)
    #expect(rates == [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025])
  }

  @Test func stepLRDefaultGammaIsTorchs() throws {
    let rates = try learningRates("sgd:lr=1,schedule=step,step_size=2", steps: 4)
    #expect(rates[1] == 1 && near(rates[2], 0.1) && near(rates[4], 0.01))
  }

  @Test func exponentialLR() throws {
    let rates = try learningRates("adam:lr=0.1,schedule=exponential,gamma=0.9", steps: 3)
    #expect(rates[0] == 0.1)
    #expect(near(rates[1], 0.09) && near(rates[2], 0.081) && near(rates[3], 0.0729))
  }

  @Test func cosineClosedFormAtHandPickedSteps() throws {
    // T=10, eta_min=0.01, base 0.1: t=5 is halfway, 0.01 + 0.09/2; t=10 is eta_min; torch's
    // cosine rises again after T, back to base at 2T.
    let rates = try learningRates("adam:lr=0.1,schedule=cosine,T=10,eta_min=0.01", steps: 20)
    #expect(rates[0] == 0.1)
    #expect(near(rates[5], 0.055))
    #expect(near(rates[10], 0.01))
    #expect(near(rates[15], 0.055))
    #expect(near(rates[20], 0.1))
    // t=2: 0.01 + 0.09·(1 + cos(π/5))/2, cos(π/5) = (1 + √5)/4.
    let cosineOfFifthPi: Double = (1 + 5.0.squareRoot()) / 4
    let expected: Double = 0.01 + 0.09 * (1 + cosineOfFifthPi) / 2
    #expect(near(rates[2], expected))
  }

  /// torch's recursive `CosineAnnealingLR.get_lr`, as `scheduler.step()` computes it.
  func torchRecursiveCosine(base: Double, period: Int, floor: Double, steps: Int) -> [Double] {
    var rates = [base]
    var lr = base
    let T = Double(period)
    for t in 1...steps {
      if (t - 1 - period) % (2 * period) == 0 {
        lr = lr + (base - floor) * (1 - cos(Double.pi / T)) / 2
      } else {
        lr =
          (1 + cos(Double.pi * Double(t) / T)) / (1 + cos(Double.pi * Double(t - 1) / T))
          * (lr - floor) + floor
      }
      rates.append(lr)
    }
    return rates
  }

  @Test(arguments: [(10, 0.0), (7, 0.001), (200, 0.0)])
  func cosineClosedFormAgreesWithTorchsRecursion(period: Int, floor: Double) throws {
    let steps = 3 * period
    let closed = try learningRates(
      "adam:lr=0.05,schedule=cosine,T=\(period),eta_min=\(floor)", steps: steps)
    let recursive = torchRecursiveCosine(base: 0.05, period: period, floor: floor, steps: steps)
    for t in 0...steps {
      #expect(abs(closed[t] - recursive[t]) <= 1e-12, "t=\(t)")
    }
  }

  @Test func warmupCosine() throws {
    // warmup 4, T 14, start_factor 0.25, base 0.2: linear 0.05 → 0.2 over 4 steps, then
    // cosine with T_max = 10: halfway (t = 9) is 0.1, t = 14 is eta_min = 0.
    let rates = try learningRates(
      "adam:lr=0.2,schedule=warmup-cosine,warmup=4,T=14,start_factor=0.25", steps: 14)
    #expect(near(rates[0], 0.05))
    #expect(near(rates[2], 0.125))
    #expect(near(rates[3], 0.2 * (0.25 + 0.75 * 3 / 4)))
    #expect(rates[4] == 0.2)
    #expect(near(rates[9], 0.1))
    #expect(abs(rates[14]) < 1e-16)
    // torch's chainable LinearLR: lr_t = lr_{t−1}·(1 + (1 − s)/(n·s + (t − 1)(1 − s))).
    var lr = 0.2 * 0.25
    for t in 1..<4 {
      lr *= 1 + 0.75 / (4 * 0.25 + Double(t - 1) * 0.75)
      #expect(abs(rates[t] - lr) < 1e-15, "t=\(t)")
    }
    // From the milestone on, torch's recursive cosine from base.
    let cosine = torchRecursiveCosine(base: 0.2, period: 10, floor: 0, steps: 10)
    for k in 0...10 {
      #expect(abs(rates[4 + k] - cosine[k]) < 1e-15, "t=\(4 + k)")
    }
  }

  @Test func warmupCosineDefaultStartFactorIsTorchsLinearLR() throws {
    let rates = try learningRates("adam:lr=0.3,schedule=warmup-cosine,warmup=5,T=50", steps: 0)
    #expect(near(rates[0], 0.1))
  }

  /// Feeds f values to a plateau schedule and returns the lr after each scheduler step.
  func plateau(_ settings: String, base: Double = 1, values: [Double]) throws -> [Double] {
    var optimizer = Optimizer(
      try OptimizerSpec(parsing: "sgd:lr=\(base),schedule=plateau,\(settings)"))
    var position = Point.zero
    return values.map { value in
      optimizer.step(&position, gradient: .zero, value: value)
      return optimizer.learningRate
    }
  }

  @Test func reduceOnPlateau() throws {
    // patience 2, factor 0.5, threshold 0.1 (rel): an improvement must beat best·0.9.
    // 10 sets best; 9.5, 9.2, 9.1 are not below 9 → bad 1, 2, 3 > 2 → lr 0.5.
    // 8 beats 9 (best·0.9)… then three bad steps → 0.25.
    let rates = try plateau(
      "patience=2,factor=0.5,threshold=0.1", values: [10, 9.5, 9.2, 9.1, 8, 8, 8, 8])
    #expect(rates == [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25])
  }

  @Test func plateauCooldownIgnoresBadSteps() throws {
    // patience 0: every non-improving step reduces, except during the 2-step cooldown.
    let rates = try plateau(
      "patience=0,factor=0.5,cooldown=2", values: [5, 5, 5, 5, 5, 5])
    // step 2: bad 1 > 0 → 0.5, cooldown 2; steps 3, 4 in cooldown; step 5 → 0.25; 6 cooling.
    #expect(rates == [1, 0.5, 0.5, 0.5, 0.25, 0.25])
  }

  @Test func plateauRespectsMinimumLearningRate() throws {
    let rates = try plateau("patience=0,factor=0.5,min_lr=0.3", values: [5, 5, 5, 5])
    #expect(rates == [1, 0.5, 0.3, 0.3])
  }

  @Test func optimizerStepsBeforeScheduler() throws {
    // f = x, ∇f = (1, 0); StepLR(1, 0.5) with lr 1: steps of 1, 0.5, 0.25 (torch loop order).
    var race = Race(
      objective: try Expression(parsing: "x"), start: .zero,
      specs: [try OptimizerSpec(parsing: "sgd:lr=1,schedule=step,step_size=1,gamma=0.5")])
    race.step(times: 3)
    #expect(race.racers[0].trail.map(\.position.x) == [0, -1, -1.5, -1.75])
    #expect(race.racers[0].optimizer.learningRate == 0.125)
    #expect(race.racers[0].inspection.optimizer.learningRate == 0.125)
  }

  @Test func plateauInARaceUsesFAtTheStepsPoint() throws {
    // f = 1 everywhere: no improvement after the first step; patience 1, factor 0.5.
    var race = Race(
      objective: try Expression(parsing: "1 + 0*x"), start: .zero,
      specs: [try OptimizerSpec(parsing: "sgd:lr=1,schedule=plateau,patience=1,factor=0.5")])
    race.step(times: 3)
    #expect(race.racers[0].optimizer.learningRate == 0.5)
  }

  @Test func switchingScheduleLiveKeepsOptimizerState() throws {
    let objective = try Expression(parsing: "(1-x)^2 + 100*(y-x^2)^2")
    let start = Point(x: -1.5, y: 2)
    // Scheduled: 5 plain Adam steps, then ExponentialLR(0.5) starting at t = 0.
    var scheduled = Race(
      objective: objective, start: start, specs: [try OptimizerSpec(parsing: "adam:lr=0.1")])
    scheduled.step(times: 5)
    let schedule = try LearningRateSchedule(kind: .exponential, values: [.gamma: 0.5])
    try scheduled.edit(.schedule(schedule), racer: 0)
    #expect(scheduled.racers[0].optimizer.learningRate == 0.1)
    #expect(scheduled.racers[0].optimizer.stepCount == 5)
    scheduled.step(times: 5)
    // Reference: the same lrs set by hand, as editing param_group["lr"] each step.
    var manual = Race(
      objective: objective, start: start, specs: [try OptimizerSpec(parsing: "adam:lr=0.1")])
    manual.step(times: 5)
    for k in 0..<5 {
      try manual.edit(.hyperparameter(.learningRate, 0.1 * pow(0.5, Double(k))), racer: 0)
      manual.step()
    }
    #expect(scheduled.racers[0].trail == manual.racers[0].trail)
    // Removing it returns to the base lr, again keeping the state.
    try scheduled.edit(.schedule(nil), racer: 0)
    #expect(scheduled.racers[0].optimizer.learningRate == 0.1)
    #expect(scheduled.racers[0].optimizer.stepCount == 10)
  }

  @Test func editingScheduleSettingKeepsItsClock() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "adam:lr=1,schedule=cosine,T=10"))
    var position = Point.zero
    for _ in 0..<5 { optimizer.step(&position, gradient: .zero) }
    #expect(near(optimizer.learningRate, 0.5))
    try optimizer.edit(.scheduleParameter(.period, 20))
    #expect(optimizer.scheduleStep == 5)
    #expect(near(optimizer.learningRate, (1 + cos(Double.pi / 4)) / 2))
    #expect(throws: OptimizerError.self) { try optimizer.edit(.scheduleParameter(.gamma, 0.5)) }
    #expect(throws: OptimizerError.self) { try optimizer.edit(.scheduleParameter(.period, 0)) }
  }

  @Test func liveLearningRateChangeMovesTheBase() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "sgd:lr=1,schedule=exponential,gamma=0.5"))
    var position = Point.zero
    optimizer.step(&position, gradient: .zero)
    optimizer.step(&position, gradient: .zero)
    #expect(optimizer.learningRate == 0.25)
    try optimizer.edit(.hyperparameter(.learningRate, 2))
    #expect(optimizer.learningRate == 0.5)
  }

  @Test func specsRoundTripAndAliases() throws {
    let spec = try OptimizerSpec(parsing: "adam:lr=0.1,schedule=cosine,T=200")
    #expect(spec.description == "adam:lr=0.1,schedule=cosine,T=200")
    #expect(spec.schedule?[.period] == 200 && spec.schedule?[.minimumLearningRate] == 0)
    let alias = try OptimizerSpec(parsing: "adam:schedule=Cosine,t_max=50,eta_min=0.001")
    #expect(alias.description == "adam:schedule=cosine,T=50,eta_min=0.001")
    #expect(try OptimizerSpec(parsing: alias.description) == alias)
    let plateau = try OptimizerSpec(parsing: "sgd:schedule=plateau")
    #expect(plateau.schedule?[.patience] == 10 && plateau.schedule?[.factor] == 0.1)
    #expect(plateau.description == "sgd:schedule=plateau")
  }

  @Test(arguments: [
    ("adam:schedule=cosine", "adam: schedule=cosine needs T"),
    ("adam:T=200", "adam: 'T' is a schedule setting; add schedule="),
    ("adam:schedule=cosine,T=0", "adam: schedule=cosine: T must be a whole number >= 1, got 0"),
    ("adam:schedule=cosine,T=10,gamma=0.5", "schedule=cosine has no setting 'gamma'"),
    ("adam:schedule=warp", "adam: unknown schedule 'warp'; known: step|exponential|cosine"),
    ("adam:schedule=step,step_size=2.5", "step_size must be a whole number >= 1, got 2.5"),
    ("adam:schedule=warmup-cosine,warmup=10,T=10", "T must be greater than warmup"),
    ("adam:schedule=exponential,gamma=-1", "gamma must be a finite number > 0"),
    ("adam:schedule=plateau,factor=1", "factor must be in [0, 1), got 1.0"),
    ("adam:schedule=step,step_size=x", "step_size must be a whole number >= 1, got 'x'"),
    ("adam:schedule=cosine,T=5,T_max=6", "T is given more than once"),
  ])
  func refusedWithOneLineNamingTheKey(_ text: String, _ message: String) {
    do {
      _ = try OptimizerSpec(parsing: text)
      Issue.record("accepted \(text)")
    } catch {
      let description = "\(error)"
      #expect(description.contains(message), "\(description)")
      #expect(!description.contains("\n"))
    }
  }
}
