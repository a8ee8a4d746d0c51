import OptimKit
import Plot

extension Model {
  /// What counts as arrived on the leaderboard: f − f* (or the distance to a known minimum)
  /// at most this, as `optiscope compare` uses by default.
  public static let leaderboardTolerance = 1e-6

  /// A fresh leaderboard for `function`: by f − f* when f* is known, else by the distance to
  /// the nearest known minimum, else by final f alone.
  static func leaderboard(for function: FunctionChoice) -> Leaderboard {
    Leaderboard(
      criterion: Leaderboard.Criterion(
        minimumValue: function.minimumValue, minima: function.minima),
      tolerance: leaderboardTolerance, minima: function.minima)
  }

  /// Keeps the leaderboard in step with the race: a new one for a new function, and a clean
  /// slate whenever the race is back at step 0 (restart, new start, new function).
  mutating func refreshLeaderboard() {
    if leaderboardFunction != function.name {
      leaderboard = Model.leaderboard(for: function)
      leaderboardFunction = function.name
    }
    if race.stepCount == 0 {
      leaderboard.reset()
      leaderboard.observe(race)
    }
  }

  /// `L`: the leaderboard in place of the loss chart, or back.
  mutating func toggleLeaderboard() {
    isLeaderboardShown.toggle()
    message = Message(
      isLeaderboardShown
        ? "leaderboard: first to arrive, then by f, diverged last (L hides it)"
        : "loss chart")
  }

  /// The racers best first, as the leaderboard panel shows them.
  public var ranking: [LeaderboardEntry] { leaderboard.ranking(of: race) }

  /// The leaderboard's test in a few words, for its panel.
  var leaderboardCriterion: String {
    let tolerance = NumberFormat.compact(leaderboard.tolerance, digits: 3)
    switch leaderboard.criterion {
    case .value: return "f − f* ≤ \(tolerance)"
    case .distance: return "|x − x*| ≤ \(tolerance)"
    case .finalValueOnly: return "by f (no known minimum)"
    }
  }
}
