/// The path an optimizer has taken: its finite waypoints, oldest first, in bounded memory.
///
/// A race may run for millions of steps, yet the screen only ever needs a few
/// thousand points to draw a path, so a trail keeps a fixed budget:
///
/// - the start, always;
/// - the newest `recentCount` waypoints (and up to `recentCount - 1` more),
///   exactly, because recent motion is what the eye follows;
/// - older history thinned to at most `historyCapacity` waypoints by removing,
///   one at a time, the point whose removal moves the line least (the point
///   nearest the segment joining its neighbours). Straight runs go first;
///   corners and the extremes of a zigzag (the turning points) go last.
///
/// Guarantees, whatever is appended:
/// - `count <= capacity` (= `historyCapacity + 2 * recentCount`), so memory is flat;
/// - steps are strictly increasing, and every kept waypoint is exactly one that
///   was appended, with its step and its f, so a loss panel (f against step)
///   reads the same thinned history;
/// - every waypoint ever appended lies within `deviationBound` of the segment
///   between the two kept waypoints around its step (an upper bound tracked
///   through every removal, not an estimate);
/// - `append` costs amortised O(1) for a fixed budget: a thinning pass costs
///   O(h log h) for h = `historyCapacity`, keeps up to 3h/4 points (so the
///   drawing stays detailed right after it) and runs at most once every
///   `recentCount` appends.
public struct Trail: RandomAccessCollection, Hashable, Sendable {
  /// The default number of newest waypoints kept exactly.
  public static let defaultRecentCount = 512
  /// The default budget of thinned older waypoints (the start included).
  public static let defaultHistoryCapacity = 2048

  /// Newest waypoints always kept exactly (at least this many, when appended).
  public let recentCount: Int
  /// The most older, thinned waypoints kept, the start included.
  public let historyCapacity: Int

  /// The start followed by thinned older waypoints.
  private var history: [Waypoint] = []
  /// `historyDeviations[i]`: how far any removed waypoint may lie from the
  /// segment from `history[i]` to the next kept waypoint.
  private var historyDeviations: [Double] = []
  /// The newest waypoints, exact: between `recentCount` and `2 * recentCount - 1`
  /// of them once the trail is long.
  private var recent: [Waypoint] = []

  /// How many waypoints were ever appended (the start included), kept or not.
  public private(set) var appendedCount = 0
  /// Every appended waypoint lies within this distance of the drawn path; 0 until thinning starts.
  public private(set) var deviationBound = 0.0

  /// An empty trail with the default budget.
  public init() {
    self.init(recentCount: Self.defaultRecentCount, historyCapacity: Self.defaultHistoryCapacity)
  }

  /// An empty trail that keeps `recentCount` newest waypoints exactly and at most
  /// `historyCapacity` older ones; the capacity grows to at least `2 * recentCount`.
  public init(recentCount: Int, historyCapacity: Int) {
    self.recentCount = Swift.max(1, recentCount)
    self.historyCapacity = Swift.max(4, 2 * self.recentCount, historyCapacity)
  }

  /// A trail with the default budget that starts at `start`.
  public init(start: Waypoint) {
    self.init()
    append(start)
  }

  /// The most waypoints the trail ever holds.
  public var capacity: Int { historyCapacity + 2 * recentCount }

  public var startIndex: Int { 0 }
  public var endIndex: Int { history.count + recent.count }

  public subscript(index: Int) -> Waypoint {
    index < history.count ? history[index] : recent[index - history.count]
  }

  /// The positions alone, oldest first, for drawing lines.
  ///
  /// Read every frame, so it walks the two stored arrays directly rather than
  /// through the collection's index (which picks an array per element).
  public var positions: [Point] { gathered(\.position) }

  /// The waypoints as the two arrays the trail keeps them in, oldest first: the start and
  /// thinned history, then the newest.
  ///
  /// Shared, not copied: a picture reads a long trail every frame, and taking
  /// these costs two references where `positions` and `values` copy every point
  /// (the picture must be let go before the trail grows again, or the next
  /// `append` copies the array it shares).
  public var storedParts: (older: [Waypoint], newer: [Waypoint]) { (history, recent) }

  /// f at each waypoint, oldest first, for a loss chart (read every frame, like `positions`).
  public var values: [Double] { gathered(\.value) }

  /// One part of every waypoint, oldest first, from the two stored arrays in turn.
  @inline(__always)
  private func gathered<Part>(_ part: (Waypoint) -> Part) -> [Part] {
    var result: [Part] = []
    result.reserveCapacity(count)
    for waypoint in history { result.append(part(waypoint)) }
    for waypoint in recent { result.append(part(waypoint)) }
    return result
  }

  /// Adds the newest waypoint, which should come after the last one (a larger step).
  public mutating func append(_ waypoint: Waypoint) {
    appendedCount += 1
    if history.isEmpty {
      history.reserveCapacity(historyCapacity)
      historyDeviations.reserveCapacity(historyCapacity)
      history.append(waypoint)
      historyDeviations.append(0)
      return
    }
    if recent.isEmpty { recent.reserveCapacity(2 * recentCount) }
    recent.append(waypoint)
    if recent.count >= 2 * recentCount {
      retireOldestRecent()
    }
  }

  /// Forgets everything, e.g. on restart.
  public mutating func removeAll() {
    history.removeAll(keepingCapacity: true)
    historyDeviations.removeAll(keepingCapacity: true)
    recent.removeAll(keepingCapacity: true)
    appendedCount = 0
    deviationBound = 0
  }

  /// Moves the oldest `recentCount` exact waypoints into the history, thinning it first
  /// when they would not fit.
  private mutating func retireOldestRecent() {
    if history.count + recentCount > historyCapacity {
      let thinned = TrailThinning.thin(
        history, deviations: historyDeviations, following: recent[0],
        keeping: Swift.min(historyCapacity * 3 / 4, historyCapacity - recentCount))
      history.removeAll(keepingCapacity: true)
      history.append(contentsOf: thinned.waypoints)
      historyDeviations.removeAll(keepingCapacity: true)
      historyDeviations.append(contentsOf: thinned.deviations)
      deviationBound = Swift.max(deviationBound, thinned.deviations.max() ?? 0)
    }
    history.append(contentsOf: recent[0..<recentCount])
    historyDeviations.append(contentsOf: repeatElement(0, count: recentCount))
    recent.removeFirst(recentCount)
  }
}
