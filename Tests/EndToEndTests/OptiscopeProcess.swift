import Foundation

/// Runs the built `optiscope` binary and captures what it printed; for end-to-end tests.
///
/// The binary is found next to the test bundle (SwiftPM builds both into the
/// same directory, and this target depends on the executable so `swift test`
/// builds it), falling back to `.build/debug` under the package root.
enum OptiscopeProcess {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  struct NotFound: Error, CustomStringConvertible {
    let searched: [String]
    var description: String { "optiscope binary not found; looked in \(searched)" }
  }

  /// The package's root directory, from this file's location.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built binary.
  static func executable() throws -> URL {
    var directories: [URL] = []
    if let main = Bundle.main.executableURL {
      directories.append(main.deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    directories.append(packageRoot.appendingPathComponent(".build/debug"))
    let candidates = directories.map { $0.appendingPathComponent("optiscope") }
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }
    ) {
      return found
    }
    throw NotFound(searched: candidates.map(\.path))
  }

  /// Runs `optiscope` with `arguments` and waits for it to finish.
  ///
  /// Output goes to temporary files rather than pipes, so a large output can
  /// never fill a pipe and stall the child.
  ///
  /// `environment` changes (or, with nil, removes) variables of the test's own
  /// environment for this run, e.g. `["NO_COLOR": "1", "LANG": "C"]`; `directory` is
  /// the current folder it runs in (the test's own when nil).
  static func run(
    _ arguments: [String], environment changes: [String: String?] = [:], directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = try executable()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !changes.isEmpty {
      var environment = ProcessInfo.processInfo.environment
      for (name, value) in changes { environment[name] = value }
      process.environment = environment
    }
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}
