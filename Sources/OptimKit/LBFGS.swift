/// torch.optim.LBFGS on the 2-vector (x, y): the state torch keeps across `step(closure)` calls
/// and the step itself, line for line as torch/optim/lbfgs.py in float64.
///
/// Unlike the other optimizers, one step evaluates f and ∇f at points it chooses (up to
/// `max_eval` closure calls over up to `max_iter` inner iterations), so the step takes the
/// closure, not a gradient. torch's element-wise kernels are matched as elsewhere:
/// `add(alpha=)` rounds once (fma), `dot` of two elements does not (x₀y₀ + x₁y₁).
public struct LBFGS: Sendable, Hashable {
  /// The last search direction (torch's `d`); nil before the first iteration.
  public private(set) var direction: Point?
  /// The last step length along `direction` (torch's `t`).
  public private(set) var stepLength: Double = 0
  /// The curvature pairs: gradient differences y (`old_dirs`) and steps s (`old_stps`).
  public private(set) var gradientChanges: [Point] = []
  public private(set) var steps: [Point] = []
  /// 1/(yᵀs) per pair (torch's `ro`).
  private var inverseCurvatures: [Double] = []
  /// The initial inverse-Hessian scale yᵀs/yᵀy (torch's `H_diag`).
  public private(set) var hessianDiagonal: Double = 1
  /// The gradient of the previous iteration (torch's `prev_flat_grad`).
  private var previousGradient: Point?
  /// f at the previous iteration (torch's `prev_loss`).
  private var previousLoss: Double?
  /// Inner iterations since the start (torch's `state["n_iter"]`).
  public private(set) var iterationCount = 0
  /// Closure calls since the start (torch's `state["func_evals"]`).
  public private(set) var evaluationCount = 0

  /// A fresh state, as a newly built torch optimizer has.
  public init() {}

  /// The settings one step reads, from `param_groups[0]`.
  struct Settings {
    var learningRate: Double
    var maxIter: Int
    /// torch's `max_eval`, None (0 here) already replaced by max_iter·5/4.
    var maxEval: Int
    var toleranceGrad: Double
    var toleranceChange: Double
    var historySize: Int
    var strongWolfe: Bool
    var maximize: Bool

    init(_ settings: Hyperparameters) {
      learningRate = settings.learningRate
      maxIter = Int(settings.value(.maxIter))
      let given = Int(settings.value(.maxEval))
      maxEval = given == 0 ? maxIter * 5 / 4 : given
      toleranceGrad = settings.value(.toleranceGrad)
      toleranceChange = settings.value(.toleranceChange)
      historySize = Int(settings.value(.historySize))
      strongWolfe = settings.value(.lineSearch) == 1
      maximize = settings.isOn(.maximize)
    }
  }

  /// `a.dot(b)` for two elements, as torch's CPU kernel (BLAS ddot) rounds it: x₀y₀ + x₁y₁,
  /// each operation rounded (checked against torch on 20,000 random pairs: never fused).
  static func dot(_ a: Point, _ b: Point) -> Double {
    a.x * b.x + a.y * b.y
  }

  /// `p.add(d, alpha=t)`: fma(t, d, p) per coordinate.
  static func add(_ p: Point, _ d: Point, alpha t: Double) -> Point {
    Point(x: p.x.addingProduct(t, d.x), y: p.y.addingProduct(t, d.y))
  }

  /// `v.abs().max()` (NaN if either is NaN, as torch's max propagates it).
  static func maxAbs(_ v: Point) -> Double {
    if v.x.isNaN || v.y.isNaN { return .nan }
    return Swift.max(abs(v.x), abs(v.y))
  }

  /// One `optimizer.step(closure)`: moves `position` and returns every inner iterate before
  /// the last (the last is `position` itself), for the trail.
  ///
  /// `evaluate` is the closure: f and ∇f at a point. With `maximize`, both are negated, as
  /// torch negates the loss and the gathered gradient.
  mutating func step(
    _ position: inout Point, settings: Settings,
    evaluate: (Point) -> (value: Double, gradient: Point)
  ) -> [Point] {
    func closure(_ point: Point) -> (Double, Point) {
      let (value, gradient) = evaluate(point)
      return settings.maximize
        ? (-value, Point(x: -gradient.x, y: -gradient.y)) : (value, gradient)
    }
    var iterates: [Point] = []
    var (loss, flatGradient) = closure(position)
    var currentEvaluations = 1
    evaluationCount += 1
    var optimal = Self.maxAbs(flatGradient) <= settings.toleranceGrad
    if optimal { return iterates }
    var d = direction ?? .zero
    var t = stepLength
    // Whether torch's t is a tensor (see `StrongWolfe.Length`).
    var tIsTensor = false
    var inner = 0
    while inner < settings.maxIter {
      inner += 1
      iterationCount += 1
      if iterationCount == 1 {
        d = Point(x: -flatGradient.x, y: -flatGradient.y)
        gradientChanges = []
        steps = []
        inverseCurvatures = []
        hessianDiagonal = 1
      } else {
        let previous = previousGradient ?? .zero
        let y = Point(x: flatGradient.x - previous.x, y: flatGradient.y - previous.y)
        let s = Point(x: d.x * t, y: d.y * t)
        let ys = Self.dot(y, s)
        if ys > 1e-10 {
          if gradientChanges.count == settings.historySize {
            gradientChanges.removeFirst()
            steps.removeFirst()
            inverseCurvatures.removeFirst()
          }
          gradientChanges.append(y)
          steps.append(s)
          inverseCurvatures.append(1 / ys)
          hessianDiagonal = ys / Self.dot(y, y)
        }
        let count = gradientChanges.count
        var al = [Double](repeating: 0, count: count)
        var q = Point(x: -flatGradient.x, y: -flatGradient.y)
        for i in stride(from: count - 1, through: 0, by: -1) {
          al[i] = Self.dot(steps[i], q) * inverseCurvatures[i]
          q = Self.add(q, gradientChanges[i], alpha: -al[i])
        }
        var r = Point(x: q.x * hessianDiagonal, y: q.y * hessianDiagonal)
        for i in 0..<count {
          let be = Self.dot(gradientChanges[i], r) * inverseCurvatures[i]
          r = Self.add(r, steps[i], alpha: al[i] - be)
        }
        d = r
      }
      previousGradient = flatGradient
      previousLoss = loss
      if iterationCount == 1 {
        let reciprocal = 1 / (abs(flatGradient.x) + abs(flatGradient.y))
        // Python's min(1.0, x): x only when x < 1.0.
        t = (reciprocal < 1 ? reciprocal : 1) * settings.learningRate
        tIsTensor = reciprocal < 1
      } else {
        t = settings.learningRate
        tIsTensor = false
      }
      let gtd = Self.dot(flatGradient, d)
      if gtd > -settings.toleranceChange { break }
      var lineSearchEvaluations = 0
      if settings.strongWolfe {
        let start = position
        let search = StrongWolfe.search(
          stepLength: StrongWolfe.Length(value: t, isTensor: tIsTensor), direction: d, value: loss,
          gradient: flatGradient, slope: gtd,
          toleranceChange: settings.toleranceChange,
          maxSearches: settings.maxEval - currentEvaluations
        ) { length in closure(Self.add(start, d, alpha: length)) }
        loss = search.value
        flatGradient = search.gradient
        t = search.stepLength
        lineSearchEvaluations = search.evaluations
        position = Self.add(position, d, alpha: t)
        optimal = Self.maxAbs(flatGradient) <= settings.toleranceGrad
      } else {
        position = Self.add(position, d, alpha: t)
        if inner != settings.maxIter {
          (loss, flatGradient) = closure(position)
          optimal = Self.maxAbs(flatGradient) <= settings.toleranceGrad
          lineSearchEvaluations = 1
        }
      }
      currentEvaluations += lineSearchEvaluations
      evaluationCount += lineSearchEvaluations
      iterates.append(position)
      if inner == settings.maxIter { break }
      if currentEvaluations >= settings.maxEval { break }
      if optimal { break }
      if Self.maxAbs(Point(x: d.x * t, y: d.y * t)) <= settings.toleranceChange { break }
      if abs(loss - (previousLoss ?? loss)) < settings.toleranceChange { break }
    }
    direction = d
    stepLength = t
    if !iterates.isEmpty { iterates.removeLast() }
    return iterates
  }
}
