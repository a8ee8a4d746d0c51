import Foundation
import Testing

/// `optiscope trace ... | head -1`: a reader that goes away ends the command quietly.
///
/// Each run's standard output is a pipe whose reading end is closed before the
/// command writes, as `head` closes it after its line; the command must end
/// by SIGPIPE, as `cat` would, with nothing on standard error (no "Broken pipe",
/// no "cannot write"). The command starts with SIGPIPE ignored, as it is under
/// many shells and tools (writes then fail with EPIPE instead of ending it).
@Suite(.serialized) struct BrokenPipeTests {
  /// Runs `optiscope arguments` with stdout a pipe nobody reads; its stderr and how it ended.
  static func runIntoClosedPipe(_ arguments: [String]) throws -> (
    stderr: String, reason: Process.TerminationReason, status: Int32
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments =
      ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", try OptiscopeProcess.executable().path]
      + arguments
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let errors = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-pipe-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    let err = try FileHandle(forWritingTo: errors)
    process.standardOutput = pipe.fileHandleForWriting
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    try err.close()
    return (
      String(decoding: try Data(contentsOf: errors), as: UTF8.self), process.terminationReason,
      process.terminationStatus
    )
  }

  @Test(arguments: [
    ["trace", "--function", "rosenbrock", "--steps", "20000", "--optimizer", "adam"],
    ["compare", "--function", "himmelblau", "--steps", "50"],
    ["levels", "--function", "rosenbrock", "--size", "80x24"],
  ])
  func aBuiltInCommandEndsBySigpipeWithoutAMessage(_ arguments: [String]) throws {
    let run = try Self.runIntoClosedPipe(arguments)
    #expect(run.stderr == "")
    #expect(run.reason == .uncaughtSignal && run.status == SIGPIPE)
  }

  @Test(.enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
  func checkAndTraceWithAPlugInEndBySigpipeWithoutAMessage() throws {
    let python = try PluginPython.required()
    for arguments in [
      [
        "check", "--python", python, "--optimizer", "torch.optim:Adam:lr=0.1", "--against",
        "adam:lr=0.1", "--function", "rosenbrock", "--steps", "5",
      ],
      [
        "trace", "--python", python, "--function", "rosenbrock", "--steps", "5",
        "--optimizer", "torch.optim:Adam:lr=0.1",
      ],
    ] {
      let run = try Self.runIntoClosedPipe(arguments)
      #expect(run.stderr == "", "\(arguments[0])")
      #expect(run.reason == .uncaughtSignal && run.status == SIGPIPE, "\(arguments[0])")
    }
  }
}
