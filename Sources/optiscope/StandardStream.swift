#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and standard error, written straight to their descriptors.
enum StandardStream {
  case output
  case error

  /// Why a write failed: the system's reason ("No space left on device").
  struct Failure: Error, CustomStringConvertible {
    var description: String
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
        throw Failure(description: String(cString: strerror(written < 0 ? errno : EIO)))
      }
    }
  }

  /// Writes `text` to standard output, or fails the command with one line saying why.
  static func print(_ text: String) throws(CommandError) {
    do {
      try StandardStream.output.write(text)
    } catch {
      throw CommandError("cannot write to standard output: \(error)")
    }
  }

  /// Writes `text` to standard error; a message that cannot be shown is dropped.
  static func warn(_ text: String) {
    try? StandardStream.error.write(text)
  }
}

/// The system call, by a name the enum's own `write` cannot shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int)
  -> Int
{
  write(descriptor, bytes, count)
}
