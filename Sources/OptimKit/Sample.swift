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

  // duplicates: a public memberwise init other modules call (like ViewBox's, Region's).
  public init(step: Int, position: Point, value: Double, gradient: Point) {
    self.step = step
    self.position = position
    self.value = value
    self.gradient = gradient
  }

  /// Evaluates `objective` at `position`.
  public init(step: Int, position: Point, objective: any Objective) {
    let (value, gradient) = objective.valueAndGradient(at: position)
    self.init(step: step, position: position, value: value, gradient: gradient)
  }

  /// Whether x, y and f are finite; the first sample where they are not marks divergence.
  public var isFinite: Bool { position.isFinite && value.isFinite }

  /// The drawable part of the sample.
  public var waypoint: Waypoint { Waypoint(step: step, position: position, value: value) }
}
