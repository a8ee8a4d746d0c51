/// What the inspector shows for one racer: where it is, the gradient there, its last move, and
/// its optimizer's state (per-coordinate step, momentum, lr now).
public struct RacerInspection: Hashable, Sendable {
  /// The racer's latest finite position.
  public var position: Point
  /// The exact ∇f at `position` (without noise).
  public var gradient: Point
  /// The gradient the last step actually used: ∇f plus that step's noise (zero before a step).
  public var lastGradientUsed: Point
  /// The last update: position after the last step minus position before it (zero before a step).
  public var lastUpdate: Point
  /// |lastUpdate|.
  public var stepLength: Double { lastUpdate.length }
  /// The optimizer's state.
  public var optimizer: OptimizerInspection
}
