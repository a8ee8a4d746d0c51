import OptimKit
import Testing

/// Newton's method with exact Hessians, and Lion's sign update, checked by hand.
@Suite struct NewtonAndLionTests {
  func race(_ source: String, from start: Point, _ spec: String) throws -> Race {
    Race(
      objective: try Expression(parsing: source), start: start,
      specs: [try OptimizerSpec(parsing: spec)])
  }

  @Test func defaultsAndRanges() throws {
    let lion = try OptimizerSpec(parsing: "lion").hyperparameters
    #expect(lion[.learningRate] == 1e-4 && lion[.beta1] == 0.9 && lion[.beta2] == 0.99)
    #expect(lion[.weightDecay] == 0 && lion[.epsilon] == nil)
    let newton = try OptimizerSpec(parsing: "newton").hyperparameters
    #expect(newton[.learningRate] == 1 && newton[.damping] == 1e-3)
    #expect(throws: OptimizerError.self) { try OptimizerSpec(parsing: "lion:beta1=1.5") }
    #expect(throws: OptimizerError.self) { try OptimizerSpec(parsing: "newton:damping=-1") }
    #expect(throws: OptimizerError.self) { try OptimizerSpec(parsing: "adam:damping=1") }
    _ = try OptimizerSpec(parsing: "lion:beta1=1")  // lion-pytorch allows 0 <= beta <= 1
  }

  @Test func newtonSolvesQuadraticsInOneStep() throws {
    var sphere = try race("x^2 + y^2", from: Point(x: -4, y: 3), "newton:lr=1,damping=0")
    sphere.step()
    #expect(sphere.racers[0].position == Point(x: 0, y: 0))
    var ellipse = try race("5*x^2 + y^2", from: Point(x: 5, y: 5), "newton:lr=1,damping=0")
    ellipse.step()
    #expect(ellipse.racers[0].position == Point(x: 0, y: 0))
    // Booth has a cross term; its minimum is (1, 3).
    var booth = try race(
      "(x + 2*y - 7)^2 + (2*x + y - 5)^2", from: Point(x: -5, y: 5), "newton:lr=1,damping=0")
    booth.step()
    let p = booth.racers[0].position
    #expect(abs(p.x - 1) < 1e-12 && abs(p.y - 3) < 1e-12)
  }

  @Test func dampingAndStepScale() throws {
    // Sphere, H = 2I, damping 2: x ← x − 2x/(2 + 2) = x/2.
    var damped = try race("x^2 + y^2", from: Point(x: -4, y: 3), "newton:damping=2")
    damped.step()
    #expect(damped.racers[0].position == Point(x: -2, y: 1.5))
    // lr = 0.5, no damping: half the Newton step.
    var half = try race("x^2 + y^2", from: Point(x: -4, y: 3), "newton:lr=0.5,damping=0")
    half.step()
    #expect(half.racers[0].position == Point(x: -2, y: 1.5))
  }

  @Test func saddleTakesTheSaddleFreeStepDownhill() throws {
    // x²/10 − y²/10 at (1, 1): ∇f = (0.2, −0.2), H = diag(0.2, −0.2). Plain Newton would jump
    // to the saddle (0, 0); with |eigenvalues| the step is (1, −1), landing at (0, 2).
    var saddle = try race("x^2/10 - y^2/10", from: Point(x: 1, y: 1), "newton:damping=0")
    saddle.step()
    let p = saddle.racers[0].position
    #expect(abs(p.x) < 1e-15 && abs(p.y - 2) < 1e-15)
    #expect(saddle.racers[0].optimizer.lastNewtonMethod == .saddleFree)
    #expect(saddle.racers[0].value < 0)
  }

  @Test func singularHessianTakesGradientStepAlongTheFlatDirection() throws {
    // x² + y at (1, 1): ∇f = (2, 1), H = diag(2, 0). Along x: 2/2 = 1; along y, flat and
    // undamped: a gradient step of 1. Lands at (0, 0).
    var flat = try race("x^2 + y", from: Point(x: 1, y: 1), "newton:damping=0")
    flat.step()
    #expect(flat.racers[0].position == Point(x: 0, y: 0))
  }

  @Test func newtonInspection() throws {
    var sphere = try race("x^2 + y^2", from: Point(x: -4, y: 3), "newton:damping=0")
    sphere.step()
    let inspection = sphere.racers[0].inspection
    #expect(inspection.optimizer.effectiveStep == Point(x: 0.5, y: 0.5))
    #expect(inspection.optimizer.newtonMethod == .newton)
    #expect(inspection.lastUpdate == Point(x: 4, y: -3))
    #expect(inspection.stepLength == 5)
  }

  @Test func lionFirstStepsByHand() throws {
    // 5x² + y² from (1, −2), lr 0.1: g₁ = (10, −4); c = 0.1·g₁ → signs (+, −):
    // p₁ = (0.9, −1.9); m₁ = 0.01·g₁ = (0.1, −0.04).
    var lion = try race("5*x^2 + y^2", from: Point(x: 1, y: -2), "lion:lr=0.1")
    lion.step()
    #expect(lion.racers[0].position == Point(x: 1 - 0.1, y: -2 + 0.1))
    let momentum = try #require(lion.racers[0].inspection.optimizer.momentum)
    #expect(abs(momentum.x - 0.1) < 1e-15 && abs(momentum.y - -0.04) < 1e-15)
    // g₂ = (9, −3.8): c = 0.9·m₁ + 0.1·g₂ keeps the signs: p₂ = (0.8, −1.8).
    lion.step()
    #expect(lion.racers[0].position == Point(x: 1 - 0.1 - 0.1, y: -2 + 0.1 + 0.1))
    #expect(lion.racers[0].inspection.optimizer.effectiveStep == Point(x: 0.1, y: 0.1))
  }

  @Test func lionWeightDecayIsDecoupledAndFirst() throws {
    // p ← p·(1 − lr·wd) − lr·sign(c): (1, −2)·0.95 − 0.1·(1, −1) = (0.85, −1.8).
    var lion = try race("5*x^2 + y^2", from: Point(x: 1, y: -2), "lion:lr=0.1,weight_decay=0.5")
    lion.step()
    let p = lion.racers[0].position
    #expect(abs(p.x - 0.85) < 1e-15 && abs(p.y - -1.8) < 1e-15)
  }

  @Test func lionMomentumCanOutvoteTheGradient() throws {
    // x² from 0.05, lr 0.1, beta1 0.99, beta2 0: step 1 g = 0.1 → x = −0.05, m = g = 0.1.
    // Step 2 g = −0.1: c = 0.99·0.1 + 0.01·(−0.1) = 0.098 > 0, so x keeps going: −0.15.
    var lion = try race("x^2", from: Point(x: 0.05, y: 0), "lion:lr=0.1,beta1=0.99,beta2=0")
    lion.step(times: 2)
    #expect(abs(lion.racers[0].position.x - -0.15) < 1e-15)
    #expect(lion.racers[0].position.y == 0)  // sign(0) = 0: y never moves
  }
}
