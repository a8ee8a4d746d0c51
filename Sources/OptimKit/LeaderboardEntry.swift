/// One line of a leaderboard: a racer, whether and when it reached the tolerance, and where it ended.
public struct LeaderboardEntry: Hashable, Sendable {
  /// 1 for the best.
  public var rank: Int
  /// The racer's index in its race.
  public let index: Int
  public let label: String
  public let spec: OptimizerSpec
  /// The first step at which the racer met the criterion; nil if it never did.
  public let reachedStep: Int?
  /// The evaluations of f and ∇f made by then (what the ranking compares); nil if never reached.
  public let reachedEvaluations: Int?
  /// f at the racer's last finite position.
  public let finalValue: Double
  /// The racer's last finite position.
  public let position: Point
  /// Steps taken (for a diverged racer, up to the step that diverged).
  public let stepsTaken: Int
  /// Evaluations of f and ∇f made in all (equal to `stepsTaken` but for LBFGS and plug-ins).
  public let evaluations: Int
  public let isDiverged: Bool

  /// 0: reached; 1: did not reach; 2: diverged.
  var group: Int { isDiverged ? 2 : (reachedStep == nil ? 1 : 0) }
}
