import LibC

/// Asks the terminal what it can show, with a short timeout, before the screen is taken
/// over: kitty's graphics query, the cell size (`CSI 16 t`), the sixel colour
/// registers (XTSMGRAPHICS) and, last, the primary device attributes (`CSI c`).
///
/// All four are sequences a terminal either answers or ignores without showing
/// anything. The terminal's line settings are put back before returning, on every path.
public enum TerminalProbe {
  /// The questions, in the order the terminal answers them; the device attributes last.
  public static let query: [UInt8] = Array(
    ("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\" + "\u{1B}[16t" + "\u{1B}[?1;1;0S"
      + "\u{1B}[c").utf8)

  /// Sends `query` to `output` and reads `input` until the device attributes arrive or
  /// `timeout` runs out; nil when the terminal said nothing complete (or is no terminal).
  ///
  /// A terminal that answers returns as soon as its device attributes are in (a few
  /// milliseconds, or one round trip over SSH), so the timeout only delays a terminal
  /// that never answers; it is long enough for a slow link, since a reply that came
  /// after it would reach the program as keys. Whatever has come by then is discarded.
  public static func ask(
    input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    timeout: Duration = .seconds(1)
  ) -> TerminalAnswer? {
    guard isatty(input) == 1, isatty(output) == 1 else { return nil }
    var saved = termios()
    guard tcgetattr(input, &saved) == 0 else { return nil }
    var raw = saved
    // No echo of the replies, no line buffering, and Ctrl-C is a byte, not a signal,
    // for these few hundred milliseconds (so nothing can leave the line settings raw).
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
    withUnsafeMutableBytes(of: &raw.c_cc) { characters in
      characters[Int(VMIN)] = 0
      characters[Int(VTIME)] = 0
    }
    guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
    defer { _ = tcsetattr(input, TCSANOW, &saved) }
    guard writeAll(query, to: output) else { return nil }
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1024)
    while clock.now < deadline {
      let (seconds, attoseconds) = clock.now.duration(to: deadline).components
      let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
      var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else { break }
      let count = read(input, &buffer, buffer.count)
      if count < 0, errno == EINTR || errno == EAGAIN { continue }
      guard count > 0 else { break }
      received += buffer[0..<count]
      let answer = TerminalAnswer(parsing: received)
      if answer.isComplete { return answer }
    }
    _ = tcflush(input, TCIFLUSH)
    return nil
  }

  /// The cell size by the kernel's window size (`TIOCGWINSZ`'s pixel fields), which
  /// many terminals fill in; nil when they are zero.
  public static func windowCellSize(output: Int32 = STDOUT_FILENO) -> CellSize? {
    var size = winsize()
    guard ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
      return nil
    }
    return CellSize(
      checkedWidth: Int(size.ws_xpixel) / Int(size.ws_col),
      height: Int(size.ws_ypixel) / Int(size.ws_row))
  }

  static func writeAll(_ bytes: [UInt8], to output: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        guard let base = buffer.baseAddress else { return false }
        let written = write(output, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR || errno == EAGAIN { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }
}
