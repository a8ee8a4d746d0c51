/// Ranks the racers of a race: first by evaluations of f and ∇f to reach a tolerance, then by
/// final f, diverged last.
///
/// Evaluations, not steps: one LBFGS step evaluates f many times, a gradient method's once,
/// so counting steps would flatter quasi-Newton methods (for every first-order optimizer the
/// two counts are the same).
///
/// What "reached" means depends on what is known about f (`Criterion`):
/// f − f* ≤ tolerance when the global minimum value f* is known, else the
/// distance to the nearest known minimum ≤ tolerance, else nothing is
/// reached and only final f counts. A racer reaches at the first step its
/// position satisfies the test, even if it later moves away. Comparisons
/// are fair only with equal step budgets, which a race gives: every racer
/// steps together.
///
/// The board is fed by `observe(_:)` after every step (and once at the
/// start), so the live program can keep one next to its race at the cost of
/// one check per racer per step; `reset()` on restart.
public struct Leaderboard: Hashable, Sendable {
  /// How a racer counts as having arrived.
  public enum Criterion: Hashable, Sendable, CustomStringConvertible {
    /// f − f* ≤ tolerance.
    case value(minimum: Double)
    /// Distance to the nearest of these minima ≤ tolerance.
    case distance(minima: [Point])
    /// Nothing known: no racer reaches, ranking is by final f.
    case finalValueOnly

    /// What is known for a catalog function: f* if it has one, else its minima.
    public init(for function: TestFunction) {
      self.init(minimumValue: function.minimumValue, minima: function.minima)
    }

    /// By f − f* when f* is known, else by the distance to the nearest known minimum,
    /// else by final f alone: the one rule `compare` and the live leaderboard follow.
    public init(minimumValue: Double?, minima: [Point]) {
      if let minimumValue {
        self = .value(minimum: minimumValue)
      } else if !minima.isEmpty {
        self = .distance(minima: minima)
      } else {
        self = .finalValueOnly
      }
    }

    public var description: String {
      switch self {
      case .value(let minimum): "f - f* <= tolerance (f* = \(minimum))"
      case .distance: "distance to the nearest known minimum <= tolerance"
      case .finalValueOnly: "no known minimum: ranked by final f"
      }
    }
  }

  public let criterion: Criterion
  public let tolerance: Double
  /// Known minima, for reporting distances whatever the criterion.
  public let minima: [Point]
  /// The first step at which each racer (by index) met the criterion.
  public private(set) var reachedSteps: [Int: Int] = [:]
  /// The evaluations each racer (by index) had made when it met the criterion.
  public private(set) var reachedEvaluations: [Int: Int] = [:]

  /// A board; `minima` defaults to the criterion's own (if it is `.distance`).
  public init(criterion: Criterion, tolerance: Double, minima: [Point]? = nil) {
    self.criterion = criterion
    self.tolerance = tolerance
    if let minima {
      self.minima = minima
    } else if case .distance(let known) = criterion {
      self.minima = known
    } else {
      self.minima = []
    }
  }

  /// A board for a catalog function: its criterion and its minima.
  public init(function: TestFunction, tolerance: Double) {
    self.init(criterion: Criterion(for: function), tolerance: tolerance, minima: function.minima)
  }

  /// Whether a finite sample meets the criterion.
  public func meets(_ sample: Sample) -> Bool {
    guard sample.isFinite else { return false }
    switch criterion {
    case .value(let minimum): return sample.value - minimum <= tolerance
    case .distance(let known):
      return known.contains { ($0 - sample.position).length <= tolerance }
    case .finalValueOnly: return false
    }
  }

  /// Distance from `point` to the nearest known minimum, or nil when none is known.
  public func distance(from point: Point) -> Double? {
    minima.map { ($0 - point).length }.min()
  }

  /// Notes every racer that meets the criterion now and had not before.
  public mutating func observe(_ race: Race) {
    for (index, racer) in race.racers.enumerated() where reachedSteps[index] == nil {
      if racer.status != .diverged, meets(racer.current) {
        reachedSteps[index] = racer.current.step
        reachedEvaluations[index] = racer.evaluationCount
      }
    }
  }

  /// Forgets what was observed, e.g. when the race restarts.
  public mutating func reset() {
    reachedSteps = [:]
    reachedEvaluations = [:]
  }

  /// The racers of `race`, best first.
  public func ranking(of race: Race) -> [LeaderboardEntry] {
    let entries = race.racers.enumerated().map { index, racer in
      LeaderboardEntry(
        rank: 0, index: index, label: racer.label, spec: racer.spec,
        reachedStep: reachedSteps[index], reachedEvaluations: reachedEvaluations[index],
        finalValue: racer.value, position: racer.position, stepsTaken: racer.stepCount,
        evaluations: racer.evaluationCount, isDiverged: racer.status == .diverged)
    }
    let sorted = entries.sorted { a, b in
      let ga = a.group
      let gb = b.group
      if ga != gb { return ga < gb }
      switch ga {
      case 0:
        let (ea, eb) = (a.reachedEvaluations ?? 0, b.reachedEvaluations ?? 0)
        if ea != eb { return ea < eb }
        if a.reachedStep != b.reachedStep { return (a.reachedStep ?? 0) < (b.reachedStep ?? 0) }
        return Self.lessValue(a.finalValue, b.finalValue, a.index, b.index)
      case 1:
        return Self.lessValue(a.finalValue, b.finalValue, a.index, b.index)
      default:
        if a.stepsTaken != b.stepsTaken { return a.stepsTaken > b.stepsTaken }
        return a.index < b.index
      }
    }
    return sorted.enumerated().map { offset, entry in
      var ranked = entry
      ranked.rank = offset + 1
      return ranked
    }
  }

  /// Smaller f first, NaN last, then the race's order.
  private static func lessValue(_ a: Double, _ b: Double, _ i: Int, _ j: Int) -> Bool {
    if a.isNaN != b.isNaN { return b.isNaN }
    if a != b && !a.isNaN { return a < b }
    return i < j
  }
}
