import Foundation
import Testing

/// Every file optiscope writes goes through a temporary file beside it: a run that fails
/// leaves the old file as it was and nothing else behind.
@Suite("Output files: temporary file and rename, one file per output, frames kept")
struct OutputFileTests {
  typealias Scratch = RecordingCommandTests.Scratch

  /// The names in the scratch folder, hidden ones (temporary files) included.
  static func names(in scratch: Scratch) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
  }

  static let sphere = ["--function", "sphere", "--frames", "3", "--size", "40x12"]

  @Test("--force leaves the old file untouched, and no temporary file, when the run cannot start")
  func forceKeepsTheOldFileWhenTheRunFails() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let kept = scratch.path("k.log")
    for command in [
      // No terminal: the interactive program cannot start.
      ["--function", "sphere", "--record", kept, "--force"],
      ["--function", "sphere", "--record", kept, "--force", "--trace", scratch.path("t.csv")],
      // A second output that cannot be written.
      ["record"] + Self.sphere + ["--out", kept, "--force", "--trace", scratch.path("no/t.csv")],
      ["record"] + Self.sphere + ["--out", scratch.path("o.log"), "--force", "--trace", kept]
        + ["--format", "bogus"],
    ] {
      try Data("precious\n".utf8).write(to: URL(fileURLWithPath: kept))
      let result = try OptiscopeProcess.run(command)
      #expect(result.status == 1, "\(command)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(try scratch.text("k.log") == "precious\n", "\(command)")
      #expect(try Self.names(in: scratch) == ["k.log"], "\(command)")
    }
  }

  @Test("--force replaces a file in one step, keeping its permissions, and writes through a link")
  func forceReplaces() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let target = scratch.path("target.log")
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path("link.log"), withDestinationPath: "target.log")
    let result = try OptiscopeProcess.run(
      ["record"] + Self.sphere + ["--out", scratch.path("link.log"), "--force"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try scratch.text("target.log").hasPrefix("optiscope-log 2\n"))
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link.log"))
    #expect(link == "target.log")
    let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    #expect(try Self.names(in: scratch) == ["link.log", "target.log"])
    let verified = try OptiscopeProcess.run(["replay", "--verify", target])
    #expect(verified.stdout == "ok: 3 frames identical\n")
  }

  @Test("a device is written as it is, never replaced by a file")
  func devicesAreWrittenInPlace() throws {
    let result = try OptiscopeProcess.run(
      ["record"] + Self.sphere + ["--out", "/dev/null", "--force"])
    #expect(result.status == 0, "\(result.stderr)")
    var info = stat()
    #expect(stat("/dev/null", &info) == 0)
    #expect((info.st_mode & S_IFMT) == S_IFCHR)
  }

  @Test("two outputs that are one file are refused, however the file is named")
  func sameFileRefused() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: scratch.path("same.log")))
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path("alias.log"), withDestinationPath: "same.log")
    let folder = scratch.url.path
    let pairs: [(String, String)] = [
      (scratch.path("same.log"), scratch.path("same.log")),
      (scratch.path("same.log"), folder + "/./same.log"),
      (scratch.path("alias.log"), scratch.path("same.log")),
      (scratch.path("new.log"), folder + "/../" + scratch.url.lastPathComponent + "/new.log"),
      ("-", "-"),
    ]
    for (out, trace) in pairs {
      for command in [
        ["record"] + Self.sphere + ["--out", out, "--trace", trace, "--force"],
        ["--function", "sphere", "--record", out, "--trace", trace, "--force"],
      ] {
        let result = try OptiscopeProcess.run(command)
        #expect(result.status == 1, "\(command)")
        #expect(result.stdout.isEmpty)
        #expect(
          result.stderr.hasSuffix("are the same file; give two files\n"), "\(result.stderr)")
        #expect(try scratch.text("same.log") == "precious\n")
        #expect(try Self.names(in: scratch) == ["alias.log", "same.log"])
      }
    }
  }

  @Test("a file that fills up keeps its whole frames, and says how many")
  func fullFileSaysFramesKept() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("full.log")
    // A file size limit of 32 KiB stands in for a full disk: writes past it fail (EFBIG).
    let binary = try OptiscopeProcess.executable().path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "ulimit -f 64; trap '' XFSZ; exec \"$0\" \"$@\"", binary, "record", "--function",
      "sphere", "--frames", "200", "--size", "60x20", "--out", log,
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    let verified = try OptiscopeProcess.run(["replay", "--verify", log])
    let frames = try #require(
      verified.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) },
      "\(verified.stdout)")
    #expect(frames > 1)
    #expect(
      message
        == "optiscope: cannot write --out '\(log)': File too large (\(frames) whole frames kept)\n")
    #expect(try Self.names(in: scratch) == ["full.log"])
  }

  @Test("a file that is full at once is left as it was")
  func fullAtOnceKeepsTheOldFile() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("old.log")
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: log))
    let binary = try OptiscopeProcess.executable().path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "ulimit -f 1; trap '' XFSZ; exec \"$0\" \"$@\"", binary, "record", "--function",
      "sphere", "--frames", "5", "--size", "60x20", "--out", log, "--force",
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(
      message
        == "optiscope: cannot write --out '\(log)': File too large "
        + "(no frame written; '\(log)' is as it was)\n")
    #expect(try scratch.text("old.log") == "precious\n")
    #expect(try Self.names(in: scratch) == ["old.log"])
  }
}
