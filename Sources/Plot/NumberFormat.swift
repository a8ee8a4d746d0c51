import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Short, fixed-style renderings of numbers for panels with little room.
public enum NumberFormat {
  /// Scientific notation with two decimals ("1.23e-03"), or "nan"/"inf".
  public static func scientific(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    return printf("%.2e", value)
  }

  /// The shortest of "%g" with `digits` significant digits ("0.05", "1e-05", "2").
  public static func compact(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return nonFinite(value) }
    return printf("%.\(min(max(1, digits), 17))g", value)
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
  }

  /// One number through C's printf, which every frame calls dozens of times.
  ///
  /// Foundation's `String(format:)` costs several microseconds a call, a tenth
  /// of a frame's budget across the legend; C's formatter gives the same text
  /// in a fraction of that. Under a locale whose decimal point is not "."
  /// (the terminal sets the locale from the environment) it falls back to
  /// `String(format:)`, which always writes ".".
  private static func printf(_ pattern: String, _ value: Double) -> String {
    let capacity = 64
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
      guard let start = buffer.baseAddress, usesDotForDecimals() else {
        return String(format: pattern, value)
      }
      let written = withVaList([value]) { vsnprintf(start, capacity, pattern, $0) }
      guard written > 0, written < capacity else { return String(format: pattern, value) }
      return String(cString: start)
    }
  }

  /// Whether the C library currently writes "." as the decimal point.
  private static func usesDotForDecimals() -> Bool {
    guard let conventions = localeconv(), let point = conventions.pointee.decimal_point else {
      return false
    }
    return point[0] == 0x2E && point[1] == 0
  }
}
