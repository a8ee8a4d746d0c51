import OptimKit

/// What the leaderboard panel shows: the racers best first, and what "arrived" means.
///
/// Filled in by the caller from `OptimKit.Leaderboard`, so the panel only draws.
public struct LeaderboardDrawing: Sendable {
  /// The racers ranked, best first; `index` is the racer's position in the picture.
  public var entries: [LeaderboardEntry]
  /// The test a racer passes to count as arrived, in a few words ("f − f* ≤ 1e-06").
  public var criterion: String

  public init(entries: [LeaderboardEntry], criterion: String) {
    self.entries = entries
    self.criterion = criterion
  }
}
