import LibC

/// The bytes of a file, read with the system's calls.
enum FileContents {
  /// Why a file could not be read.
  enum Failure: Error {
    /// It does not exist.
    case missing
    /// It exists but cannot be opened (permissions, a folder) or read.
    case unreadable
  }

  /// Up to `limit` bytes from the start of the file at `path` (all of it when nil).
  static func read(_ path: String, limit: Int? = nil) throws(Failure) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      // No such file, or a path that cannot lead to one.
      let missing = [ENOENT, ENOTDIR, ENAMETOOLONG, ELOOP].contains(errno)
      throw missing ? .missing : .unreadable
    }
    defer { close(descriptor) }
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while limit.map({ bytes.count < $0 }) ?? true {
      let wanted = min(chunk.count, (limit ?? Int.max) - bytes.count)
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
      if count > 0 {
        bytes += chunk[..<count]
      } else if count == 0 {
        break
      } else if errno != EINTR {
        throw .unreadable
      }
    }
    return bytes
  }
}

/// The system call, by a name no member can shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int)
  -> Int
{
  read(descriptor, buffer, count)
}
