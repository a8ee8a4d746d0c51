/// The rectangle of the plane shown on screen: x from `xMin` to `xMax`, y from `yMin` to `yMax`.
///
/// Kept in OptimKit because every catalog function carries a default view
/// that shows its interesting part.
public struct ViewBox: Hashable, Sendable, CustomStringConvertible {
  public var xMin: Double
  public var xMax: Double
  public var yMin: Double
  public var yMax: Double

  // duplicates: a public memberwise init other modules call, shaped like Region's.
  public init(xMin: Double, xMax: Double, yMin: Double, yMax: Double) {
    self.xMin = xMin
    self.xMax = xMax
    self.yMin = yMin
    self.yMax = yMax
  }

  public var width: Double { xMax - xMin }
  public var height: Double { yMax - yMin }
  public var center: Point { Point(x: (xMin + xMax) / 2, y: (yMin + yMax) / 2) }

  /// Whether the box is a usable view: finite, with positive width and height.
  public var isValid: Bool {
    xMin.isFinite && xMax.isFinite && yMin.isFinite && yMax.isFinite && xMax > xMin && yMax > yMin
  }

  public func contains(_ point: Point) -> Bool {
    point.x >= xMin && point.x <= xMax && point.y >= yMin && point.y <= yMax
  }

  public var description: String { "x∈[\(xMin), \(xMax)] y∈[\(yMin), \(yMax)]" }
}
