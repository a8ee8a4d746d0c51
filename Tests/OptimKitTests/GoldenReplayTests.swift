import Foundation
import OptimKit
import Testing

/// Replays torch.optim's own trajectories, live changes included, through optiscope's optimizers.
@Suite struct GoldenReplayTests {
  static let cases: [GoldenCase] = (try? GoldenCase.loadAll()) ?? []

  @Test func fixtureLoads() throws {
    let cases = try GoldenCase.loadAll()
    #expect(cases.count >= 14)
  }

  @Test(arguments: cases)
  func optimizerReproducesTorch(_ golden: GoldenCase) throws {
    let objective = try #require(HandObjective.catalog[golden.function])
    try replay(golden, on: objective)
  }

  /// Runs `golden` through a `Race` on `objective` and compares every point.
  func replay(_ golden: GoldenCase, on objective: any Objective) throws {
    let spec = try OptimizerSpec(parsing: golden.specText)
    var race = Race(objective: objective, start: golden.startPoint, specs: [spec])
    var mismatches = 0
    for step in 0...golden.steps {
      if step > 0 { race.step() }
      for change in golden.changes ?? [] where change.step == step {
        for (key, number) in change.params {
          let named = try race.racers[0].spec.hyperparameters.key(named: key)
          try race.edit(.hyperparameter(named, number.value), racer: 0)
        }
      }
      let racer = race.racers[0]
      let reference = golden.trajectory[step]
      guard step < golden.trajectory.count else { break }
      let actual = [racer.current.position.x, racer.current.position.y, racer.current.value]
      let agree = zip(actual, reference).allSatisfy { GoldenCase.agrees($0, $1) }
      if !agree {
        mismatches += 1
        if mismatches <= 3 {
          Issue.record("\(golden.id) step \(step): got \(actual), torch \(reference)")
        }
      }
    }
    #expect(mismatches == 0, "\(golden.id): \(mismatches) of \(golden.steps + 1) points differ")
  }
}

extension GoldenReplayTests {
  /// The same replay, with f and ∇f from the case's `expr` parsed by the expression language.
  @Test(arguments: cases)
  func parsedExpressionReproducesTorch(_ golden: GoldenCase) throws {
    try replay(golden, on: Expression(parsing: golden.expr))
  }
}
