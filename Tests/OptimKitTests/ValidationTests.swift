import OptimKit
import Testing

/// Refusals mirror torch.optim's argument checks and name optimizer, key and range.
@Suite struct ValidationTests {
  func message(_ text: String) -> String {
    do {
      _ = try OptimizerSpec(parsing: text)
      return "accepted"
    } catch {
      return "\(error)"
    }
  }

  @Test func betaOutsideUnitInterval() {
    #expect(message("adam:beta1=1.2") == "adam: beta1 must be in [0, 1), got 1.2")
    #expect(message("nadam:beta2=1") == "nadam: beta2 must be in [0, 1), got 1.0")
  }

  @Test func negativeValues() {
    #expect(message("sgd:lr=-1") == "sgd: lr must be a finite number >= 0, got -1.0")
    #expect(message("adam:eps=-1e-8") == "adam: eps must be a finite number >= 0, got -1e-08")
    #expect(message("rmsprop:momentum=-0.5").hasPrefix("rmsprop: momentum must be"))
    #expect(message("adagrad:lr_decay=-1").hasPrefix("adagrad: lr_decay must be"))
    #expect(message("adamw:weight_decay=-0.1").hasPrefix("adamw: weight_decay must be"))
  }

  @Test func torchAcceptsTheseSoDoWe() {
    #expect(message("adam:eps=0") == "accepted")
    #expect(message("adadelta:rho=1") == "accepted")
    #expect(message("sgd:momentum=0.9,dampening=0.5") == "accepted")
  }

  @Test func notFiniteIsRefused() {
    #expect(message("adam:lr=nan").hasPrefix("adam: lr must be"))
    #expect(message("sgd:lr=inf").hasPrefix("sgd: lr must be"))
  }

  @Test func nesterovNeedsMomentumAndNoDampening() {
    #expect(
      message("nesterov:momentum=0")
        == "nesterov: nesterov needs momentum > 0 and dampening = 0, got momentum 0.0, dampening 0.0"
    )
    #expect(message("sgd:nesterov=true").hasPrefix("sgd: nesterov needs momentum > 0"))
    #expect(message("nag:dampening=0.1").hasPrefix("nesterov: nesterov needs"))
  }

  @Test func unknownKeyListsTheKnownOnes() {
    #expect(
      message("adam:momentum=0.9")
        == "adam: unknown hyper-parameter 'momentum'; known: lr, beta1, beta2, eps, weight_decay, amsgrad, decoupled_weight_decay, maximize"
    )
  }

  @Test func unknownOptimizerSuggestsTheClosest() {
    let text = message("adm:lr=0.1")
    #expect(text.hasPrefix("unknown optimizer 'adm' (did you mean 'adam'?); known: sgd, momentum"))
    #expect(text.contains("adamax"))
    #expect(!message("zzzzzzzzzz").contains("did you mean"))
  }

  @Test func malformedText() {
    #expect(message("adam:lr").contains("'lr' is not KEY=VALUE"))
    #expect(message("adam:lr=0.1,").contains("is not KEY=VALUE"))
    #expect(message("adam:lr=abc") == "adam: lr must be a number, got 'abc'")
    #expect(message("adam:amsgrad=yes") == "adam: amsgrad must be true, false, 1 or 0, got 'yes'")
    #expect(message("adam:lr=0.1,lr=0.2") == "adam: lr is given more than once")
    #expect(message(":lr=1").contains("missing optimizer name"))
  }

  @Test func refusedLiveChangeLeavesSettingsAlone() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "nesterov:lr=0.1"))
    #expect(throws: OptimizerError.self) { try optimizer.edit(.hyperparameter(.momentum, 0)) }
    #expect(throws: OptimizerError.self) { try optimizer.edit(.hyperparameter(.beta1, 0.5)) }
    #expect(throws: OptimizerError.self) {
      try optimizer.edit(.hyperparameter(.learningRate, -0.1))
    }
    #expect(throws: OptimizerError.self) { try optimizer.edit(.hyperparameter(.nesterov, 0.5)) }
    #expect(optimizer.hyperparameters[.momentum] == 0.9)
    #expect(optimizer.hyperparameters[.learningRate] == 0.1)
  }
}
