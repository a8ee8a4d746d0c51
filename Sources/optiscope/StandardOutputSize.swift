import LibC

/// The size of the terminal standard output goes to, asked of the system (`TIOCGWINSZ`):
/// the one runtime helper that asks, so commands that only print (`render`) need no
/// terminal layer.
enum StandardOutputSize {
  /// The size in cells; nil when standard output is no terminal or reports none.
  static func current() -> (width: Int, height: Int)? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0
    else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }
}
