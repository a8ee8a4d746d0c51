import OptimKit
import Testing

/// The inspector's numbers: gradient, last update, step length, per-coordinate step, momentum.
@Suite struct InspectionTests {
  let ellipse = HandObjective.ellipse

  func racer(_ spec: String, from start: Point = Point(x: 1, y: 1)) throws -> Racer {
    Racer(
      label: "r", spec: try OptimizerSpec(parsing: spec), objective: ellipse, start: start)
  }

  @Test func beforeTheFirstStep() throws {
    let inspection = try racer("adam:lr=0.1").inspection
    #expect(inspection.gradient == Point(x: 10, y: 2))
    #expect(inspection.lastUpdate == .zero && inspection.stepLength == 0)
    #expect(inspection.optimizer.effectiveStep == nil)
    #expect(inspection.optimizer.learningRate == 0.1)
  }

  @Test func adamAfterOneStep() throws {
    // ∇f(1, 1) = (10, 2). After step 1, v̂ = g², so lr/(√v̂ + eps) = 0.1/(|g| + 1e-8);
    // m = 0.1·g; the first Adam step moves lr against the sign: (−0.1, −0.1).
    var adam = try racer("adam:lr=0.1")
    adam.step(on: ellipse)
    let inspection = adam.inspection
    let step = try #require(inspection.optimizer.effectiveStep)
    #expect(abs(step.x - 0.1 / (10 + 1e-8)) < 1e-17)
    #expect(abs(step.y - 0.1 / (2 + 1e-8)) < 1e-17)
    let momentum = try #require(inspection.optimizer.momentum)
    #expect(abs(momentum.x - 1) < 1e-15 && abs(momentum.y - 0.2) < 1e-15)
    #expect(
      abs(inspection.lastUpdate.x - -0.1) < 1e-9 && abs(inspection.lastUpdate.y - -0.1) < 1e-9)
    #expect(abs(inspection.stepLength - 0.02.squareRoot()) < 1e-9)
    #expect(inspection.gradient == Point(x: 10 * adam.position.x, y: 2 * adam.position.y))
    #expect(inspection.lastGradientUsed == Point(x: 10, y: 2))
  }

  @Test func sgdMomentumBufferAndPlainSgdHasNone() throws {
    var heavy = try racer("momentum:lr=0.01")
    heavy.step(on: ellipse)
    #expect(heavy.inspection.optimizer.momentum == Point(x: 10, y: 2))  // first buffer = g
    #expect(heavy.inspection.optimizer.effectiveStep == Point(x: 0.01, y: 0.01))
    heavy.step(on: ellipse)
    // buffer = 0.9·g₁ + g₂ with g₂ = (10·0.9, 2·0.98).
    let buffer = try #require(heavy.inspection.optimizer.momentum)
    #expect(abs(buffer.x - (9 + 9)) < 1e-12 && abs(buffer.y - (1.8 + 1.96)) < 1e-12)
    var plain = try racer("sgd:lr=0.01")
    plain.step(on: ellipse)
    #expect(plain.inspection.optimizer.momentum == nil)
  }

  @Test func adagradEffectiveStepShrinks() throws {
    // Adagrad lr 0.5: step 1 effective = 0.5/(|g| + 1e-10).
    var adagrad = try racer("adagrad:lr=0.5")
    adagrad.step(on: ellipse)
    let step = try #require(adagrad.inspection.optimizer.effectiveStep)
    #expect(abs(step.x - 0.5 / (10 + 1e-10)) < 1e-16)
    #expect(adagrad.inspection.optimizer.momentum == nil)
  }
}
