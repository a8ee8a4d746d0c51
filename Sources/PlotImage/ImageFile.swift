import FoundationEssentials
import LibC

/// The safety rules for an image file: refused before any work when it cannot be
/// written, and written under a temporary name in the same folder that is renamed
/// into place only when complete, so a failed write never leaves a half file.
public struct ImageFile: Sendable {
  /// The path as given.
  public let path: String
  /// The hidden temporary name next to it that the writer fills.
  public let temporaryPath: String

  /// Checks that `path` may be written (`option` names the setting in a refusal):
  /// not empty, not a folder, not existing unless `force`, in a writable folder.
  public init(path: String, force: Bool, option: String = "--out") throws(ImageError) {
    guard !path.isEmpty, path != "-" else {
      throw ImageError("\(option) needs a file name (images are not written to standard output)")
    }
    var isDirectory = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if exists, isDirectory {
      throw ImageError("cannot write \(option) '\(path)': it is a directory")
    }
    if exists, !force {
      throw ImageError("\(option) '\(path)' exists; add --force to overwrite it", exists: true)
    }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory
    else {
      throw ImageError("cannot write \(option) '\(path)': no folder '\(folder)'")
    }
    guard access(folder, W_OK) == 0 else {
      throw ImageError(
        "cannot write \(option) '\(path)': \(String(cString: strerror(errno)))")
    }
    self.path = path
    let prefix = folder == "." && slash == nil ? "" : folder == "/" ? "/" : folder + "/"
    self.temporaryPath = prefix + "." + name + ".tmp-\(getpid())"
  }

  /// Moves the finished temporary file into place.
  public func commit() throws(ImageError) {
    guard rename(temporaryPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      discard()
      throw ImageError("cannot write '\(path)': \(reason)")
    }
  }

  /// Removes the temporary file (a failed or abandoned write).
  public func discard() {
    _ = unlink(temporaryPath)
  }
}
