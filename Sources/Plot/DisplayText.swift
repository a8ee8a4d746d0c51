/// Text from outside the program (a file, an argument, a key), made safe to show anywhere.
///
/// A scene's label, a theme's description, a file name or an expression can
/// hold bytes that a terminal obeys rather than shows: ESC starts an escape
/// sequence (set the title, move the cursor, rewrite the clipboard), BEL
/// rings, BS and CR overwrite what was written, C1 controls such as U+009B
/// (CSI) act like ESC sequences on many terminals, and Unicode's bidirectional
/// overrides (U+202E and friends) reorder the rest of the line so that it
/// reads as something else. Every place that shows outside text — the screen,
/// `render` output, casts, standard output and standard error — shows it
/// through this type, which writes those characters as visible escapes
/// (`\e`, `\x07`, `\u{9B}`, `\u{202E}`) and can cut an overlong text in its
/// middle so a 1 MB line does not become a 1 MB message.
///
/// Escaping is for display only and is not reversible (a backslash is left
/// as it is, so already-shown text shows the same again). Invisible
/// characters that only join or separate (ZWJ and ZWNJ, which emoji and many
/// scripts need, variation selectors, zero-width space, a byte-order mark) are
/// left alone: they cannot move the cursor or reorder the text.
public struct DisplayText: Hashable, Sendable, CustomStringConvertible {
  /// The text as shown: controls escaped, cut to the limit.
  public let description: String

  /// `text` made safe to show; longer than `limit` characters, it keeps its first two
  /// thirds and last third of `limit` with `… (N characters left out) …` between.
  public init(_ text: some StringProtocol, limit: Int = .max) {
    let limit = max(limit, 3)
    // Fewer bytes than the limit means fewer characters too: no need to count them.
    let count = text.utf8.count > limit ? text.count : 0
    guard count > limit else {
      description = Self.escaped(text)
      return
    }
    let headCount = limit * 2 / 3
    let tailCount = limit - headCount
    let omitted = count - headCount - tailCount
    description =
      Self.escaped(text.prefix(headCount))
      + "… (\(omitted) character\(omitted == 1 ? "" : "s") left out) …"
      + Self.escaped(text.suffix(tailCount))
  }

  /// `text` with every character that `needsEscaping` written as its escape.
  public static func escaped(_ text: some StringProtocol) -> String {
    guard text.unicodeScalars.contains(where: needsEscaping) else { return String(text) }
    var shown = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let escape = escape(for: scalar) {
        shown.append(contentsOf: escape.unicodeScalars)
      } else {
        shown.append(scalar)
      }
    }
    return String(shown)
  }

  /// Whether `scalar` must not reach an output as it is: a C0 control (tab and
  /// line feed included), DEL, a C1 control, a line or paragraph separator, or a
  /// bidirectional mark, embedding, override or isolate.
  @inline(__always)
  public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x7F { return value < 0x20 }
    if value <= 0x9F { return true }
    guard value >= 0x061C, value <= 0x2069 else { return false }
    return value == 0x061C || value == 0x200E || value == 0x200F
      || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
  }

  /// How `scalar` is shown when it needs escaping (`\e`, `\t`, `\n`, `\r`, `\x07`,
  /// `\x7F`, `\u{9B}`, `\u{202E}`); nil for one shown as it is.
  public static func escape(for scalar: Unicode.Scalar) -> String? {
    guard needsEscaping(scalar) else { return nil }
    let value = scalar.value
    switch value {
    case 0x1B: return "\\e"
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case ..<0x80:
      let hex = String(value, radix: 16, uppercase: true)
      return "\\x" + (hex.count < 2 ? "0" : "") + hex
    default:
      return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }
  }
}
