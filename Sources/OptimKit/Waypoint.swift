/// Where an optimizer stood after some number of steps, and how high f was there.
public struct Waypoint: Hashable, Sendable {
  /// Steps taken to get here; 0 is the start.
  public var step: Int
  public var position: Point
  /// f at `position`.
  public var value: Double

  /// Whether position and value are all finite: a point that can be drawn.
  public var isFinite: Bool { position.isFinite && value.isFinite }
}
