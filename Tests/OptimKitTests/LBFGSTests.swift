import OptimKit
import Testing

/// LBFGS beyond the torch replay: torch's refusals, the trail of inner iterates, and the
/// evaluation count that makes it comparable with first-order methods.
@Suite struct LBFGSTests {
  @Test(arguments: [
    "lbfgs:max_iter=0", "lbfgs:max_iter=2.5", "lbfgs:history_size=0", "lbfgs:history_size=1.5",
    "lbfgs:max_eval=-1", "lbfgs:lr=-1", "lbfgs:line_search_fn=armijo", "lbfgs:line_search=1.5",
    "lbfgs:tolerance_grad=-1", "lbfgs:tolerance_change=nan",
  ])
  func refusesInvalidValues(_ text: String) {
    #expect(throws: OptimizerError.self) { try OptimizerSpec(parsing: text) }
  }

  @Test func namesTorchsDefaultsAndAcceptsLineSearchForLineSearchFn() throws {
    let defaults = OptimizerSpec(kind: .lbfgs).hyperparameters
    #expect(
      defaults.description
        == "lr=1.0,max_iter=20.0,max_eval=0.0,tolerance_grad=1e-07,tolerance_change=1e-09,"
        + "history_size=100.0,line_search_fn=none,maximize=false")
    let short = try OptimizerSpec(parsing: "lbfgs:line_search=strong_wolfe")
    let long = try OptimizerSpec(parsing: "lbfgs:line_search_fn=strong_wolfe")
    #expect(short == long)
    #expect(short.description == "lbfgs:line_search_fn=strong_wolfe")
  }

  @Test func unknownLineSearchIsRefusedInTorchsWords() {
    #expect {
      try OptimizerSpec(parsing: "lbfgs:line_search_fn=armijo")
    } throws: { error in
      "\(error)".contains("only 'strong_wolfe' is supported")
    }
  }

  /// One step of max_iter inner iterations adds every iterate to the trail, and the
  /// evaluation count is torch's closure calls (max_iter without a line search: the first
  /// call, then one per iteration but the last).
  @Test func trailHoldsEveryInnerIterateAndCountsClosureCalls() throws {
    let spec = try OptimizerSpec(parsing: "lbfgs:max_iter=5")
    var race = Race(objective: HandObjective.rosenbrock, start: Point(x: -1.5, y: 2), specs: [spec])
    race.step()
    let racer = race.racers[0]
    #expect(racer.optimizer.lbfgs.iterationCount == 5)
    #expect(racer.trail.appendedCount == 1 + 5)
    #expect(racer.trail.positions.last == racer.position)
    #expect(Set(racer.trail.positions.map { [$0.x, $0.y] }).count == 6)
    #expect(racer.evaluationCount == 5)
    #expect(racer.optimizer.lbfgs.evaluationCount == 5)
  }

  @Test func firstOrderOptimizersCountOneEvaluationPerStep() throws {
    var race = Race(
      objective: HandObjective.himmelblau, start: .zero,
      specs: [OptimizerSpec(kind: .adam), OptimizerSpec(kind: .newton)])
    race.step(times: 7)
    #expect(race.racers.map(\.evaluationCount) == [7, 7])
  }

  /// torch fixes max_eval=None at max_iter·5/4 when the optimizer is built; a live max_iter
  /// keeps it, so the spec then states it.
  @Test func liveMaxIterKeepsTheResolvedMaxEval() throws {
    var optimizer = Optimizer(kind: .lbfgs)
    try optimizer.edit(.hyperparameter(.maxIter, 4))
    #expect(optimizer.hyperparameters[.maxEval] == 25)
    #expect(optimizer.hyperparameters[.maxIter] == 4)
    try optimizer.edit(.hyperparameter(.maxIter, 8))
    #expect(optimizer.hyperparameters[.maxEval] == 25)
  }
}
