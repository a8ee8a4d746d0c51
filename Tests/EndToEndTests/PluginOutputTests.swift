import Foundation
import Testing

/// What a plug-in prints: captured (Python's prints and raw writes to descriptors 1 and 2),
/// never mixed into the command's output, and either kept in `--plugin-output FILE` or
/// named in a note on stderr.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginOutputTests {
  /// torch's SGD that prints each step through print, sys.stderr and os.write.
  static let source = """
    import os, sys, torch

    class Noisy(torch.optim.SGD):
        def step(self, closure=None):
            loss = super().step(closure)
            print("print \\x1b[31mred")
            print("stderr", file=sys.stderr)
            os.write(1, b"fd 1\\n")
            return loss

    """

  func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-printed-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Self.source.write(
      to: folder.appendingPathComponent("noisy.py"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func traceKeepsWhatAPlugInPrintedInTheFileAskedFor() throws {
    let python = try PluginPython.required()
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("printed.txt")
    let result = try OptiscopeProcess.run(
      [
        "trace", "--python", python, "--function", "sphere", "--steps", "2",
        "--optimizer", "noisy.py:Noisy:lr=0.1", "--plugin-output", file.path,
      ], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    #expect(result.stdout.split(separator: "\n").count == 4)
    #expect(!result.stdout.contains("print") && !result.stdout.contains("fd 1"))
    let printed = try String(contentsOf: file, encoding: .utf8)
    let lines = printed.split(separator: "\n").map(String.init)
    #expect(lines.first == "== Noisy ==")
    // What the descriptor takes comes through a thread: in its own order, the last step's
    // possibly after the command's end.
    #expect(lines.filter { $0 == "print \u{1B}[31mred" }.count == 2, "\(printed)")
    #expect(lines.filter { $0 == "stderr" }.count == 2, "\(printed)")
    #expect((1...2).contains(lines.filter { $0 == "fd 1" }.count), "\(printed)")
    #expect(lines.count == 5 || lines.count == 7, "\(printed)")
  }

  @Test func withoutAFileANoteSaysThePlugInPrinted() throws {
    let python = try PluginPython.required()
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try OptiscopeProcess.run(
      [
        "compare", "--python", python, "--function", "sphere", "--steps", "1", "--format",
        "csv", "--optimizer", "noisy.py:Noisy:lr=0.1",
      ], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "optiscope: Noisy printed 2 lines, not shown (--plugin-output FILE keeps it)\n"
        || result.stderr
          == "optiscope: Noisy printed 3 lines, not shown (--plugin-output FILE keeps it)\n"
    )
    #expect(!result.stdout.contains("print"))
  }
}
