import OptimKit

/// What the loss chart plots and over which range: f − f* where f* is known, else f
/// shifted by the lowest f seen in view; the range is that of the values taken in view.
///
/// An optimizer that leaves the view on an unbounded function (saddle, sine-squared)
/// drives f towards −∞ and, at once, would make every other line a flat stroke at the
/// top of a chart spanning hundreds of decades. So the range is worked out from the
/// values taken where the optimizers were in view (the map's own range of f, which the
/// picture shows); values beyond it are drawn at the chart's edge.
public struct LossRange: Sendable {
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
  /// What a range kept by `LossSummaries` was worked out from; nil for one worked out
  /// on the spot.
  var inputs: LossSummaries.Inputs?

  /// The range of `racers`' histories; a racer whose trail holds one point per history
  /// entry has its entries outside `view` left out of the range (nil view: none left out).
  /// `viewMinimum`, the lowest f sampled on the map, can lower the shift too.
  init(
    racers: [RacerDrawing], minimumValue: Double?, view: ViewBox? = nil,
    viewMinimum: Double? = nil
  ) {
    let known = minimumValue.flatMap { $0.isFinite ? $0 : nil }
    var summaries = racers.map { racer in
      var summary = LossSummaries.Summary()
      summary.add(racer, view: view, knownMinimum: known)
      return summary
    }
    self.init(
      summaries: &summaries, racers: racers, minimumValue: minimumValue,
      viewMinimum: viewMinimum)
  }

  /// The range from each racer's summary (`summaries[i]` of `racers[i]`, brought up to
  /// date with its whole history); where f* is unknown, the summaries are also brought up
  /// to date with the smallest gap above the shift, which only then is known.
  init(
    summaries: inout [LossSummaries.Summary], racers: [RacerDrawing], minimumValue: Double?,
    viewMinimum: Double?
  ) {
    var inView = LossSummaries.Extremes()
    var all = LossSummaries.Extremes()
    // With f* known, the smallest gap is found in the same pass (one pass a frame).
    let known = minimumValue.flatMap { $0.isFinite ? $0 : nil }
    var smallest: Double?
    for summary in summaries {
      inView.add(summary.inView)
      all.add(summary.all)
      if known != nil, let gap = summary.smallestKnownGap, gap < (smallest ?? .infinity) {
        smallest = gap
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
      for index in summaries.indices {
        summaries[index].addShiftedGaps(of: racers[index], above: shift)
        if let gap = summaries[index].smallestShiftedGap { smallest = min(smallest ?? gap, gap) }
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
