import Plot

/// Line handling shared by scene files and recordings: splitting, and keeping text on one line.
///
/// A log must stay readable by `less`, `grep` and `diff` and must never be
/// misread by its own parser, so nothing written to it may contain a line
/// break or an escape code: control characters are written as `DisplayText`
/// shows them (`\e`, `\x07`), the same text the screen showed, so a label
/// read back from a log's header draws the frames the log holds.
enum LogText {
  /// The complete lines of `text` (split at "\n" only, a "\r" before it dropped), and
  /// whatever follows the last "\n" (empty when the text ends with one).
  static func split(_ text: String) -> (lines: [String], rest: String) {
    var parts = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
    let rest = parts.removeLast()
    let lines = parts.map { part -> String in
      let trimmed = part.last == 0x0D ? part.dropLast() : part
      return String(decoding: trimmed, as: UTF8.self)
    }
    return (lines, String(decoding: rest, as: UTF8.self))
  }

  /// Every line of `text`, the last one counted even without a final "\n".
  static func lines(of text: String) -> [String] {
    let (lines, rest) = split(text)
    return rest.isEmpty ? lines : lines + [rest]
  }

  /// Whether a log line is an event (input, change or frame) rather than a header line.
  static func isEventLine(_ line: String) -> Bool {
    line.hasPrefix(">") || line.hasPrefix("@") || line.hasPrefix("---")
  }

  /// `text` with every control character (C0, DEL, C1, line and paragraph separators,
  /// bidirectional overrides) escaped as `DisplayText` shows it.
  static func oneLine(_ text: String) -> String {
    DisplayText.escaped(text)
  }

  /// Whether a scalar would break a line, start an escape sequence or reorder the line.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    DisplayText.needsEscaping(scalar)
  }
}
