/// One thing that happened at the terminal: a key, a click, a resize, a signal or nothing.
///
/// The run loop turns these into the App's messages; keeping them in terms of
/// what the user did (not ncurses codes) keeps ncurses inside this module.
public enum TerminalEvent: Hashable, Sendable {
  /// A printable character, as typed (`"q"`, `"+"`, `"Z"`, `"é"`).
  case character(Character)
  /// A named key that is not a printable character.
  case key(Key)
  /// Ctrl-C, delivered as a key because the terminal is in raw mode.
  case interrupt
  /// The left mouse button went down at a screen cell (0-based column and row).
  case mouseClick(column: Int, row: Int)
  /// The pointer moved to a screen cell (0-based column and row), where the terminal
  /// reports motion (any-motion tracking).
  case mouseMove(column: Int, row: Int)
  /// The terminal changed size; the new size in cells.
  case resize(width: Int, height: Int)
  /// No input arrived before the timeout: time for the next animation tick.
  case timeout
  /// SIGINT, SIGTERM or SIGHUP arrived as a signal: leave now, cleanly.
  case signal(Int32)
  /// Standard input is gone (closed or unreadable): nothing more will come.
  case endOfInput

  /// Keys without a printable character of their own.
  public enum Key: Hashable, Sendable {
    case up, down, left, right
    case tab, backTab
    case escape, enter, backspace, delete
    case home, end, pageUp, pageDown
    /// Ctrl and a letter without a key of its own, named by the lower-case letter
    /// (`control("w")` for Ctrl-W); Ctrl-C, Tab, Enter and Backspace arrive as those.
    case control(Character)
  }
}
