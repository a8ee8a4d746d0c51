import App
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file opened for a recording, a trace or a saved scene: unbuffered writes straight to the descriptor.
///
/// Opened before anything else happens, so an unwritable path or an existing
/// file is refused before the terminal is taken over. Every `write` hands the
/// whole chunk to the kernel (one `write(2)`, repeated only if the kernel
/// takes part of it), so what is written is on its way to the disk at once
/// and a crash loses at most the chunk being written.
final class FileSink: RecordingSink {
  /// The path as given ("-" for standard output).
  let path: String
  private var descriptor: Int32
  /// Whether this sink created the file (so a run that never starts can remove it again).
  let created: Bool

  /// Why a file could not be opened or written, in one line.
  struct Failure: Error, CustomStringConvertible {
    var description: String
    /// Whether the file was refused because it exists.
    var exists = false
  }

  private init(path: String, descriptor: Int32, created: Bool) {
    self.path = path
    self.descriptor = descriptor
    self.created = created
  }

  deinit { close() }

  /// Opens `path` for writing: a new file, or with `force` an existing one emptied;
  /// "-" is standard output. `option` names the setting in the refusal.
  static func open(_ path: String, force: Bool, option: String) throws(Failure) -> FileSink {
    if path == "-" { return FileSink(path: path, descriptor: STDOUT_FILENO, created: false) }
    guard !path.isEmpty else { throw Failure(description: "\(option) needs a file name") }
    var isDirectory = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
      throw Failure(description: "cannot write \(option) '\(path)': it is a directory")
    }
    var flags = O_WRONLY | O_CREAT | O_CLOEXEC
    flags |= force ? O_TRUNC : O_EXCL
    let existed = FileManager.default.fileExists(atPath: path)
    let descriptor = systemOpen(path, flags, 0o644)
    guard descriptor >= 0 else {
      let code = errno
      if code == EEXIST {
        throw Failure(
          description: "\(option) '\(path)' exists; add --force to overwrite it", exists: true)
      }
      throw Failure(
        description: "cannot write \(option) '\(path)': \(String(cString: strerror(code)))")
    }
    return FileSink(path: path, descriptor: descriptor, created: !existed)
  }

  /// Opens a new file named `stem` + `extension` in the current directory, adding
  /// `-2`, `-3`… when that name is taken; never overwrites anything.
  static func openNew(stem: String, extension fileExtension: String) throws(Failure) -> FileSink {
    for attempt in 1...99 {
      let name = attempt == 1 ? "\(stem).\(fileExtension)" : "\(stem)-\(attempt).\(fileExtension)"
      do {
        return try open(name, force: false, option: "file")
      } catch {
        if error.exists { continue }
        throw error
      }
    }
    throw Failure(description: "cannot find a free file name like \(stem).\(fileExtension)")
  }

  func write(_ bytes: [UInt8]) throws {
    guard descriptor >= 0 else { throw Failure(description: "the file is closed") }
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        guard let base = buffer.baseAddress else { return }
        let written = systemWrite(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw Failure(description: String(cString: strerror(errno)))
        }
        offset += written
      }
    }
  }

  func close() {
    guard descriptor >= 0 else { return }
    if descriptor != STDOUT_FILENO { _ = systemClose(descriptor) }
    descriptor = -1
  }

  /// Closes the file and, if this sink created it, removes it (the run never started).
  func discard() {
    close()
    if created { try? FileManager.default.removeItem(atPath: path) }
  }

  /// A name stem with the local date and time, e.g. `optiscope-20250114-093012`.
  static func timestampedStem(_ prefix: String, date: Date = Date()) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var local = tm()
    guard localtime_r(&seconds, &local) != nil else { return prefix }
    var buffer = [CChar](repeating: 0, count: 32)
    let count = strftime(&buffer, buffer.count, "%Y%m%d-%H%M%S", &local)
    return prefix + "-"
      + String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

// File-scope wrappers: inside `FileSink`, the names `open`, `write` and `close`
// would find the sink's own methods instead of the system calls.

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
  open(path, flags, mode)
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
  close(descriptor)
}
