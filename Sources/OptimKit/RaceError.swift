/// Why a request to a race was refused.
public enum RaceError: Error, Hashable, Sendable, CustomStringConvertible {
  /// There is no racer at this (0-based) index.
  case noSuchRacer(index: Int, count: Int)

  public var description: String {
    switch self {
    case .noSuchRacer(let index, let count):
      "no optimizer number \(index + 1); the race has \(count)"
    }
  }
}
