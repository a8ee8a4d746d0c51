import Foundation

/// Short, fixed-style renderings of numbers for panels with little room.
public enum NumberFormat {
  /// Scientific notation with two decimals ("1.23e-03"), or "nan"/"inf".
  public static func scientific(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    return String(format: "%.2e", value)
  }

  /// The shortest of "%g" with `digits` significant digits ("0.05", "1e-05", "2").
  public static func compact(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return nonFinite(value) }
    return String(format: "%.\(max(1, digits))g", value)
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
  }
}
