import App
import OptimKit
import Testing

/// The live leaderboard (`L`) and `optiscope compare` judge arrival by one rule.
@Suite struct LeaderboardCriterionTests {
  @Test("every catalog function's live leaderboard uses compare's criterion")
  func liveLeaderboardFollowsCompare() throws {
    let kinds = Set(
      TestFunction.catalog.map { function -> String in
        let scene = Scene(
          function: FunctionChoice(function), specs: [OptimizerSpec(kind: .sgd)])
        let model = Model(scene: scene, width: 80, height: 24)
        #expect(
          model.leaderboard.criterion == Leaderboard.Criterion(for: function), "\(function.name)")
        switch model.leaderboard.criterion {
        case .value: return "value"
        case .distance: return "distance"
        case .finalValueOnly: return "final"
        }
      })
    // The catalog has functions of known f* at least, so the comparison is not of one case.
    #expect(kinds.contains("value"))
  }
}
