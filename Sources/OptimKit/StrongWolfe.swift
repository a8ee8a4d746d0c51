/// torch.optim.lbfgs's `_strong_wolfe` line search and its `_cubic_interpolate`, line for line.
///
/// Python's `min`/`max` of two numbers return the first unless the second is strictly
/// smaller/larger; the comparisons below keep that, NaN included, so the bracket logic
/// takes the same branches as torch's.
///
/// Step lengths are Python floats or 0-d tensors depending on where they came from, and
/// that changes one rounding: `float / tensor` is torch's `__rtruediv__`,
/// `reciprocal() * float`, not a division. So each step length travels with a flag,
/// `Length.isTensor`, and `cubicInterpolate` divides as torch would.
enum StrongWolfe {
  /// A step length and whether torch holds it as a tensor (true) or a Python number.
  struct Length {
    var value: Double
    var isTensor: Bool
  }

  /// The line search's result: f and ∇f at the accepted step length, and closure calls made.
  struct Result {
    var value: Double
    var gradient: Point
    var stepLength: Double
    var evaluations: Int
  }

  static func pythonMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }

  /// `_cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds)`: the minimiser of the cubic through
  /// two points with slopes, clamped to the bounds (default: between the points).
  static func cubicInterpolate(
    _ first: Length, _ f1: Double, _ g1: Double, _ second: Length, _ f2: Double, _ g2: Double,
    bounds: (Length, Length)? = nil
  ) -> Length {
    let x1 = first.value
    let x2 = second.value
    let (lower, upper) = bounds ?? (x1 <= x2 ? (first, second) : (second, first))
    // f is always a Python float, so `3 * (f1 - f2)` is one and the quotient is torch's
    // reciprocal-times when x1 − x2 is a tensor.
    let quotient =
      first.isTensor || second.isTensor
      ? (1 / (x1 - x2)) * (3 * (f1 - f2)) : 3 * (f1 - f2) / (x1 - x2)
    let d1 = g1 + g2 - quotient
    let d2Square = d1 * d1 - g1 * g2
    if d2Square >= 0 {
      let d2 = d2Square.squareRoot()
      let minimum =
        x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
      let clampedBelow = lower.value > minimum ? lower : Length(value: minimum, isTensor: true)
      return upper.value < clampedBelow.value ? upper : clampedBelow
    }
    return Length(
      value: (lower.value + upper.value) / 2, isTensor: lower.isTensor || upper.isTensor)
  }

  /// `_strong_wolfe(obj_func, x, t, d, f, g, gtd, c1=1e-4, c2=0.9, tolerance_change, max_ls)`;
  /// `evaluate(t)` is f and ∇f at x + t·d.
  static func search(
    stepLength initial: Length, direction d: Point, value f: Double, gradient g: Point,
    slope gtd: Double, toleranceChange: Double, maxSearches: Int,
    evaluate: (Double) -> (Double, Point)
  ) -> Result {
    let c1 = 1e-4
    let c2 = 0.9
    let dNorm = LBFGS.maxAbs(d)
    var t = initial
    var (fNew, gNew) = evaluate(t.value)
    var evaluations = 1
    var gtdNew = LBFGS.dot(gNew, d)
    var tPrevious = Length(value: 0, isTensor: false)
    var fPrevious = f
    var gPrevious = g
    var gtdPrevious = gtd
    var done = false
    var searches = 0
    var bracket: [Length] = []
    var bracketF: [Double] = []
    var bracketG: [Point] = []
    var bracketGtd: [Double] = []
    while searches < maxSearches {
      if fNew > (f + c1 * t.value * gtd) || (searches > 1 && fNew >= fPrevious) {
        bracket = [tPrevious, t]
        bracketF = [fPrevious, fNew]
        bracketG = [gPrevious, gNew]
        bracketGtd = [gtdPrevious, gtdNew]
        break
      }
      if abs(gtdNew) <= -c2 * gtd {
        bracket = [t]
        bracketF = [fNew]
        bracketG = [gNew]
        done = true
        break
      }
      if gtdNew >= 0 {
        bracket = [tPrevious, t]
        bracketF = [fPrevious, fNew]
        bracketG = [gPrevious, gNew]
        bracketGtd = [gtdPrevious, gtdNew]
        break
      }
      let minStep = Length(
        value: t.value + 0.01 * (t.value - tPrevious.value),
        isTensor: t.isTensor || tPrevious.isTensor)
      let maxStep = Length(value: t.value * 10, isTensor: t.isTensor)
      let previous = t
      t = cubicInterpolate(
        tPrevious, fPrevious, gtdPrevious, t, fNew, gtdNew, bounds: (minStep, maxStep))
      tPrevious = previous
      fPrevious = fNew
      gPrevious = gNew
      gtdPrevious = gtdNew
      (fNew, gNew) = evaluate(t.value)
      evaluations += 1
      gtdNew = LBFGS.dot(gNew, d)
      searches += 1
    }
    if searches == maxSearches {
      bracket = [Length(value: 0, isTensor: false), t]
      bracketF = [f, fNew]
      bracketG = [g, gNew]
    }
    var insufficientProgress = false
    var (low, high) = bracketF[0] <= bracketF[bracketF.count - 1] ? (0, 1) : (1, 0)
    while !done && searches < maxSearches {
      if abs(bracket[1].value - bracket[0].value) * dNorm < toleranceChange { break }
      t = cubicInterpolate(
        bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1])
      let top = bracket[1].value > bracket[0].value ? bracket[1] : bracket[0]
      let bottom = bracket[1].value < bracket[0].value ? bracket[1] : bracket[0]
      let eps = 0.1 * (top.value - bottom.value)
      let epsIsTensor = top.isTensor || bottom.isTensor
      if pythonMin(top.value - t.value, t.value - bottom.value) < eps {
        if insufficientProgress || t.value >= top.value || t.value <= bottom.value {
          t =
            abs(t.value - top.value) < abs(t.value - bottom.value)
            ? Length(value: top.value - eps, isTensor: top.isTensor || epsIsTensor)
            : Length(value: bottom.value + eps, isTensor: bottom.isTensor || epsIsTensor)
          insufficientProgress = false
        } else {
          insufficientProgress = true
        }
      } else {
        insufficientProgress = false
      }
      (fNew, gNew) = evaluate(t.value)
      evaluations += 1
      gtdNew = LBFGS.dot(gNew, d)
      searches += 1
      if fNew > (f + c1 * t.value * gtd) || fNew >= bracketF[low] {
        bracket[high] = t
        bracketF[high] = fNew
        bracketG[high] = gNew
        bracketGtd[high] = gtdNew
        (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
      } else {
        if abs(gtdNew) <= -c2 * gtd {
          done = true
        } else if gtdNew * (bracket[high].value - bracket[low].value) >= 0 {
          bracket[high] = bracket[low]
          bracketF[high] = bracketF[low]
          bracketG[high] = bracketG[low]
          bracketGtd[high] = bracketGtd[low]
        }
        bracket[low] = t
        bracketF[low] = fNew
        bracketG[low] = gNew
        bracketGtd[low] = gtdNew
      }
    }
    return Result(
      value: bracketF[low], gradient: bracketG[low], stepLength: bracket[low].value,
      evaluations: evaluations)
  }
}
