/// Why the terminal could not be taken over, in words a user can act on.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Standard output or input is a pipe or file, not a terminal.
  case notATerminal
  /// ncurses could not start for this TERM (unknown or unusable terminal type).
  case cannotStart(term: String?)
  /// A Terminal is already running in this process; curses has one screen.
  case alreadyRunning

  public var description: String {
    switch self {
    case .notATerminal:
      return "standard output is not a terminal"
    case .cannotStart(let term):
      if let term, !term.isEmpty {
        return
          "cannot start the terminal interface for TERM=\(term) (unknown or unusable terminal type)"
      }
      return "cannot start the terminal interface: TERM is not set"
    case .alreadyRunning:
      return "the terminal interface is already running"
    }
  }
}
