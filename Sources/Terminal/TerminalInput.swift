/// One reading of the terminal's input, as a backend reports it, before `Terminal` decodes it.
///
/// ncurses' `get_wch` gives a character, a function-key code or an error; the
/// backend names the function keys (so that their codes stay in the ncurses
/// backend) and leaves the rest — control characters, ESC sequences, mouse
/// reports in the other encoding, closed input — to `Terminal`, where an
/// in-memory backend lets tests drive it.
enum TerminalInput: Hashable, Sendable {
  /// A character (a Unicode scalar value), control characters and ESC included.
  case character(UInt32)
  /// A key the terminal library decoded (arrows, Home, Back-Tab…).
  case key(TerminalEvent.Key)
  /// The screen changed size (the backend already knows the new size).
  case resize
  /// The left mouse button went down at a cell, as the terminal library decoded it.
  case mousePress(column: Int, row: Int)
  /// The pointer moved to a cell (any-motion tracking), as decoded by the library.
  case mouseMotion(column: Int, row: Int)
  /// A function key or mouse event the program has no use for.
  case ignored
  /// Nothing: the timeout ran out, a signal interrupted the wait, or the input is closed.
  case nothing
}
