import OptimKit

/// What the loss chart plots and over which range: f − f* where f* is known, else f
/// shifted by the lowest f seen in view; the range is that of the values taken in view.
///
/// An optimizer that leaves the view on an unbounded function (saddle, sine-squared)
/// drives f towards −∞ and, at once, would make every other line a flat stroke at the
/// top of a chart spanning hundreds of decades. So the range is worked out from the
/// values taken where the optimizers were in view (the map's own range of f, which the
/// picture shows); values beyond it are drawn at the chart's edge.
struct LossRange {
  /// What is subtracted from f: f* when known, else the lowest f in view (0 when no
  /// value in view is finite).
  let reference: Double
  /// Whether `reference` is the function's known minimum f*.
  let knowsMinimum: Bool
  /// The lowest and highest value of f in the range (in view; all of them when none is).
  let lowest: Double
  let highest: Double
  /// The lowest and highest finite value of f anywhere, in view or not.
  let overallLowest: Double
  let overallHighest: Double
  /// Whether any value is finite.
  let hasFinite: Bool
  /// The smallest positive f − reference, for the log scale's floor.
  let smallestGap: Double?

  /// The range of `racers`' histories; a racer whose trail holds one point per history
  /// entry has its entries outside `view` left out of the range (nil view: none left out).
  /// `viewMinimum`, the lowest f sampled on the map, can lower the shift too.
  init(
    racers: [RacerDrawing], minimumValue: Double?, view: ViewBox? = nil,
    viewMinimum: Double? = nil
  ) {
    var inView = (low: Double.infinity, high: -Double.infinity, any: false)
    var all = (low: Double.infinity, high: -Double.infinity, any: false)
    // With f* known, the smallest gap is found in the same pass (one pass a frame).
    let known = minimumValue.flatMap { $0.isFinite ? $0 : nil }
    var smallest: Double?
    for racer in racers {
      // Read in place (`forEachLoss`, `pathPoint`): the histories may be a race's own.
      let hasPositions = racer.pathCount == racer.lossCount
      racer.forEachLoss { index, _, value in
        guard value.isFinite else { return }
        all = (min(all.low, value), max(all.high, value), true)
        if let known {
          let gap = value - known
          if gap > 0, gap.isFinite, gap < (smallest ?? .infinity) { smallest = gap }
        }
        if let view, hasPositions {
          let point = racer.pathPoint(index)
          guard point.isFinite, view.contains(point) else { return }
        }
        inView = (min(inView.low, value), max(inView.high, value), true)
      }
    }
    let range = inView.any ? inView : all
    hasFinite = range.any
    knowsMinimum = minimumValue?.isFinite ?? false
    if let minimumValue, minimumValue.isFinite {
      reference = minimumValue
    } else {
      var lowest = hasFinite ? range.low : 0
      if let viewMinimum, viewMinimum.isFinite, hasFinite { lowest = min(lowest, viewMinimum) }
      reference = lowest
    }
    lowest = hasFinite ? range.low : reference
    highest = hasFinite ? range.high : reference
    overallLowest = all.any ? all.low : lowest
    overallHighest = all.any ? all.high : highest
    if known == nil {
      let shift = reference
      for racer in racers {
        racer.forEachLoss { _, _, value in
          guard value.isFinite else { return }
          let gap = value - shift
          if gap > 0, gap.isFinite { smallest = min(smallest ?? gap, gap) }
        }
      }
    }
    smallestGap = smallest
  }

  /// The chart's title for `scale`: "f − f*" where f* is known, else "f" on a linear
  /// scale, and on a log scale f with its shift written out ("f + 964", "f − 0.5"; "f"
  /// when the shift is 0).
  func title(scale: LossScale, usesASCII: Bool) -> String {
    let minus = usesASCII ? "-" : "−"
    if knowsMinimum { return "f \(minus) f*" }
    guard scale == .log, reference != 0 else { return "f" }
    let amount = NumberFormat.compact(abs(reference), digits: 3)
    return reference < 0 ? "f + \(amount)" : "f \(minus) \(amount)"
  }

  /// Whether the log scale is of f shifted by something other than f*.
  var isShifted: Bool { !knowsMinimum && reference != 0 }
}
