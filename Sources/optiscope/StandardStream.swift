import LibC
import Plot

/// Standard output and standard error, written straight to their descriptors.
enum StandardStream {
  case output
  case error

  /// Why a write failed: the system's reason ("No space left on device").
  struct Failure: Error, CustomStringConvertible {
    var description: String
    /// Whether the reader has gone (`optiscope trace | head -1`): not an error to report.
    var isBrokenPipe = false
  }

  /// Writes all of `text`, retrying after interruptions, short writes and a full pipe;
  /// throws the system's reason when the stream refuses (a full disk, a closed stream).
  func write(_ text: String) throws(Failure) {
    let descriptor = self == .output ? STDOUT_FILENO : STDERR_FILENO
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else if written < 0 && errno == EAGAIN {
        // A non-blocking stream that is full: wait until it takes more.
        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&ready, 1, 1000)
      } else {
        let code = written < 0 ? errno : EIO
        throw Failure(description: String(cString: strerror(code)), isBrokenPipe: code == EPIPE)
      }
    }
  }

  /// Writes `text` to standard output, or fails the command with one line saying why.
  ///
  /// A reader that has gone (`optiscope check ... | head -1`) ends the program quietly,
  /// as `cat` ends: by SIGPIPE, which shells do not report, and with no line on stderr.
  static func print(_ text: String) throws(CommandError) {
    do {
      try StandardStream.output.write(text)
    } catch {
      if error.isBrokenPipe { endQuietlyForBrokenPipe() }
      throw CommandError("cannot write to standard output: \(error)")
    }
  }

  /// Ends the process as a write to a closed pipe ends a program that does not ignore
  /// SIGPIPE (status 128+13); plug-in helpers see their stdin close and exit.
  static func endQuietlyForBrokenPipe() -> Never {
    signal(SIGPIPE, SIG_DFL)
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGPIPE)
    sigprocmask(SIG_UNBLOCK, &signals, nil)
    raise(SIGPIPE)
    _exit(128 + SIGPIPE)
  }

  /// The most characters a message shows: enough for any message of the program's
  /// own with a long file name in it, far less than a pasted megabyte.
  static let messageLimit = 400

  /// Writes one message line (its final line break optional) to standard error, shown
  /// through `DisplayText`; a message that cannot be shown is dropped.
  ///
  /// Every message goes out here, and most repeat an input (an expression, a
  /// SPEC, a file name, a scene value): the one place that escapes what a
  /// terminal would obey (a line break inside the message included) and cuts
  /// what would fill it.
  static func warn(_ line: String) {
    let text = line.hasSuffix("\n") ? line.dropLast() : Substring(line)
    try? StandardStream.error.write(DisplayText(text, limit: messageLimit).description + "\n")
  }
}

/// The system call, by a name the enum's own `write` cannot shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int)
  -> Int
{
  write(descriptor, bytes, count)
}
