import OptimKit
import RealModule
import Synchronization

/// Short, fixed-style renderings of numbers for panels with little room.
public enum NumberFormat {
  /// Scientific notation with two decimals ("1.23e-03"), or "undefined"/"overflows".
  public static func scientific(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    return roundedScientific(value) ?? printf("%.2e", value)
  }

  /// "%.2e" worked out in arithmetic, or nil where printf must decide.
  ///
  /// The legend shows two of these per optimizer in every frame, and printf
  /// costs more than the rest of the legend. The value is scaled to three
  /// digits before the point (an error of a few units in the last place);
  /// when that leaves it within a millionth of halfway between two
  /// three-digit numbers, only the exact value (printf) can say which way it
  /// rounds.
  static func roundedScientific(_ value: Double) -> String? {
    if value == 0 { return value.sign == .minus ? "-0.00e+00" : "0.00e+00" }
    let magnitude = abs(value)
    guard magnitude >= 1e-290, magnitude <= 1e290 else { return nil }
    var exponent = Int(Double.log10(magnitude).rounded(.down))
    var scaled = magnitude / Double.power(10, Double(exponent - 2))
    if scaled < 100 {
      exponent -= 1
      scaled = magnitude / Double.power(10, Double(exponent - 2))
    } else if scaled >= 1000 {
      exponent += 1
      scaled = magnitude / Double.power(10, Double(exponent - 2))
    }
    guard scaled >= 99, scaled < 1001, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else {
      return nil
    }
    var digits = Int(scaled.rounded())
    if digits >= 1000 {
      digits /= 10
      exponent += 1
    } else if digits < 100 {
      return nil
    }
    let power = abs(exponent)
    return (value < 0 ? "-" : "") + String(digits / 100) + "." + String(digits / 10 % 10)
      + String(digits % 10) + (exponent < 0 ? "e-" : "e+") + (power < 10 ? "0" : "")
      + String(power)
  }

  /// The shortest of "%g" with `digits` significant digits ("0.05", "1e-05", "2").
  ///
  /// Remembered: the legend shows the same few hyper-parameters in every
  /// frame, and formatting a number costs more than looking it up.
  public static func compact(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let digits = min(max(1, digits), 17)
    let key = CompactKey(bits: value.bitPattern, digits: digits)
    if let known = compactTexts.withLock({ $0[key] }) { return known }
    let text = printf("%.\(digits)g", value)
    compactTexts.withLock { texts in
      if texts.count >= maximumRemembered { texts.removeAll(keepingCapacity: true) }
      texts[key] = text
    }
    return text
  }

  /// A number and a precision `compact` has formatted.
  private struct CompactKey: Hashable {
    var bits: UInt64
    var digits: Int
  }

  /// The texts `compact` has made, forgotten all at once when there are too many.
  private static let compactTexts = Mutex<[CompactKey: String]>([:])

  /// How many texts `compact` remembers before starting afresh.
  private static let maximumRemembered = 4096

  /// A number that is not one, in words: NaN is "undefined" (0/0, √−1), ±∞ "overflows".
  ///
  /// The screen never shows "nan" or "inf": a user reads "f undefined" or
  /// "∇f overflows" where a programmer's spelling would mean nothing to them.
  public static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "undefined" : "overflows"
  }

  /// One number through C's printf (see `CNumberText`).
  private static func printf(_ pattern: String, _ value: Double) -> String {
    CNumberText.format(pattern, value)
  }
}
