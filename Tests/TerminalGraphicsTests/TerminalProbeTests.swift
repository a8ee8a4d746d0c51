import Foundation
import Testing

@testable import TerminalGraphics

#if canImport(Glibc)
  import Glibc
#endif

/// The start-up question on a real pseudo-terminal: answered, or met with silence.
@Suite("terminal probe")
struct TerminalProbeTests {
  /// A pty pair: the test holds the terminal's side (`master`), the probe the program's.
  struct Pty {
    let master: Int32
    let slave: Int32

    init() throws {
      // /dev/ptmx with Linux's TIOCSPTLCK (unlock) and TIOCGPTN (number), by value.
      let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
      var unlock: Int32 = 0
      var number: Int32 = 0
      guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0,
        ioctl(master, 0x8004_5430, &number) == 0
      else { throw POSIXError(.ENODEV) }
      self.master = master
      slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
      guard slave >= 0 else { throw POSIXError(.ENODEV) }
    }

    func close() {
      _ = Glibc.close(master)
      _ = Glibc.close(slave)
    }

    /// What the program side has written, read without waiting.
    func written() -> [UInt8] {
      var all: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 50) > 0 else { return all }
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return all }
        all += buffer[0..<count]
      }
    }
  }

  static func settings(_ descriptor: Int32) -> [UInt] {
    var now = termios()
    _ = tcgetattr(descriptor, &now)
    return [UInt(now.c_lflag), UInt(now.c_iflag), UInt(now.c_oflag)]
  }

  @Test("a silent terminal: nil after the timeout, the question asked, the line settings back")
  func silent() throws {
    let pty = try Pty()
    defer { pty.close() }
    let before = Self.settings(pty.slave)
    let clock = ContinuousClock()
    let started = clock.now
    let answer = TerminalProbe.ask(
      input: pty.slave, output: pty.slave, timeout: .milliseconds(300))
    let waited = started.duration(to: clock.now)
    #expect(answer == nil)
    #expect(waited >= .milliseconds(290) && waited < .seconds(2), "\(waited)")
    #expect(pty.written() == TerminalProbe.query)
    #expect(Self.settings(pty.slave) == before, "echo and line mode are restored")
  }

  @Test("a terminal that answers: returns at its device attributes, long before the timeout")
  func answered() throws {
    let pty = try Pty()
    defer { pty.close() }
    let master = pty.master
    let reply = Array("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;18;9t\u{1B}[?62;4;22c".utf8)
    let terminal = Thread {
      // Answer once the question is in, as a terminal does.
      var buffer = [UInt8](repeating: 0, count: 4096)
      var seen: [UInt8] = []
      while !seen.suffix(3).elementsEqual(Array("\u{1B}[c".utf8)) {
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return }
        seen += buffer[0..<count]
      }
      _ = reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }
    terminal.start()
    let clock = ContinuousClock()
    let started = clock.now
    let answer = TerminalProbe.ask(input: pty.slave, output: pty.slave, timeout: .seconds(5))
    #expect(started.duration(to: clock.now) < .seconds(2))
    #expect(answer?.kittyGraphics == true && answer?.sixel == true)
    #expect(answer?.cellSize == CellSize(width: 9, height: 18))
  }
}
