/// Where a recorder's bytes go: a file in the program, memory (or a failing stand-in) in tests.
///
/// Keeps App free of file handling: the run loop opens the file and hands
/// the recorder a sink, and tests can make writing fail on purpose.
public protocol RecordingSink: AnyObject {
  /// Writes all of `bytes` at once (one `write` call when the system allows), unbuffered;
  /// throws when they cannot all be written.
  func write(_ bytes: [UInt8]) throws
  /// Releases the file; later writes fail.
  func close()
}
