import OptimKit
import Testing

/// Ranking on scenes whose answer is known by hand.
@Suite struct LeaderboardTests {
  /// Sphere x² + y² from (−4, 3): SGD multiplies the position by (1 − 2·lr) each step, so
  /// f_k = 25·(1 − 2·lr)^(2k), and every step count below follows by hand:
  /// lr 0.5 lands on 0 at step 1; lr 0.25 halves: 25/4^k ≤ 1e-6 first at k = 13;
  /// lr 0.1: 25·0.64^k ≤ 1e-6 first at k = 39; lr 0.002 and 0.001 do not get there in 1000
  /// steps (f ≈ 8e-3 and 0.46); lr 1.5 (×−2) and lr 2 (×−3) overflow, lr 2 sooner.
  @Test func sphereRankingIsProvable() throws {
    let sphere = try #require(TestFunction.named("sphere"))
    let rates = [2, 0.001, 0.1, 0.5, 1.5, 0.25, 0.002]
    var race = Race(
      objective: sphere.expression, start: sphere.start,
      specs: try rates.map { try OptimizerSpec(parsing: "sgd:lr=\($0)") },
      labels: rates.map { "lr \($0)" })
    var board = Leaderboard(function: sphere, tolerance: 1e-6)
    #expect(board.criterion == .value(minimum: 0))
    board.observe(race)
    for _ in 0..<1000 {
      race.step()
      board.observe(race)
    }
    let ranking = board.ranking(of: race)
    #expect(
      ranking.map(\.label) == [
        "lr 0.5", "lr 0.25", "lr 0.1", "lr 0.002", "lr 0.001", "lr 1.5", "lr 2.0",
      ])
    #expect(ranking.map(\.rank) == Array(1...7))
    #expect(ranking[0].reachedStep == 1 && ranking[1].reachedStep == 13)
    #expect(ranking[2].reachedStep == 39 && ranking[3].reachedStep == nil)
    #expect(ranking[5].isDiverged && ranking[6].isDiverged)
    #expect(ranking[5].stepsTaken > ranking[6].stepsTaken)
    #expect(ranking[3].finalValue < ranking[4].finalValue)
    #expect(board.distance(from: Point(x: 3, y: 4)) == 5)
  }

  @Test func distanceCriterionAndStartAlreadyThere() throws {
    // Distance to (0, 0) within 0.1: lr 0.25 halves the distance 5 → 5/2^k ≤ 0.1 at k = 6.
    var race = Race(
      objective: HandObjective.ellipse, start: Point(x: 0, y: 5),
      specs: [try OptimizerSpec(parsing: "sgd:lr=0.25")])
    var board = Leaderboard(criterion: .distance(minima: [Point(x: 0, y: 0)]), tolerance: 0.1)
    board.observe(race)
    race.step(times: 5)
    board.observe(race)
    #expect(board.reachedSteps.isEmpty)
    race.step()
    board.observe(race)
    #expect(board.reachedSteps[0] == 6)
    // A racer that starts within tolerance reached at step 0.
    let still = Race(
      objective: HandObjective.ellipse, start: Point(x: 0.01, y: 0),
      specs: [try OptimizerSpec(parsing: "sgd")])
    board.reset()
    board.observe(still)
    #expect(board.reachedSteps[0] == 0)
  }

  @Test func withoutKnownMinimumFinalValueRanks() throws {
    var race = Race(
      objective: HandObjective.ellipse, start: Point(x: 1, y: 1),
      specs: try ["sgd:lr=0.01", "sgd:lr=0.05"].map { try OptimizerSpec(parsing: $0) })
    var board = Leaderboard(criterion: .finalValueOnly, tolerance: 1)
    race.step(times: 10)
    board.observe(race)
    #expect(board.reachedSteps.isEmpty)
    #expect(board.ranking(of: race).map(\.label) == ["sgd#2", "sgd"])
    #expect(board.distance(from: .zero) == nil)
  }

  @Test func criterionForCatalogFunctions() throws {
    let himmelblau = try #require(TestFunction.named("himmelblau"))
    #expect(Leaderboard.Criterion(for: himmelblau) == .value(minimum: 0))
    #expect("\(Leaderboard.Criterion.finalValueOnly)".contains("final f"))
  }
}
