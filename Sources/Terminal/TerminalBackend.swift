import Plot

/// The screen and keyboard under `Terminal`: ncurses for the program, memory for tests.
///
/// `Terminal` keeps the logic — decoding ESC sequences and mouse reports, telling a
/// closed input from a timeout, sending only the cells that changed, handing out
/// colour pairs — and a backend does only what the terminal library does: read one
/// input, write one cell, define a pair, refresh. So the logic is tested without a
/// terminal (see `Tests/TerminalTests`), and `NCursesBackend` stays a thin layer.
/// Used from one thread, like `Terminal`.
protocol TerminalBackend: AnyObject {
  /// The screen size in cells now.
  var size: (width: Int, height: Int) { get }
  /// The terminating signal received (SIGINT, SIGTERM, SIGHUP), or nil.
  var pendingSignal: Int32? { get }
  /// Waits at most `timeoutMilliseconds` (negative: without a limit) for one input.
  func read(timeoutMilliseconds: Int32) -> TerminalInput
  /// How many columns `glyph` takes on this terminal (-1: not printable).
  func columns(of glyph: Unicode.Scalar) -> Int
  /// Defines colour pair `number` as `foreground` on `background` (curses colour
  /// numbers, -1 for the default); false when the terminal refuses.
  func definePair(_ number: Int32, foreground: Int32, background: Int32) -> Bool
  /// Writes one cell of the next frame (shown at `refresh`).
  func put(
    _ glyph: Unicode.Scalar, attributes: Cell.Attributes, pair: Int32, column: Int, row: Int)
  /// Forgets what the screen shows, so that the next refresh repaints all of it.
  func forgetScreen()
  /// Shows the cells written since the last refresh.
  func refresh()
  /// Stops the process as Ctrl-Z does in a cooked terminal (SIGTSTP) and returns once
  /// it is continued, with the terminal taken back.
  func suspend()
  /// Gives the terminal back; called once.
  func stop()
}
