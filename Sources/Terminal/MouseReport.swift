/// A mouse report that reached the input as characters after an ESC, in either xterm encoding.
///
/// ncurses decodes the encoding the terminfo entry names (`kmous`): `\E[<`
/// (SGR, 1006) for xterm-256color, `\E[M` (X10) for tmux-256color and screen.
/// A terminal that sends the other one anyway — a multiplexer between the
/// program and the terminal, a `TERM` that does not match — would otherwise
/// have its report bytes (`[`, `<`, `0`, `;`…) read as commands: they would
/// halve the steps per frame, reset the view, hide optimizers. So the
/// characters that follow an ESC are read here first, and a report in either
/// encoding becomes a click (left button down), a pointer position (motion,
/// reported under any-motion tracking, 1003) or is dropped.
enum MouseReport: Hashable, Sendable {
  /// The left button went down at a cell (0-based column and row).
  case press(column: Int, row: Int)
  /// The pointer moved to a cell (0-based column and row), with no button or one held.
  case motion(column: Int, row: Int)
  /// A report of anything else (a release, another button, the wheel): dropped.
  case other

  /// What the characters after an ESC make so far.
  enum Reading: Hashable, Sendable {
    /// A whole report.
    case report(MouseReport)
    /// The start of a report: more characters are needed.
    case incomplete
    /// Not a mouse report: the ESC and the characters are keys.
    case notAReport
  }

  /// The longest SGR report read (`[<` then three numbers, two `;` and the final letter).
  static let maximumLength = 32

  /// Reads `codes`, the characters (Unicode scalar values) that followed an ESC.
  static func read(_ codes: [UInt32]) -> Reading {
    guard let first = codes.first else { return .incomplete }
    guard first == ascii("[") else { return .notAReport }
    guard codes.count > 1 else { return .incomplete }
    switch codes[1] {
    case ascii("<"): return readSGR(codes.dropFirst(2))
    case ascii("M"): return readX10(codes.dropFirst(2))
    default: return .notAReport
    }
  }

  /// Whether `codes` (after an ESC) begin a report, so that a report cut short is
  /// dropped rather than typed.
  static func isStartOfReport(_ codes: [UInt32]) -> Bool {
    codes.count >= 2 && codes[0] == ascii("[") && (codes[1] == ascii("<") || codes[1] == ascii("M"))
  }

  /// `BUTTON;COLUMN;ROW` then `M` (down) or `m` (up), numbers in decimal, cells 1-based.
  private static func readSGR(_ codes: ArraySlice<UInt32>) -> Reading {
    var fields: [Int] = [0]
    for code in codes {
      switch code {
      case ascii("0")...ascii("9"):
        let digit = Int(code - ascii("0"))
        guard fields[fields.count - 1] < 100_000 else { return .report(.other) }
        fields[fields.count - 1] = fields[fields.count - 1] * 10 + digit
      case ascii(";"):
        guard fields.count < 3 else { return .report(.other) }
        fields.append(0)
      case ascii("M"), ascii("m"):
        guard fields.count == 3, code == ascii("M") else { return .report(.other) }
        return .report(press(button: fields[0], column: fields[1] - 1, row: fields[2] - 1))
      default:
        // Not a character of a report: the rest of a broken report, dropped.
        return .report(.other)
      }
    }
    return codes.count + 2 >= maximumLength ? .report(.other) : .incomplete
  }

  /// Three characters after `[M`: 32 + button, 33 + column, 33 + row.
  private static func readX10(_ codes: ArraySlice<UInt32>) -> Reading {
    guard codes.count >= 3 else { return .incomplete }
    let values = Array(codes.prefix(3))
    guard values.allSatisfy({ $0 >= 32 }) else { return .report(.other) }
    return .report(
      press(
        button: Int(values[0]) - 32, column: Int(values[1]) - 33, row: Int(values[2]) - 33))
  }

  /// A press of the left button (Shift, Meta or Ctrl may be held) at a cell on the screen,
  /// or the pointer's motion there (the button code's 32 bit; 3 in its low bits: no button).
  private static func press(button: Int, column: Int, row: Int) -> MouseReport {
    let modifiers = 4 | 8 | 16
    let motion = 32
    guard column >= 0, row >= 0 else { return .other }
    if button & motion != 0, button & ~(modifiers | motion | 3) == 0 {
      return .motion(column: column, row: row)
    }
    guard button & ~modifiers == 0 else { return .other }
    return .press(column: column, row: row)
  }

  private static func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }
}
