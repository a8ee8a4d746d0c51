import App
import Foundation
import OptimKit
import Plot
import Testing

@Suite("Leaderboard: L and the live ranking")
struct LeaderboardPanelTests {
  /// SGD on the sphere from (−4, 3): x ← (1 − 2·lr)·x, so f_k = 25·(1 − 2·lr)^(2k).
  /// lr = 0.4 arrives first, 0.1 second, 1e-4 never (ranked by f), 100 diverges.
  private let options = SceneOptions(
    function: "sphere", optimizers: ["sgd:lr=1e-4", "sgd:lr=100", "sgd:lr=0.1", "sgd:lr=0.4"])

  /// The first k with 25·(1 − 2·lr)^(2k) ≤ 1e-6.
  private func arrival(learningRate: Double) -> Int {
    var k = 0
    while 25 * pow(1 - 2 * learningRate, Double(2 * k)) > 1e-6 { k += 1 }
    return k
  }

  @Test("ranks the racers by arrival step, then f, diverged last, with exact arrival steps")
  func knownAnswer() throws {
    var model = try ExploreFixture.model(options)
    // Eight steps per frame: arrivals are still counted step by step.
    (model, _) = Fixture.send([Fixture.key("]"), Fixture.key("]"), Fixture.key("]")], to: model)
    model = ExploreFixture.ticks(20, to: model)
    #expect(model.race.stepCount == 160)
    let ranking = model.ranking
    #expect(ranking.map(\.index) == [3, 2, 0, 1])
    #expect(ranking[0].reachedStep == arrival(learningRate: 0.4))
    #expect(ranking[1].reachedStep == arrival(learningRate: 0.1))
    #expect(ranking[2].reachedStep == nil)
    #expect(ranking[3].isDiverged)
  }

  @Test(
    "L shows the leaderboard in place of the loss chart, in ranking order; L again brings the chart back"
  )
  func panel() throws {
    var model = ExploreFixture.ticks(120, to: try ExploreFixture.model(options))
    #expect(Fixture.screen(model).contains("f − f* (log scale)"))
    (model, _) = Fixture.send([Fixture.key("L")], to: model)
    #expect(model.isLeaderboardShown)
    // In ranking order: arrived first (steps 6 and 39, as computed), then by f, diverged last.
    #expect(arrival(learningRate: 0.4) == 6)
    #expect(arrival(learningRate: 0.1) == 39)
    let panel = try #require(model.plan.loss)
    let screen = view(model)
    ScreenExpectation.expect(
      screen.cropped(x: panel.x, y: panel.y, width: panel.width, height: 6),
      equals: """
        leaderboard f − f* ≤ 1e-06
             optimizer arrived         f
         1 ◆ sgd#4          #6 4.42e-167
         2 ▲ sgd#3         #39  1.38e-22
         3 ● sgd             —  2.38e+01
         4 ■ sgd#2         div 7.02e+304
        """)
    let below = screen.cropped(
      x: panel.x, y: panel.y + 6, width: panel.width, height: panel.height - 6)
    ScreenExpectation.expect(below, equals: Canvas(width: below.width, height: below.height))
    (model, _) = Fixture.send([Fixture.key("L")], to: model)
    #expect(Fixture.screen(model).contains("f − f* (log scale)"))
  }

  @Test("a restart clears the arrivals")
  func restartClears() throws {
    var model = ExploreFixture.ticks(60, to: try ExploreFixture.model(options))
    #expect(model.leaderboard.reachedSteps[3] != nil)
    (model, _) = Fixture.send([Fixture.key("r")], to: model)
    #expect(model.leaderboard.reachedSteps.isEmpty)
  }

  @Test("a function without known minima ranks by final f alone")
  func expressionRanksByValue() throws {
    var model = try ExploreFixture.model(
      SceneOptions(expression: "x^2 + y^2", optimizers: ["sgd:lr=0.1", "sgd:lr=0.4"]))
    model = ExploreFixture.ticks(30, to: model)
    #expect(model.ranking.map(\.index) == [1, 0])
    #expect(model.ranking.allSatisfy { $0.reachedStep == nil })
  }
}
