import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary on a pseudo-terminal whose other end is the test: the test sees every
/// byte the program writes and decides what the "terminal" answers (or that it stays silent).
///
/// For what tmux cannot show: image sequences, and a terminal that answers kitty's
/// graphics query or the device attributes as a test chooses. The window size,
/// pixels included, is set on the pty as a terminal would set it.
final class PtyTerminal: @unchecked Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let master: Int32
  private let process = Process()
  private let lock = NSLock()
  private var received: [UInt8] = []
  private var reader: Thread?
  /// What to send back when the program's output first contains a byte string.
  private var answers: [(trigger: [UInt8], reply: [UInt8])]

  /// Starts `optiscope arguments` on a pty of `columns` × `rows` cells of `cellWidth` ×
  /// `cellHeight` pixels (0: the window size has no pixels); `answers` are the replies to
  /// give when the program writes their trigger (e.g. `ESC [ c`).
  init(
    _ arguments: [String], columns: Int = 120, rows: Int = 40, cellWidth: Int = 10,
    cellHeight: Int = 20, answers: [(trigger: String, reply: String)] = [],
    environment changes: [String: String?] = [:]
  ) throws {
    self.answers = answers.map { (Array($0.trigger.utf8), Array($0.reply.utf8)) }
    // posix_openpt and friends are not in Swift's Glibc module: /dev/ptmx and Linux's
    // ioctls, TIOCSPTLCK (unlock) and TIOCGPTN (the pty's number), by their values.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: Int32 = 0
    guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0,
      ioctl(master, 0x8004_5430, &number) == 0
    else { throw Failure(description: "no pseudo-terminal") }
    self.master = master
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    var size = winsize(
      ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: UInt16(columns * cellWidth),
      ws_ypixel: UInt16(rows * cellHeight))
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let slavePath = "/dev/pts/\(number)"
    guard let slave = FileHandle(forUpdatingAtPath: slavePath) else {
      throw Failure(description: "cannot open \(slavePath)")
    }
    process.executableURL = try OptiscopeProcess.executable()
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    for name in ["TMUX", "STY", "COLORTERM", "NO_COLOR"] { environment[name] = nil }
    environment["TERM"] = "xterm-256color"
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = "C.UTF-8"
    for (name, value) in changes { environment[name] = value }
    process.environment = environment
    process.standardInput = slave
    process.standardOutput = slave
    process.standardError = slave
    try process.run()
    try slave.close()
    let thread = Thread { [weak self] in self?.readLoop() }
    reader = thread
    thread.start()
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
  }

  private func readLoop() {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(master, &buffer, buffer.count)
      if count <= 0 {
        if count < 0, errno == EINTR { continue }
        return
      }
      lock.lock()
      received += buffer[0..<count]
      var replies: [[UInt8]] = []
      answers.removeAll { answer in
        guard Self.find(answer.trigger, in: received) != nil else { return false }
        replies.append(answer.reply)
        return true
      }
      lock.unlock()
      for reply in replies { send(reply) }
    }
  }

  /// Everything the program has written so far.
  var output: [UInt8] {
    lock.lock()
    defer { lock.unlock() }
    return received
  }

  /// Types bytes as the user would.
  func send(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  func type(_ text: String) { send(Array(text.utf8)) }

  /// Waits until the output contains `text` (after `from`), by polling with a deadline.
  func waitFor(_ text: String, from: Int = 0, timeout: TimeInterval = 20) throws {
    let needle = Array(text.utf8)
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let bytes = output
      if from < bytes.count, Self.find(needle, in: Array(bytes[from...])) != nil { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Failure(
      description:
        "timed out waiting for \(text.debugDescription); got \(output.count) bytes, ending "
        + String(decoding: output.suffix(300), as: UTF8.self).debugDescription)
  }

  /// Waits for the program to end; its exit status.
  func waitForExit(timeout: TimeInterval = 20) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      guard Date() < deadline else {
        process.terminate()
        throw Failure(description: "the program did not exit")
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    // The last bytes written before exit.
    Thread.sleep(forTimeInterval: 0.2)
    return process.terminationStatus
  }

  /// The first index of `needle` in `haystack`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var index = start
    while index + needle.count <= haystack.count {
      if haystack[index] == needle[0],
        haystack[index..<(index + needle.count)].elementsEqual(needle)
      {
        return index
      }
      index += 1
    }
    return nil
  }
}
