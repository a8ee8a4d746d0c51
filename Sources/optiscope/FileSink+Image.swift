extension FileSink {
  /// Opens an image file for `--out`: as `open`, but standard output is refused, since
  /// an image is no text for a terminal or a pipe.
  static func openImage(_ path: String, force: Bool, option: String = "--out") throws(Failure)
    -> FileSink
  {
    guard !path.isEmpty, path != "-" else {
      throw Failure(
        description: "\(option) needs a file name (images are not written to standard output)")
    }
    return try open(path, force: force, option: option)
  }

  /// Writes a whole file's `bytes` and puts it in place; on any failure the temporary
  /// file goes and `path` is left as it was.
  func writeWhole(_ bytes: [UInt8]) throws(Failure) {
    do {
      try write(bytes)
    } catch {
      discard()
      throw Failure(description: "cannot write \(option) '\(path)': \(error)")
    }
    do {
      try commit()
    } catch {
      discard()
      throw error
    }
    close()
  }
}
