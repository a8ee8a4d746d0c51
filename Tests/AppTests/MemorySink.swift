import App

/// A recording sink in memory, which can be told to fail like a full disk after some writes.
final class MemorySink: RecordingSink {
  struct DiskFull: Error, CustomStringConvertible {
    var description: String { "No space left on device" }
  }

  private(set) var bytes: [UInt8] = []
  /// Every write's bytes, in order, to check that frames go out whole.
  private(set) var writes: [[UInt8]] = []
  private(set) var isClosed = false
  /// How many writes succeed before every further one fails; nil never fails.
  let failsAfter: Int?

  init(failsAfter: Int? = nil) {
    self.failsAfter = failsAfter
  }

  func write(_ chunk: [UInt8]) throws {
    if let failsAfter, writes.count >= failsAfter { throw DiskFull() }
    writes.append(chunk)
    bytes += chunk
  }

  func close() { isClosed = true }

  /// Everything written, as text.
  var text: String { String(decoding: bytes, as: UTF8.self) }
}
