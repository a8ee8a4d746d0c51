/// One step of damped Newton's method: the direction d with (H + λI)·d = ∇f, and how it was found.
///
/// - When H + λI is positive definite (the usual case near a minimum) d is
///   exactly the Levenberg–Marquardt direction (H + λI)⁻¹∇f, solved in closed
///   form; with λ = 0 on a quadratic it lands on the minimum in one step.
/// - When it is not (a saddle, a maximum, a flat direction), a plain Newton
///   step would head for the saddle or uphill. The step then uses the
///   absolute eigenvalues, d = Σ (vᵢ·∇f)/(|μᵢ| + λ)·vᵢ — the saddle-free Newton
///   step of Dauphin et al. (2014) — so it goes downhill along every
///   eigenvector; an eigenvector with |μᵢ| + λ = 0 (flat and undamped) takes a
///   plain gradient step along it (curvature taken as 1).
/// - A non-finite Hessian yields a non-finite step, which the race reports as divergence.
public struct NewtonStep: Hashable, Sendable {
  /// How the direction was found.
  public enum Method: String, Hashable, Sendable {
    /// (H + λI)⁻¹∇f: H + λI was positive definite.
    case newton
    /// |eigenvalues| + λ: H + λI was indefinite or singular.
    case saddleFree = "saddle-free"
  }

  /// The direction d; the update is −lr·d.
  public let direction: Point
  /// The diagonal of the matrix that maps ∇f to d, for the inspector's per-coordinate step.
  public let inverseDiagonal: Point
  public let method: Method

  /// The step on a function of one variable: slope f′(x), curvature f″(x), damping λ ≥ 0.
  ///
  /// The same rule in one dimension, without the 2×2 algebra (whose zero yy
  /// would make every Hessian singular): d = f′/(f″ + λ) when f″ + λ > 0, else
  /// f′/(|f″| + λ), a plain gradient step when that is 0 too.
  public init(slope: Double, curvature: Double, damping: Double) {
    let damped = curvature + damping
    if damped > 0 {
      direction = Point(x: slope / damped, y: 0)
      inverseDiagonal = Point(x: 1 / damped, y: 0)
      method = .newton
      return
    }
    let absolute = Swift.abs(curvature) + damping
    let k = absolute == 0 ? 1 : absolute
    direction = Point(x: slope / k, y: 0)
    inverseDiagonal = Point(x: 1 / k, y: 0)
    method = .saddleFree
  }

  /// The step for gradient `g`, Hessian `h` and damping `damping` (λ ≥ 0).
  public init(gradient g: Point, hessian h: Hessian, damping: Double) {
    let a = h.xx + damping
    let c = h.yy + damping
    let b = h.xy
    let determinant = a * c - b * b
    if a > 0 && determinant > 0 {
      direction = Point(x: (c * g.x - b * g.y) / determinant, y: (a * g.y - b * g.x) / determinant)
      inverseDiagonal = Point(x: c / determinant, y: a / determinant)
      method = .newton
      return
    }
    let (values, vectors) = h.eigen
    func curvature(_ value: Double) -> Double {
      let k = Swift.abs(value) + damping
      return k == 0 ? 1 : k
    }
    let k1 = curvature(values.0)
    let k2 = curvature(values.1)
    let v1 = vectors.0
    let v2 = vectors.1
    let along1 = (v1.x * g.x + v1.y * g.y) / k1
    let along2 = (v2.x * g.x + v2.y * g.y) / k2
    direction = along1 * v1 + along2 * v2
    inverseDiagonal = Point(
      x: v1.x * v1.x / k1 + v2.x * v2.x / k2, y: v1.y * v1.y / k1 + v2.y * v2.y / k2)
    method = .saddleFree
  }
}
