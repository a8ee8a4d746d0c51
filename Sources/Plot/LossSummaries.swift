import OptimKit

/// What the loss chart's range (`LossRange`) takes from each racer's history, kept from
/// frame to frame.
///
/// The range is the lowest and highest f of every history (in view and
/// overall) and the smallest gap above f* or the shift. A history that only
/// grew since the last frame is summed up from its new entries alone, so a frame
/// with eleven full histories reads each of them once, to draw its line, rather
/// than once more for the range. Minima and maxima do not depend on the order
/// they are taken in, so the range comes out exactly as working it out afresh;
/// a history that did anything but grow (thinned, restarted) is summed up afresh.
public struct LossSummaries: Sendable {
  /// The lowest and highest of some values, and whether there were any.
  struct Extremes: Sendable {
    var low = Double.infinity
    var high = -Double.infinity
    var any = false

    mutating func add(_ value: Double) {
      low = min(low, value)
      high = max(high, value)
      any = true
    }

    mutating func add(_ other: Extremes) {
      guard other.any else { return }
      low = min(low, other.low)
      high = max(high, other.high)
      any = true
    }
  }

  /// One racer's history summed up, and enough of it to tell later whether it only grew.
  struct Summary: Sendable {
    /// Entries summed up, and the trail's `appendedCount` then.
    var count = 0
    var appendedCount = 0
    /// The first and the last entry summed up: step, f and position, bit for bit.
    var first: Entry?
    var last: Entry?
    /// Finite values whose point is in view (all of them without a view or positions).
    var inView = Extremes()
    /// Every finite value.
    var all = Extremes()
    /// The smallest positive, finite f − f*, with f* known.
    var smallestKnownGap: Double?
    /// The shift the shifted gaps are measured from (f* unknown), and how many entries
    /// were measured.
    var shift: Double?
    var shiftedCount = 0
    /// The smallest positive, finite f − shift.
    var smallestShiftedGap: Double?

    /// Adds the entries of `racer`'s history after the first `count`.
    mutating func add(_ racer: RacerDrawing, view: ViewBox?, knownMinimum known: Double?) {
      let hasPositions = racer.pathCount == racer.lossCount
      let total = racer.lossCount
      racer.withTrailEntries { entries in
        var index = count
        while index < total {
          let value = entries.value(index)
          defer { index += 1 }
          guard value.isFinite else { continue }
          all.add(value)
          if let known {
            let gap = value - known
            if gap > 0, gap.isFinite, gap < (smallestKnownGap ?? .infinity) {
              smallestKnownGap = gap
            }
          }
          if let view, hasPositions {
            let point = entries.point(index)
            guard point.isFinite, view.contains(point) else { continue }
          }
          inView.add(value)
        }
      }
      if count == 0, total > 0 { first = Self.entry(racer, 0) }
      if total > 0 { last = Self.entry(racer, total - 1) }
      count = total
      appendedCount = racer.trailAppendedCount
    }

    /// Brings the smallest gap above `shift` up to date with `racer`'s whole history:
    /// from the entries after those measured, or all of them for another shift.
    mutating func addShiftedGaps(of racer: RacerDrawing, above shift: Double) {
      if self.shift?.bitPattern != shift.bitPattern {
        self.shift = shift
        shiftedCount = 0
        smallestShiftedGap = nil
      }
      let total = racer.lossCount
      racer.withTrailEntries { entries in
        var index = shiftedCount
        while index < total {
          let value = entries.value(index)
          index += 1
          guard value.isFinite else { continue }
          let gap = value - shift
          if gap > 0, gap.isFinite { smallestShiftedGap = min(smallestShiftedGap ?? gap, gap) }
        }
      }
      shiftedCount = total
    }

    /// Whether `racer`'s history still starts with the entries summed up: it only grew.
    ///
    /// As for the map's trails (`TrailLayer`): the trail's `appendedCount` grew by
    /// as much as the history did, and the first and last entries summed up are
    /// the same ones.
    func isContinued(by racer: RacerDrawing) -> Bool {
      let total = racer.lossCount
      guard racer.sharesWaypoints, total >= count,
        racer.trailAppendedCount - appendedCount == total - count
      else { return false }
      guard count > 0 else { return true }
      return Self.entry(racer, 0) == first && Self.entry(racer, count - 1) == last
    }

    /// One history entry, bit for bit: step, f and position.
    struct Entry: Equatable, Sendable {
      var step: Int
      var value: UInt64
      var x: UInt64
      var y: UInt64
    }

    /// The entry at `index` of `racer`'s history.
    private static func entry(_ racer: RacerDrawing, _ index: Int) -> Entry {
      let loss = racer.loss(index)
      let point = index < racer.pathCount ? racer.pathPoint(index) : Point(x: .nan, y: .nan)
      return Entry(
        step: loss.step, value: loss.value.bitPattern, x: point.x.bitPattern,
        y: point.y.bitPattern)
    }
  }

  /// Everything a range is worked out from, but for the histories' entries themselves:
  /// a range prepared for one frame (`Picture.lossRange`) is used only with the same.
  struct Inputs: Equatable, Sendable {
    /// Each racer's place in the picture, its history's length and its trail's `appendedCount`.
    var histories: [Int]
    var minimumValue: UInt64?
    var view: ViewBox?
    var viewMinimum: UInt64?

    init(
      racers: [(index: Int, racer: RacerDrawing)], minimumValue: Double?, view: ViewBox?,
      viewMinimum: Double?
    ) {
      histories = []
      histories.reserveCapacity(racers.count * 3)
      for (index, racer) in racers {
        histories += [index, racer.lossCount, racer.trailAppendedCount]
      }
      self.minimumValue = minimumValue?.bitPattern
      self.view = view
      self.viewMinimum = viewMinimum?.bitPattern
    }
  }

  /// What every summary depends on besides its history: the view and f*.
  private struct Key: Equatable {
    var view: ViewBox?
    var knownMinimum: UInt64?
  }

  private var key: Key?
  /// The summaries by the racer's place in the picture.
  private var summaries: [Int: Summary] = [:]
  /// How many histories were summed up afresh, rather than continued (for tests).
  public private(set) var freshSummaries = 0

  public init() {}

  /// The range of the histories of `racers` (the chart's, with their places in the
  /// picture), bringing the kept summaries up to date with them.
  mutating func range(
    of racers: [(index: Int, racer: RacerDrawing)], minimumValue: Double?, view: ViewBox?,
    viewMinimum: Double?
  ) -> LossRange {
    let known = minimumValue.flatMap { $0.isFinite ? $0 : nil }
    let wanted = Key(view: view, knownMinimum: known?.bitPattern)
    if key != wanted {
      key = wanted
      summaries = [:]
    }
    var current = racers.map { entry in
      let kept = summaries[entry.index].flatMap { $0.isContinued(by: entry.racer) ? $0 : nil }
      if kept == nil { freshSummaries += 1 }
      var summary = kept ?? Summary()
      summary.add(entry.racer, view: view, knownMinimum: known)
      return summary
    }
    var range = LossRange(
      summaries: &current, racers: racers.map(\.racer), minimumValue: minimumValue,
      viewMinimum: viewMinimum)
    range.inputs = Inputs(
      racers: racers, minimumValue: minimumValue, view: view, viewMinimum: viewMinimum)
    for (position, entry) in racers.enumerated() { summaries[entry.index] = current[position] }
    return range
  }
}
