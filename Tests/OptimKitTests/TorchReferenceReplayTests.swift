import Foundation
import OptimKit
import Testing

/// Replays scripts/torch-reference.py's fixtures (every optimizer × option × live change ×
/// function, divergence included) against torch's points.
///
/// The generator feeds torch the gradients of the hand-written formulas that
/// `HandObjective` evaluates in the same order, so both sides see identical
/// gradients and any difference, even one ulp, is the optimizer's arithmetic.
/// Every point must agree within 1e-9 relative, and bit for bit up to the first
/// step where torch's `Tensor.sqrt` was inexact (the case's `exact_steps`; the whole
/// case when it has none): torch's square root on x86 CPUs is not correctly rounded
/// (about 0.6% of its results are one ulp low), optiscope's is.
@Suite struct TorchReferenceReplayTests {
  static let cases: [GoldenCase] = (try? GoldenCase.loadAll("torch-optimizers")) ?? []

  @Test func fixtureCoversEveryTorchOptimizer() throws {
    let cases = try GoldenCase.loadAll("torch-optimizers")
    let optimizers = Set(cases.map(\.optimizer))
    let torchKinds = OptimizerKind.allCases.filter { $0 != .newton }
    #expect(optimizers == Set(torchKinds.map(\.name)))
    #expect(Set(cases.map(\.function)).count >= 3)
    #expect(cases.contains { $0.changes != nil })
    #expect(cases.contains { $0.trajectory.last?.contains(nil) == true })
  }

  /// The optimizers whose update calls no `Tensor.sqrt` (Adafactor's `rsqrt` and `norm` are
  /// correctly rounded): these match torch bit for bit.
  static let bitExact: Set<String> = [
    "sgd", "momentum", "nesterov", "adamax", "rprop", "asgd", "lion", "adafactor", "muon",
    "lbfgs",
  ]

  /// Every shape torch accepts is covered for every optimizer, and torch's refusals (Muon
  /// with a vector or two scalars) are there to be refused with torch's words.
  @Test func fixtureCoversEveryShape() throws {
    let cases = try GoldenCase.loadAll("torch-optimizers")
    for kind in OptimizerKind.allCases where kind != .newton {
      for shape in ParameterShape.allCases where shape != .single {
        let covered = cases.contains { golden in
          golden.optimizer == kind.name
            && (golden.params["shape"]?.text ?? kind.defaultShape.name) == shape.name
            && (golden.refused == nil) == kind.accepts(shape)
        }
        #expect(covered, "\(kind) shape=\(shape)")
      }
    }
  }

  @Test(arguments: cases)
  func optimizerMatchesTorch(_ golden: GoldenCase) throws {
    let objective = try #require(HandObjective.catalog[golden.function])
    if let refusal = golden.refused {
      // torch refuses the shape: so does the SPEC, in torch's words.
      #expect(throws: OptimizerError.self) { try OptimizerSpec(parsing: golden.specText) }
      do {
        _ = try OptimizerSpec(parsing: golden.specText)
      } catch {
        #expect("\(error)".contains(refusal), "\(golden.id): \(error)")
      }
      return
    }
    let spec = try OptimizerSpec(parsing: golden.specText)
    var race = Race(objective: objective, start: golden.startPoint, specs: [spec])
    var mismatches = 0
    var inexact = 0
    var evaluations = [0]
    for step in 0...golden.steps {
      if step > 0 {
        let before = race.racers[0].evaluationCount
        race.step()
        evaluations.append(race.racers[0].evaluationCount - before)
      }
      for change in golden.changes ?? [] where change.step == step {
        for (key, number) in change.params {
          let named = try race.racers[0].spec.hyperparameters.key(named: key)
          try race.edit(.hyperparameter(named, number.value), racer: 0)
        }
      }
      let racer = race.racers[0]
      let reference = golden.trajectory[step]
      let actual = [racer.current.position.x, racer.current.position.y, racer.current.value]
      if step <= golden.exactSteps ?? golden.steps,
        !zip(actual, reference).allSatisfy({ GoldenCase.identical($0, $1) })
      {
        inexact += 1
        if inexact <= 2 {
          Issue.record(
            "\(golden.id) step \(step): got \(actual), torch \(reference) (not identical)")
        }
      }
      if !zip(actual, reference).allSatisfy({ GoldenCase.agrees($0, $1) }) {
        mismatches += 1
        if mismatches <= 2 {
          Issue.record("\(golden.id) step \(step): got \(actual), torch \(reference)")
        }
      }
    }
    #expect(mismatches == 0, "\(golden.id): \(mismatches) of \(golden.steps + 1) points differ")
    #expect(
      inexact == 0, "\(golden.id): \(inexact) points before torch's first inexact sqrt differ")
    // LBFGS's strong-Wolfe cubic interpolation takes a `Tensor.sqrt` of tensor values; with
    // clip= it was inexact in a few cases, and the points still matched bit for bit.
    let interpolates = golden.optimizer == "lbfgs" && golden.params["line_search_fn"] != nil
    if Self.bitExact.contains(golden.optimizer), !interpolates {
      #expect(golden.exactSteps == nil, "\(golden.id): \(golden.optimizer) calls no Tensor.sqrt")
    }
    // torch's closure calls per step for LBFGS; one gradient per step for the others.
    let expected = golden.evaluations ?? [0] + Array(repeating: 1, count: golden.steps)
    #expect(evaluations == expected, "\(golden.id): evaluations per step")
    let diverged = golden.trajectory.last?.contains(nil) == true
    #expect(race.racers[0].isActive == !diverged)
  }
}
