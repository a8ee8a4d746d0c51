import OptimKit
import Testing

/// A hyper-parameter changed mid-run keeps the optimizer's state, as a torch param_group edit does.
@Suite struct LiveChangeTests {
  @Test func momentumBufferSurvivesLearningRateChange() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "momentum:lr=0.1"))
    var position = Point(x: 1, y: 0)
    optimizer.step(&position, gradient: Point(x: 2, y: 0))
    // First step: buffer = g = 2 (torch copies the gradient, no dampening); x = 1 - 0.1·2.
    #expect(position.x == 0.8)
    try optimizer.edit(.hyperparameter(.learningRate, 0.5))
    optimizer.step(&position, gradient: Point(x: 1, y: 0))
    // buffer = 0.9·2 + 1 = 2.8; x = 0.8 - 0.5·2.8 = -0.6 (a reset buffer would give 0.3).
    #expect(abs(position.x - -0.6) < 1e-15)
    #expect(optimizer.stepCount == 2)
  }

  @Test func adamKeepsMomentsAndStepCountWhenBeta1Changes() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "adam:lr=0.1"))
    var position = Point(x: 0, y: 0)
    optimizer.step(&position, gradient: Point(x: 1, y: -1))
    // m = 0.1, v = 0.001, both bias-corrected to 1: a step of lr / (1 + eps).
    #expect(abs(position.x - -0.1 / (1 + 1e-8)) < 1e-15)
    #expect(abs(position.y - 0.1 / (1 + 1e-8)) < 1e-15)
    try optimizer.edit(.hyperparameter(.beta1, 0.5))
    let before = position
    optimizer.step(&position, gradient: Point(x: 1, y: -1))
    // m = 0.1 + 0.5·(1 - 0.1) = 0.55, t = 2 so 1 - 0.5² = 0.75; v/(1-0.999²) = 1.
    let expected = 0.1 * (0.55 / 0.75) / (1 + 1e-8)
    #expect(abs((before.x - position.x) - expected) < 1e-12)
    #expect(abs((position.y - before.y) - expected) < 1e-12)
  }

  @Test func adagradDecaysItsLearningRateByStepCount() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "adagrad:lr=1,lr_decay=1"))
    var position = Point(x: 0, y: 0)
    optimizer.step(&position, gradient: Point(x: 1, y: 0))
    #expect(abs(position.x - -1 / (1 + 1e-10)) < 1e-15)
    optimizer.step(&position, gradient: Point(x: 1, y: 0))
    // clr = 1 / (1 + 1·1) = 0.5; sum = 2.
    let expected = -1 / (1 + 1e-10) - 0.5 / (2.0.squareRoot() + 1e-10)
    #expect(abs(position.x - expected) < 1e-15)
  }

  @Test func resetForgetsStateButKeepsSettings() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "momentum:lr=0.1"))
    var position = Point(x: 1, y: 0)
    optimizer.step(&position, gradient: Point(x: 2, y: 0))
    try optimizer.edit(.hyperparameter(.learningRate, 0.5))
    optimizer.reset()
    #expect(optimizer.stepCount == 0)
    #expect(optimizer.hyperparameters[.learningRate] == 0.5)
    var fresh = Point(x: 1, y: 0)
    optimizer.step(&fresh, gradient: Point(x: 2, y: 0))
    #expect(fresh.x == 0)  // buffer starts again at g: 1 - 0.5·2
  }
}
