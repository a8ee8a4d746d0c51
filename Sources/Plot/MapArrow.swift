import OptimKit

/// An arrow drawn on a map from a point in a direction, with a fixed length on screen.
///
/// Only the direction is drawn (the lengths of gradients and updates differ by
/// orders of magnitude and would be invisible or leave the map); the inspector
/// panel prints the sizes. An origin outside the view, or a zero or non-finite direction,
/// draws nothing.
public struct MapArrow: Sendable {
  public var origin: Point
  /// The direction in the plane's units; only its angle on screen matters.
  public var direction: Point
  public var color: Color

  /// The arrow's end in braille-dot coordinates of `projection`'s map, or nil when nothing
  /// is drawn: an eighth of the map's shorter side (in square dots), at least 6 dots.
  func end(on projection: MapProjection) -> (x: Double, y: Double)? {
    let region = projection.region
    let view = projection.view
    guard origin.isFinite, view.contains(origin), direction.isFinite,
      direction.x != 0 || direction.y != 0, view.width > 0, view.height > 0, !region.isEmpty
    else { return nil }
    let start = projection.dotPosition(of: origin)
    // Dots: 2 across and 4 down per cell, and a cell is about twice as tall as wide, so
    // dots are square on screen and the angle comes out right.
    let dx = direction.x / view.width * Double(region.width * 2)
    let dy = -direction.y / view.height * Double(region.height * 4)
    let norm = (dx * dx + dy * dy).squareRoot()
    guard norm.isFinite, norm > 0 else { return nil }
    let length = max(6, Double(min(region.width * 2, region.height * 4)) / 8)
    return (start.x + dx / norm * length, start.y + dy / norm * length)
  }
}
