import Foundation
import Testing

/// Every bad command line is refused the same way: status 1, one line on stderr, nothing on stdout.
@Suite struct CommandLineHygieneTests {
  /// A complete, valid `trace` invocation that the bad cases below spoil one way each.
  static let valid = ["trace", "--expr", "x^2+y^2", "--start", "1,1", "--optimizer", "adam"]

  @Test(arguments: [
    // Unknown options, subcommands and stray arguments.
    ["trace", "--bogus"],
    ["trace", "-x"],
    ["trace", "--expr", "x", "--start", "1,1", "--optimizer", "adam", "--lr", "0.1"],
    ["bogus"],
    ["tracee", "--function", "sphere"],
    ["--bogus"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "extra"],
    // Missing values.
    ["trace", "--function"],
    ["trace", "--function", "sphere", "--optimizer"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--steps"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--start"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--format"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--format="],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--change"],
    ["trace", "--expr"],
    // Malformed and out-of-range numbers.
    ["trace", "--function", "sphere", "--optimizer", "adam", "--steps", "ten"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--steps", "1.5"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--steps", "1e3"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--steps", "-5"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--steps", "99999999999999999999"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--steps", ""],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--start", "1,abc"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--start", "nan,1"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--start", "inf,0"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--start", "1,2,3"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--start", ""],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--start", "1e999,0"],
    // Nonsense SPECs.
    ["trace", "--function", "sphere", "--optimizer", ""],
    ["trace", "--function", "sphere", "--optimizer", ":"],
    ["trace", "--function", "sphere", "--optimizer", "adam:"],
    ["trace", "--function", "sphere", "--optimizer", "adam:lr"],
    ["trace", "--function", "sphere", "--optimizer", "adam:lr="],
    ["trace", "--function", "sphere", "--optimizer", "adam:=0.1"],
    ["trace", "--function", "sphere", "--optimizer", "adam:lr=abc"],
    ["trace", "--function", "sphere", "--optimizer", "adam:lr=-1"],
    ["trace", "--function", "sphere", "--optimizer", "adam:lr=nan"],
    ["trace", "--function", "sphere", "--optimizer", "adam:lr=0.1,,beta1=0.5"],
    ["trace", "--function", "sphere", "--optimizer", "adam:lr=0.1:beta1=0.5"],
    ["trace", "--function", "sphere", "--optimizer", "adam:amsgrad=maybe"],
    ["trace", "--function", "sphere", "--optimizer", "sgd:nesterov=true"],
    ["trace", "--function", "sphere", "--optimizer", "💥"],
    // Bad changes, functions and expressions.
    ["trace", "--function", "sphere", "--optimizer", "adam", "--change", "::"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--change", "-1:1:lr=0.1"],
    ["trace", "--function", "sphere", "--optimizer", "adam", "--change", "1:0:lr=0.1"],
    ["trace", "--function", "", "--optimizer", "adam"],
    ["trace", "--function", "sphere", "--expr", "x", "--optimizer", "adam"],
    ["trace", "--expr", "", "--start", "1,1", "--optimizer", "adam"],
    ["trace", "--expr", "x +\n y)", "--start", "1,1", "--optimizer", "adam"],
    ["trace", "--expr", "x\u{7}", "--start", "1,1", "--optimizer", "adam"],
    // The picture commands and compare.
    ["render", "--function", "nosuch"],
    ["render", "--size", "0x0"],
    ["render", "--size", "banana"],
    ["render", "--optimizer", "adam:lr=-1"],
    ["render", "--view", "1,0,0,1"],
    ["render", "--expr", "x^"],
    ["levels", "--function", "rosenbrock", "--size", "-3x4"],
    ["levels", "--size", "40x20"],
    ["compare", "--function", "nosuch"],
    ["--function", "nosuch"],
    ["--optimizer", "adam:beta1=1"],
  ])
  func badInputIsRefusedInOneLine(_ arguments: [String]) throws {
    let result = try OptiscopeProcess.run(arguments)
    #expect(result.status == 1, "\(arguments): status \(result.status)")
    #expect(result.stdout.isEmpty, "\(arguments): stdout \(result.stdout)")
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "\(arguments): stderr \(result.stderr)")
    #expect(result.stderr.hasPrefix("optiscope: "), "\(arguments): stderr \(result.stderr)")
  }

  @Test func parseErrorsPointAtTheRightHelp() throws {
    // A word near no option's name: near one (--bogus, --loss), ArgumentParser suggests it.
    let trace = try OptiscopeProcess.run(["trace", "--zzzzzzzz"])
    #expect(
      trace.stderr == "optiscope: Unknown option '--zzzzzzzz' (see 'optiscope trace --help')\n")
    let root = try OptiscopeProcess.run(["bogus"])
    #expect(root.stderr.contains("'bogus'"))
    #expect(root.stderr.hasSuffix("(see 'optiscope --help')\n"))
  }

  @Test func aSceneFileMayStartWithAByteOrderMark() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-bom-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data([0xEF, 0xBB, 0xBF] + Array("function = himmelblau\n".utf8)).write(to: file)
    let result = try OptiscopeProcess.run(["render", "--scene", file.path, "--size", "80x24"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Himmelblau"))
  }

  @Test func aFullStandardOutputFailsTheCommandInOneLine() throws {
    let process = Process()
    process.executableURL = try OptiscopeProcess.executable()
    process.arguments = ["render", "--function", "sphere", "--size", "80x24"]
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let errors = Pipe()
    process.standardOutput = full
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(message == "optiscope: cannot write to standard output: No space left on device\n")
  }

  @Test func theValidBaseLineRuns() throws {
    let result = try OptiscopeProcess.run(Self.valid + ["--steps", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.split(separator: "\n").count == 5)  // header and steps 0...3
  }

  @Test(arguments: [
    ["--help"], ["-h"], ["help"], ["trace", "--help"], ["help", "trace"], ["render", "--help"],
    ["levels", "--help"], ["compare", "--help"], ["record", "-h"], ["run", "--help"],
    ["--function", "sphere", "--help"],
  ])
  func helpGoesToStdoutWithStatusZero(_ arguments: [String]) throws {
    let result = try OptiscopeProcess.run(arguments)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    #expect(result.stderr.isEmpty)
    // The usage names the whole command path: `optiscope record`, not `record`.
    let usage = result.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE:") } ?? ""
    #expect(usage.hasPrefix("USAGE: optiscope"), "\(arguments): \(usage)")
    let command = arguments.first { !$0.hasPrefix("-") && $0 != "help" && $0 != "sphere" }
    if let command {
      #expect(usage.hasPrefix("USAGE: optiscope \(command)"), "\(arguments): \(usage)")
    } else if arguments.count == 1 {
      // The root's help lists the subcommands.
      #expect(result.stdout.contains("record"), "\(arguments)")
    }
  }
}
