import OptimKit
import Testing

/// The leaderboard ranks by evaluations of f and ∇f, so a quasi-Newton method whose step
/// evaluates f many times is not flattered by counting steps.
@Suite struct LeaderboardEvaluationTests {
  @Test("fewer steps but more evaluations ranks behind: LBFGS with strong_wolfe after Newton")
  func evaluationsRankNotSteps() throws {
    let rosenbrock = try #require(TestFunction.named("rosenbrock"))
    var race = Race(
      objective: rosenbrock.expression, start: rosenbrock.start,
      specs: [
        try OptimizerSpec(parsing: "lbfgs:line_search=strong_wolfe"),
        try OptimizerSpec(parsing: "newton"),
      ])
    var board = Leaderboard(function: rosenbrock, tolerance: 1e-6)
    board.observe(race)
    for _ in 0..<50 {
      race.step()
      board.observe(race)
    }
    let ranking = board.ranking(of: race)
    let lbfgs = try #require(ranking.first { $0.label == "lbfgs" })
    let newton = try #require(ranking.first { $0.label == "newton" })
    // LBFGS arrives in fewer steps, having evaluated f far more often.
    let lbfgsSteps = try #require(lbfgs.reachedStep)
    let newtonSteps = try #require(newton.reachedStep)
    #expect(lbfgsSteps < newtonSteps)
    let lbfgsEvaluations = try #require(lbfgs.reachedEvaluations)
    #expect(lbfgsEvaluations > lbfgsSteps)
    #expect(newton.reachedEvaluations == newtonSteps)
    #expect(lbfgsEvaluations > newtonSteps)
    #expect(ranking.map(\.label) == ["newton", "lbfgs"])
    #expect(lbfgs.evaluations == race.racers[0].evaluationCount)
  }

  @Test("for first-order optimizers evaluations are steps, so their ranking is unchanged")
  func firstOrderEvaluationsAreSteps() throws {
    let sphere = try #require(TestFunction.named("sphere"))
    var race = Race(
      objective: sphere.expression, start: sphere.start,
      specs: try [0.1, 0.25].map { try OptimizerSpec(parsing: "sgd:lr=\($0)") })
    var board = Leaderboard(function: sphere, tolerance: 1e-6)
    for _ in 0..<100 {
      race.step()
      board.observe(race)
    }
    for entry in board.ranking(of: race) {
      #expect(entry.reachedEvaluations == entry.reachedStep)
      #expect(entry.evaluations == entry.stepsTaken)
    }
  }
}
