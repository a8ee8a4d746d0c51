import OptimKit
import Testing

/// Parsing of `NAME[:KEY=VALUE,...]`: names, aliases, switches, defaults, canonical printing.
@Suite struct OptimizerSpecTests {
  @Test(arguments: [
    ("sgd", OptimizerKind.sgd), ("GD", .sgd), ("nag", .nesterov), ("Heavy-Ball", .momentum),
    ("AdamW", .adamw), ("rmsprop", .rmsprop),
  ])
  func namesAndAliases(_ text: String, _ kind: OptimizerKind) throws {
    #expect(try OptimizerSpec(parsing: text).kind == kind)
  }

  /// torch.optim's documented defaults, typed in from torch's signatures.
  @Test func defaultsAreTorchs() {
    func defaults(_ kind: OptimizerKind) -> [String: Double] {
      let settings = Hyperparameters(defaultsFor: kind)
      var values = Dictionary(
        uniqueKeysWithValues: settings.keys.map { ($0.name, settings[$0] ?? .nan) })
      // Every torch optimizer but Muon has maximize=False; checked here once.
      if kind != .muon { #expect(values.removeValue(forKey: "maximize") == 0, "\(kind)") }
      return values
    }
    #expect(
      defaults(.sgd) == [
        "lr": 1e-3, "momentum": 0, "dampening": 0, "weight_decay": 0, "nesterov": 0,
      ])
    #expect(defaults(.momentum)["momentum"] == 0.9)
    #expect(defaults(.nesterov)["momentum"] == 0.9 && defaults(.nesterov)["nesterov"] == 1)
    #expect(
      defaults(.adagrad) == [
        "lr": 1e-2, "lr_decay": 0, "weight_decay": 0, "initial_accumulator_value": 0, "eps": 1e-10,
      ])
    #expect(defaults(.adadelta) == ["lr": 1.0, "rho": 0.9, "eps": 1e-6, "weight_decay": 0])
    #expect(
      defaults(.rmsprop) == [
        "lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0, "momentum": 0, "centered": 0,
      ])
    let adam: [String: Double] = [
      "lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0, "amsgrad": 0,
    ]
    #expect(defaults(.adam) == adam.merging(["decoupled_weight_decay": 0]) { $1 })
    #expect(defaults(.adamw) == adam.merging(["weight_decay": 0.01]) { $1 })
    #expect(
      defaults(.nadam) == [
        "lr": 2e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0,
        "momentum_decay": 4e-3, "decoupled_weight_decay": 0,
      ])
    #expect(
      defaults(.radam) == [
        "lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0,
        "decoupled_weight_decay": 0,
      ])
    #expect(
      defaults(.adamax) == [
        "lr": 2e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0,
      ])
    #expect(
      defaults(.rprop) == [
        "lr": 1e-2, "etaminus": 0.5, "etaplus": 1.2, "step_size_min": 1e-6, "step_size_max": 50,
      ])
    #expect(
      defaults(.muon) == [
        "lr": 1e-3, "weight_decay": 0.1, "momentum": 0.95, "nesterov": 1, "eps": 1e-7,
        "ns_steps": 5, "adjust_lr_fn": 0,
      ])
    #expect(
      defaults(.asgd) == [
        "lr": 1e-2, "lambd": 1e-4, "alpha": 0.75, "t0": 1e6, "weight_decay": 0,
      ])
  }

  @Test func givenValuesOverrideDefaults() throws {
    let spec = try OptimizerSpec(parsing: "nesterov:lr=0.001,momentum=0.95")
    #expect(spec.hyperparameters[.learningRate] == 0.001)
    #expect(spec.hyperparameters[.momentum] == 0.95)
    #expect(spec.hyperparameters.isOn(.nesterov))
  }

  @Test(arguments: [("true", 1.0), ("1", 1), ("False", 0), ("0", 0), ("TRUE", 1)])
  func switchesAcceptTrueFalseOneZero(_ text: String, _ expected: Double) throws {
    let spec = try OptimizerSpec(parsing: "adam:amsgrad=\(text)")
    #expect(spec.hyperparameters[.amsgrad] == expected)
  }

  @Test func printsBackCanonically() throws {
    #expect(
      try OptimizerSpec(parsing: "ADAM:beta1=0.8,LR=0.01").description == "adam:lr=0.01,beta1=0.8")
    #expect(try OptimizerSpec(parsing: "nag").description == "nesterov")
    #expect(try OptimizerSpec(parsing: "adam:amsgrad=1").description == "adam:amsgrad=true")
    let again = try OptimizerSpec(parsing: "rmsprop:centered=true,alpha=0.9")
    #expect(try OptimizerSpec(parsing: again.description) == again)
  }

  @Test func nesterovJudgedOnFinalCombination() throws {
    let spec = try OptimizerSpec(parsing: "nesterov:nesterov=false,momentum=0")
    #expect(spec.hyperparameters[.momentum] == 0)
    #expect(!spec.hyperparameters.isOn(.nesterov))
  }
}
