#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and standard error, written straight to their descriptors.
enum StandardStream {
  case output
  case error

  /// Writes all of `text`, retrying after interruptions and short writes; a stream
  /// that refuses (a closed pipe) drops the rest, as a crashing writer would not.
  func write(_ text: String) {
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
      } else {
        return
      }
    }
  }
}

/// The system call, by a name the enum's own `write` cannot shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int)
  -> Int
{
  write(descriptor, bytes, count)
}
