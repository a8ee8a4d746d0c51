import OptimKit

/// The correspondence between the plane (a view box) and a map's cells on screen.
///
/// Used to place trails and markers, and by the interactive program to turn a
/// mouse click into a start point.
public struct MapProjection: Hashable, Sendable {
  public var view: ViewBox
  /// Where the map is on screen.
  public var region: Region

  public init(view: ViewBox, region: Region) {
    self.view = view
    self.region = region
  }

  /// A point's position in continuous braille-dot coordinates relative to the map
  /// (x to the right, y downwards; the map is 2·width × 4·height dots).
  public func dotPosition(of point: Point) -> (x: Double, y: Double) {
    (
      (point.x - view.xMin) / (view.xMax - view.xMin) * Double(region.width * 2),
      (view.yMax - point.y) / (view.yMax - view.yMin) * Double(region.height * 4)
    )
  }

  /// The screen cell that shows a point, or nil when it is outside the view.
  public func cell(of point: Point) -> (column: Int, row: Int)? {
    guard point.isFinite, view.contains(point) else { return nil }
    let dot = dotPosition(of: point)
    let column = min(max(Int((dot.x / 2).rounded(.down)), 0), region.width - 1)
    let row = min(max(Int((dot.y / 4).rounded(.down)), 0), region.height - 1)
    return (region.x + column, region.y + row)
  }

  /// The point at the centre of a screen cell, or nil when the cell is not on the map.
  public func point(column: Int, row: Int) -> Point? {
    guard region.contains(column: column, row: row) else { return nil }
    let x =
      view.xMin + (Double(column - region.x) + 0.5) * (view.xMax - view.xMin)
      / Double(region.width)
    let y =
      view.yMax - (Double(row - region.y) + 0.5) * (view.yMax - view.yMin)
      / Double(region.height)
    return Point(x: x, y: y)
  }
}
