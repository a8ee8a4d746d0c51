/// Everything known about one point an optimizer reached: position, f and ∇f.
///
/// Unlike a `Waypoint`, a sample may hold non-finite numbers: it is how a race
/// reports the step at which an optimizer diverged.
public struct Sample: Hashable, Sendable {
  /// Steps taken to get here; 0 is the start.
  public var step: Int
  public var position: Point
  /// f at `position`.
  public var value: Double
  /// ∇f at `position`.
  public var gradient: Point

  /// Whether x, y and f are finite; the first sample where they are not marks divergence.
  public var isFinite: Bool { position.isFinite && value.isFinite }

  /// The drawable part of the sample.
  public var waypoint: Waypoint { Waypoint(step: step, position: position, value: value) }
}

// In an extension, so the memberwise init (step, position, value, gradient) stays: the
// race's own, and tests', not other modules' (which evaluate an objective).
extension Sample {
  /// Evaluates `objective` at `position`.
  public init(step: Int, position: Point, objective: any Objective) {
    let (value, gradient) = objective.valueAndGradient(at: position)
    self.init(step: step, position: position, value: value, gradient: gradient)
  }
}
