import LibC

/// Numbers written by C's printf, always with "." for the decimal point.
///
/// optiscope formats numbers for every frame and for every log line; C's
/// formatter is exact (it rounds the binary value itself) and fast, and
/// needs no Foundation. The terminal sets the locale from the environment,
/// so a locale's own decimal point (a comma) is put back to ".".
package enum CNumberText {
  /// `value` through the printf `pattern` for one double, such as "%.3g" or "%.2e".
  package static func format(_ pattern: String, _ value: Double) -> String {
    let capacity = 512
    let text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) {
      buffer -> String in
      guard let start = buffer.baseAddress else { return "" }
      let written = withVaList([value]) { vsnprintf(start, capacity, pattern, $0) }
      guard written > 0, written < capacity else { return "" }
      return String(cString: start)
    }
    guard let point = decimalPoint, point != "." else { return text }
    return String(text.map { String($0) == point ? "." : $0 })
  }

  /// The C library's decimal point now, when it is one character; nil when unknown.
  private static var decimalPoint: String? {
    guard let conventions = localeconv(), let point = conventions.pointee.decimal_point else {
      return nil
    }
    let text = String(cString: point)
    return text.count == 1 ? text : nil
  }
}
