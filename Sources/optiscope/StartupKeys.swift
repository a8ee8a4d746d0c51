import LibC
import Plugins

/// `q` while plug-ins start: the terminal reads keys one at a time, so `q` quits at once.
///
/// Plug-ins start before curses takes the terminal (a refusal must be one
/// line on a normal terminal), and starting Python and importing torch takes
/// seconds — or for ever, for a plug-in whose import hangs. Meanwhile the
/// terminal is put in non-canonical mode without echo, and the start-up's
/// waits ask `PluginOptimizer.startCancelled` whether `q` has been pressed.
/// The settings are put back after the start, and by the handlers of SIGINT,
/// SIGTERM and SIGHUP if one ends the program meanwhile.
enum StartupKeys {
  /// The terminal's settings before, while they are changed.
  nonisolated(unsafe) private static var saved = termios()
  nonisolated(unsafe) private static var isChanged: sig_atomic_t = 0

  /// Runs `body` with `q` (or Q, Escape) cancelling the plug-ins' start-up, when stdin is a
  /// terminal; otherwise runs it as it is.
  static func watching<T>(_ body: () throws -> T) throws -> T {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else {
      return try body()
    }
    var keys = saved
    keys.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &keys.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(STDIN_FILENO, TCSANOW, &keys) == 0 else { return try body() }
    isChanged = 1
    let handler: @convention(c) (Int32) -> Void = { number in
      StartupKeys.restore()
      signal(number, SIG_DFL)
      raise(number)
    }
    let previous = [SIGINT, SIGTERM, SIGHUP].map { ($0, signal($0, handler)) }
    PluginOptimizer.startCancelled = { StartupKeys.quitPressed() }
    defer {
      PluginOptimizer.startCancelled = nil
      restore()
      for (number, action) in previous { signal(number, action) }
    }
    return try body()
  }

  /// Whether a `q`, `Q` or Escape has been typed (reads what is waiting, never waits).
  private static func quitPressed() -> Bool {
    var byte: UInt8 = 0
    while read(STDIN_FILENO, &byte, 1) == 1 {
      if byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q") || byte == 0x1B { return true }
    }
    return false
  }

  /// Puts the terminal's settings back (async-signal-safe: one tcsetattr).
  private static func restore() {
    guard isChanged != 0 else { return }
    isChanged = 0
    tcsetattr(STDIN_FILENO, TCSANOW, &saved)
  }
}
