/// One dot column of a loss line summed up: where its entries end, and the first lowest
/// and first highest of their values, when all of them are finite.
///
/// The loss chart draws a column of entries as first → lowest → highest →
/// last (`LossPanel.drawLine`); this is the one pass over the column that
/// finds them.
struct ColumnScan {
  /// The index after the column's last entry.
  var end: Int
  /// (index, value) of the first lowest and the first highest value.
  var lowest: (Int, Double)
  var highest: (Int, Double)
  /// 1 when a value of the column is infinite or NaN, else 0 (`nonFinite(_:)`).
  private var nonFinite: UInt64

  /// Whether every value of the column is finite (the extremes are then the run's).
  var isFinite: Bool { nonFinite == 0 }

  /// 1 for an infinity or NaN, 0 for a finite value, without a branch or a floating-point
  /// operation (which would make the pass over a column wait on each value): the exponent
  /// bits are all set exactly in those, and adding one to the exponent then carries into
  /// the sign bit.
  @inline(__always)
  static func nonFinite(_ value: Double) -> UInt64 {
    ((value.bitPattern & 0x7FF0_0000_0000_0000) &+ 0x0010_0000_0000_0000) >> 63
  }

  /// A column that starts with the entry `index` of f `value`.
  @inline(__always)
  init(index: Int, value: Double) {
    end = index + 1
    lowest = (index, value)
    highest = (index, value)
    nonFinite = Self.nonFinite(value)
  }

  /// The column of the entries `range` (not empty) whose values `value(index)` gives.
  @inline(__always)
  init(of range: Range<Int>, value: (Int) -> Double) {
    self.init(index: range.lowerBound, value: value(range.lowerBound))
    var index = range.lowerBound + 1
    while index < range.upperBound {
      add(index: index, value: value(index))
      index += 1
    }
  }

  /// Adds the entry after the column's last.
  @inline(__always)
  mutating func add(index: Int, value: Double) {
    nonFinite |= Self.nonFinite(value)
    if value < lowest.1 { lowest = (index, value) }
    if value > highest.1 { highest = (index, value) }
    end = index + 1
  }
}
