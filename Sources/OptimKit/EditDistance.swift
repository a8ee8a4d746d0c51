/// Levenshtein distance between short strings, for "did you mean" suggestions.
///
/// Unknown optimizer names, expression names and theme keys all suggest the
/// nearest known one; one definition keeps their suggestions consistent.
package enum EditDistance {
  /// The fewest single-character insertions, deletions or substitutions turning `a` into `b`.
  package static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }
}
