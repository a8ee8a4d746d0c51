/// Which optimizers the hyper-parameter keys act on: all of them, or one.
public enum Selection: Hashable, Sendable {
  case all
  /// The racer at this 0-based index.
  case racer(Int)

  /// The next selection for Tab: all → first → … → last → all.
  func next(racerCount: Int) -> Selection {
    switch self {
    case .all: return racerCount > 0 ? .racer(0) : .all
    case .racer(let index): return index + 1 < racerCount ? .racer(index + 1) : .all
    }
  }

  /// The previous selection for Shift-Tab: all → last → … → first → all.
  func previous(racerCount: Int) -> Selection {
    switch self {
    case .all: return racerCount > 0 ? .racer(racerCount - 1) : .all
    case .racer(let index): return index > 0 ? .racer(index - 1) : .all
    }
  }

  /// The racer indices the selection covers in a race of `racerCount`.
  func indices(racerCount: Int) -> [Int] {
    switch self {
    case .all: return Array(0..<racerCount)
    case .racer(let index): return index < racerCount ? [index] : []
    }
  }
}
