import OptimKit
import Testing

/// torch's own argument checks for Rprop, ASGD, SparseAdam and `maximize`, and ASGD's averaged point.
@Suite struct NewOptimizerRulesTests {
  func message(_ text: String) -> String {
    do {
      _ = try OptimizerSpec(parsing: text)
      return "accepted"
    } catch {
      return "\(error)"
    }
  }

  @Test func rpropEtasFollowTorchsRule() {
    #expect(
      message("rprop:etaminus=1.5")
        == "rprop: etaminus and etaplus must satisfy 0 < etaminus < 1 < etaplus, "
        + "got etaminus 1.5, etaplus 1.2")
    #expect(message("rprop:etaplus=1").hasPrefix("rprop: etaminus and etaplus must satisfy"))
    #expect(message("rprop:etaminus=0").hasPrefix("rprop: etaminus and etaplus must satisfy"))
    #expect(message("rprop:etaminus=0.9,etaplus=1.01") == "accepted")
    #expect(message("rprop:lr=-1") == "rprop: lr must be a finite number >= 0, got -1.0")
  }

  @Test func rpropEtasAreCheckedLiveToo() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "rprop"))
    #expect(throws: OptimizerError.self) { try optimizer.edit(.hyperparameter(.etaPlus, 0.9)) }
    #expect(optimizer.hyperparameters[.etaPlus] == 1.2)
  }

  @Test func asgdRefusesWhatTorchRefuses() {
    #expect(message("asgd:lambd=-1") == "asgd: lambd must be a finite number >= 0, got -1.0")
    #expect(message("asgd:alpha=-0.5").hasPrefix("asgd: alpha must be"))
    #expect(message("asgd:weight_decay=-1").hasPrefix("asgd: weight_decay must be"))
    #expect(message("asgd:t0=-5") == "accepted")
  }

  @Test func adafactorRefusesWhatTorchRefuses() {
    #expect(
      message("adafactor:beta2_decay=0.5")
        == "adafactor: beta2_decay must be a finite number <= 0, got 0.5")
    #expect(message("adafactor:d=0.5") == "adafactor: d must be a finite number >= 1, got 0.5")
    #expect(message("adafactor:eps1=-1").hasPrefix("adafactor: eps1 must be a finite number >= 0"))
    #expect(message("adafactor:eps2=-1").hasPrefix("adafactor: eps2 must be a finite number >= 0"))
    #expect(message("adafactor:beta2_decay=0,d=1,eps1=0") == "accepted")
    // torch's eps1=None is float64's machine epsilon.
    #expect(Hyperparameters(defaultsFor: .adafactor)[.eps1] == 2.220446049250313e-16)
  }

  @Test func muonRefusesWhatTorchRefuses() throws {
    #expect(
      message("muon:ns_steps=100")
        == "muon: ns_steps must be a whole number from 0 to 99, got 100.0")
    #expect(message("muon:ns_steps=2.5").hasPrefix("muon: ns_steps must be a whole number"))
    #expect(
      message("muon:adjust_lr_fn=spectral")
        == "muon: adjust_lr_fn must be one of original, match_rms_adamw, spectral_unclamped, "
        + "got 'spectral'")
    #expect(message("muon:momentum=-1").hasPrefix("muon: momentum must be a finite number >= 0"))
    // Unlike SGD's, Muon's nesterov needs no momentum; and torch's None reads as original.
    #expect(message("muon:momentum=0,nesterov=true") == "accepted")
    #expect(
      try OptimizerSpec(parsing: "muon:adjust_lr_fn=None").description
        == "muon:adjust_lr_fn=original")
    #expect(
      try OptimizerSpec(parsing: "muon:adjust_lr_fn=match_rms_adamw").description
        == "muon:adjust_lr_fn=match_rms_adamw")
  }

  @Test func muonNewtonSchulzRoundsToBfloat16() throws {
    // 1 + 2⁻⁸ is a tie between 1 and 1 + 2⁻⁷ in bfloat16: it goes to the even 1.
    #expect(Float(1 + 1.0 / 256) != 1)
    var muon = Optimizer(try OptimizerSpec(parsing: "muon:lr=1,weight_decay=0,ns_steps=0"))
    var p = Point(x: 0, y: 0)
    muon.step(&p, gradient: Point(x: 3, y: 4))
    // With no iterations the update is G/‖G‖ = (0.6, 0.8) in bfloat16: 0.6 → 0.6015625.
    #expect(p == Point(x: -0.6015625, y: -0.80078125))
  }

  @Test func clipIsPartOfTheSpec() throws {
    let spec = try OptimizerSpec(parsing: "adam:clip=0.5,lr=0.1")
    #expect(spec.clip == 0.5)
    #expect(spec.description == "adam:lr=0.1,clip=0.5")
    #expect(try OptimizerSpec(parsing: spec.description) == spec)
    #expect(
      message("sgd:clip=-1")
        == "sgd: clip must be a finite number >= 0 (the largest gradient norm), got '-1'")
    #expect(message("sgd:clip=nan").hasPrefix("sgd: clip must be"))
    #expect(
      message("sgd:clip=1,clip=2").hasSuffix(
        "clip is given more than once (expected NAME[:KEY=VALUE[,KEY=VALUE...]])"))
  }

  @Test func clipScalesOnlyLongGradients() throws {
    var clipped = Optimizer(try OptimizerSpec(parsing: "sgd:lr=1,clip=1"))
    var p = Point(x: 0, y: 0)
    clipped.step(&p, gradient: Point(x: 3, y: 4))
    // ‖g‖ = 5: scaled by (1/(5 + 1e-6))·1, as torch computes it.
    let coefficient = (1 / (5 + 1e-6)) * 1.0
    #expect(p == Point(x: -3 * coefficient, y: -4 * coefficient))
    var q = Point(x: 0, y: 0)
    clipped.step(&q, gradient: Point(x: 0.3, y: 0.4))
    #expect(q == Point(x: -0.3, y: -0.4))
  }

  @Test func sparseAdamIsRefusedWithAdamSuggested() {
    #expect(
      message("sparseadam:lr=0.1")
        == "sparseadam: SparseAdam needs sparse gradients (embeddings), and a 2-D function's "
        + "gradient is dense; use 'adam' instead")
    #expect(message("SparseAdam").hasSuffix("use 'adam' instead"))
  }

  @Test func maximizeClimbs() throws {
    for name in ["sgd", "adam", "rprop", "asgd", "adagrad"] {
      var down = Optimizer(try OptimizerSpec(parsing: name))
      var up = Optimizer(try OptimizerSpec(parsing: name + ":maximize=true"))
      var a = Point(x: 1, y: 1)
      var b = a
      down.step(&a, gradient: Point(x: 2, y: -3))
      up.step(&b, gradient: Point(x: -2, y: 3))
      #expect(a == b, "\(name)")
    }
    #expect(message("lion:maximize=true").hasPrefix("lion: unknown hyper-parameter 'maximize'"))
  }

  @Test func asgdAveragesFromT0On() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "asgd:lr=0.1,t0=2,lambd=0"))
    #expect(optimizer.averagedPosition == nil)
    var p = Point(x: 1, y: 0)
    var points: [Point] = []
    for _ in 0..<5 {
      optimizer.step(&p, gradient: Point(x: 2 * p.x, y: 0))
      points.append(p)
    }
    // mu is 1 until step t0 + 1, so ax follows p; then ax averages the points since.
    let average = try #require(optimizer.averagedPosition)
    #expect(average.x > points[4].x)
    #expect(average.x < points[1].x)
    #expect(Optimizer(try OptimizerSpec(parsing: "sgd")).averagedPosition == nil)
  }
}
