/// The path an optimizer has taken: its finite waypoints, oldest first.
///
/// A dedicated type rather than a bare array so that the way history is kept
/// (today: every step; later: thinning old points to bound memory on endless
/// runs) can change without touching the code that draws or prints it. Each
/// waypoint carries its step number, so a thinned trail still knows its steps.
public struct Trail: RandomAccessCollection, Hashable, Sendable {
  private var waypoints: [Waypoint] = []

  /// An empty trail.
  public init() {}

  /// A trail that starts at `start`.
  public init(start: Waypoint) {
    waypoints = [start]
  }

  public var startIndex: Int { waypoints.startIndex }
  public var endIndex: Int { waypoints.endIndex }
  public subscript(index: Int) -> Waypoint { waypoints[index] }

  /// The positions alone, oldest first, for drawing lines.
  public var positions: [Point] { waypoints.map(\.position) }

  /// Adds the newest waypoint.
  public mutating func append(_ waypoint: Waypoint) {
    waypoints.append(waypoint)
  }

  /// Forgets everything, e.g. on restart.
  public mutating func removeAll() {
    waypoints.removeAll(keepingCapacity: true)
  }
}
