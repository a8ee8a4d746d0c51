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
  ///
  /// Squaring overflows for coordinates beyond about 1.3e154 although the length
  /// itself is finite (a gradient of 1e200 has length 1e200, not infinity); then
  /// the coordinates are scaled down first. Elsewhere the plain formula is kept,
  /// so lengths are bit for bit what they always were.
  public var length: Double {
    let squared = x * x + y * y
    guard squared.isInfinite, x.isFinite, y.isFinite else { return squared.squareRoot() }
    let scale = max(abs(x), abs(y))
    let a = x / scale
    let b = y / scale
    return scale * (a * a + b * b).squareRoot()
  }

  public var description: String { "(\(x), \(y))" }

  public static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
  public static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
  public static func * (s: Double, p: Point) -> Point { Point(x: s * p.x, y: s * p.y) }
}
