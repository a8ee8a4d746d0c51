/// A point of the plane, or a vector in it: parameters (x, y) or a gradient.
///
/// The optimizers in this package work on exactly two parameters, so a small
/// value type beats a general tensor: it is cheap to copy into trails and
/// histories and exact to compare in tests.
public struct Point: Hashable, Sendable, CustomStringConvertible {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  public static let zero = Point(x: 0, y: 0)

  /// Whether both coordinates are finite (neither NaN nor infinite).
  public var isFinite: Bool { x.isFinite && y.isFinite }

  /// The Euclidean length, used for |∇f| and step lengths.
  public var length: Double { (x * x + y * y).squareRoot() }

  public var description: String { "(\(x), \(y))" }

  public static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
  public static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
  public static func * (s: Double, p: Point) -> Point { Point(x: s * p.x, y: s * p.y) }
}
