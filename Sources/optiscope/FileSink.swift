import App
import FoundationEssentials
import LibC

/// A file written for a recording, a trace or a saved scene: unbuffered writes to a
/// temporary file beside it, renamed into place once the first part is whole.
///
/// Opened before anything else happens, so an unwritable path or an existing
/// file is refused before the terminal is taken over. Nothing touches the
/// file at `path` until `commit()`: everything goes to a hidden temporary file
/// in the same folder (`.NAME.tmp-PID-N`), which `commit()` renames over it
/// (or links into place, for a file that must not exist yet). So a run that
/// fails before it has written anything whole — no terminal, a bad second
/// file, a full disk at the first frame — leaves the old file as it was and no
/// temporary file behind (`discard()`, or the sink's end). After the commit
/// the writes go on into the same, now renamed, file: a crash then keeps
/// every complete frame. Every `write` hands the whole chunk to the kernel
/// (one `write(2)`, repeated only if the kernel takes part of it).
final class FileSink: RecordingSink {
  /// The path as given ("-" for standard output).
  let path: String
  /// Where the file goes: `path`, or the file a symbolic link at `path` points to.
  private let destination: String
  /// The temporary file being written, until `commit()` or `discard()`.
  private var temporary: String?
  /// Whether `commit()` may replace an existing file (`--force`).
  private let replaces: Bool
  /// What `option` the file was given for, to name it in refusals.
  let option: String
  private var descriptor: Int32

  /// Why a file could not be opened or written, in one line.
  struct Failure: Error, CustomStringConvertible {
    var description: String
    /// Whether the file was refused because it exists.
    var exists = false
  }

  /// Which file a path names, to refuse two outputs that are one file.
  enum Identity: Equatable {
    /// Standard output ("-").
    case standardOutput
    /// An existing file, by device and inode (so a link or another spelling is caught).
    case file(device: UInt64, inode: UInt64)
    /// A file yet to be made: its folder's real path and its name.
    case new(String)

    /// The identity of `path` as it is now.
    init(_ path: String) {
      if path == "-" {
        self = .standardOutput
        return
      }
      var info = stat()
      if stat(path, &info) == 0 {
        self = .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        return
      }
      let (folder, name) = FileSink.split(path)
      self = .new((FileSink.realPath(folder) ?? folder) + "/" + name)
    }
  }

  private init(
    path: String, destination: String, temporary: String?, replaces: Bool, option: String,
    descriptor: Int32
  ) {
    self.path = path
    self.destination = destination
    self.temporary = temporary
    self.replaces = replaces
    self.option = option
    self.descriptor = descriptor
  }

  /// Removes the temporary file of a run that never committed.
  deinit { discard() }

  /// Opens a temporary file for `path`: a new file, or with `force` one to replace an
  /// existing file; "-" is standard output. `option` names the setting in the refusal.
  static func open(_ path: String, force: Bool, option: String) throws(Failure) -> FileSink {
    if path == "-" {
      return FileSink(
        path: path, destination: path, temporary: nil, replaces: true, option: option,
        descriptor: STDOUT_FILENO)
    }
    guard !path.isEmpty else { throw Failure(description: "\(option) needs a file name") }
    var info = stat()
    let exists = stat(path, &info) == 0
    if exists, (info.st_mode & S_IFMT) == S_IFDIR {
      throw Failure(description: "cannot write \(option) '\(path)': it is a directory")
    }
    if exists, !force {
      throw Failure(
        description: "\(option) '\(path)' exists; add --force to overwrite it", exists: true)
    }
    // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: it
    // has nothing to keep, and must not be replaced by a file.
    if exists, (info.st_mode & S_IFMT) != S_IFREG {
      let descriptor = systemOpen(path, O_WRONLY | O_CLOEXEC, 0)
      guard descriptor >= 0 else {
        throw Failure(
          description: "cannot write \(option) '\(path)': \(String(cString: strerror(errno)))")
      }
      return FileSink(
        path: path, destination: path, temporary: nil, replaces: true, option: option,
        descriptor: descriptor)
    }
    // Through a symbolic link, the file it points to is replaced, not the link.
    var destination = path
    var link = stat()
    if exists, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
      destination = realPath(path) ?? path
    }
    let (folder, name) = split(destination)
    for attempt in 0..<100 {
      let temporary = folder + "/." + name + ".tmp-\(getpid())-\(nextNumber + attempt)"
      let descriptor = systemOpen(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if descriptor < 0, errno == EEXIST { continue }
      nextNumber += attempt + 1
      var folderInfo = stat()
      if descriptor < 0, errno == ENOENT, stat(folder, &folderInfo) != 0 {
        throw Failure(description: "cannot write \(option) '\(path)': no folder '\(folder)'")
      }
      guard descriptor >= 0 else {
        throw Failure(
          description: "cannot write \(option) '\(path)': \(String(cString: strerror(errno)))")
      }
      // A replaced file keeps its permissions.
      if exists { _ = fchmod(descriptor, info.st_mode & 0o7777) }
      return FileSink(
        path: path, destination: destination, temporary: temporary, replaces: force,
        option: option, descriptor: descriptor)
    }
    throw Failure(description: "cannot write \(option) '\(path)': no free temporary name")
  }

  /// Numbers the temporary files of this process.
  nonisolated(unsafe) private static var nextNumber = 0

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

  /// Puts the file in place: renames the temporary file over `path` (with `--force`),
  /// or links it there when `path` must not exist yet; later writes go on into it.
  /// Does nothing the second time, or for standard output.
  func commit() throws(Failure) {
    guard let temporary else { return }
    if replaces {
      guard rename(temporary, destination) == 0 else {
        throw Failure(
          description:
            "cannot write \(option) '\(path)': \(String(cString: strerror(errno)))")
      }
    } else if link(temporary, destination) == 0 {
      unlink(temporary)
    } else {
      let code = errno
      if code == EEXIST {
        throw Failure(
          description: "\(option) '\(path)' exists; add --force to overwrite it", exists: true)
      }
      // A file system without hard links: rename, having checked that nothing is there.
      var info = stat()
      guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(code),
        lstat(destination, &info) != 0, rename(temporary, destination) == 0
      else {
        throw Failure(
          description: "cannot write \(option) '\(path)': \(String(cString: strerror(code)))")
      }
    }
    self.temporary = nil
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
    if path != "-" { _ = systemClose(descriptor) }
    descriptor = -1
  }

  /// Closes the file and, unless it was committed, removes the temporary file: `path`
  /// is left as it was before the run.
  func discard() {
    close()
    if let temporary { unlink(temporary) }
    temporary = nil
  }

  /// The absolute path without links of an existing `path`; nil when there is none.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A path's folder ("." when it has none) and its last component.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
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
