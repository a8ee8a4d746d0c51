/// A key the user pressed, as the program's state machine sees it.
///
/// Mirrors the terminal's keys without depending on the terminal module, so
/// `update` can be driven from tests (and from a recorded log) without ncurses.
public enum Key: Hashable, Sendable {
  /// A printable character: letters, digits, `+`, `?`, space, …
  case character(Character)
  case up, down, left, right
  case home, end
  case tab, backTab
  case escape, enter, backspace, delete
  /// Ctrl and a letter, named by the lower-case letter (`control("w")` is Ctrl-W), for
  /// editing the input line; Ctrl-C, Tab, Enter and Backspace have keys of their own.
  case control(Character)
  /// Ctrl-C.
  case interrupt
}
