/// The matrix of second derivatives of f(x, y): ∂²f/∂x², ∂²f/∂x∂y and ∂²f/∂y².
///
/// Symmetric for every twice continuously differentiable f, so three numbers
/// suffice. Newton's method solves with it, and the inspector can show the
/// curvature it describes.
public struct Hessian: Hashable, Sendable, CustomStringConvertible {
  /// ∂²f/∂x².
  public var xx: Double
  /// ∂²f/∂x∂y (= ∂²f/∂y∂x).
  public var xy: Double
  /// ∂²f/∂y².
  public var yy: Double

  public static let zero = Hessian(xx: 0, xy: 0, yy: 0)

  /// Whether all three entries are finite.
  public var isFinite: Bool { xx.isFinite && xy.isFinite && yy.isFinite }

  /// xx·yy − xy².
  public var determinant: Double { xx * yy - xy * xy }

  /// The two eigenvalues, smaller first, with unit eigenvectors; exact for a diagonal matrix.
  public var eigen: (values: (Double, Double), vectors: (Point, Point)) {
    if xy == 0 {
      return xx <= yy
        ? ((xx, yy), (Point(x: 1, y: 0), Point(x: 0, y: 1)))
        : ((yy, xx), (Point(x: 0, y: 1), Point(x: 1, y: 0)))
    }
    let mean = (xx + yy) / 2
    let half = (xx - yy) / 2
    let radius = (half * half + xy * xy).squareRoot()
    let small = mean - radius
    let large = mean + radius
    // (xy, λ − xx) is an eigenvector for λ; pick the better-conditioned form for each.
    func vector(_ lambda: Double) -> Point {
      let a = Point(x: xy, y: lambda - xx)
      let b = Point(x: lambda - yy, y: xy)
      let chosen = a.length >= b.length ? a : b
      return (1 / chosen.length) * chosen
    }
    return ((small, large), (vector(small), vector(large)))
  }

  /// The matrix applied to a vector.
  public func applied(to v: Point) -> Point {
    Point(x: xx * v.x + xy * v.y, y: xy * v.x + yy * v.y)
  }

  public var description: String { "[[\(xx), \(xy)], [\(xy), \(yy)]]" }
}
