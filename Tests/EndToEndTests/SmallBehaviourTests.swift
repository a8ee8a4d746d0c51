import Foundation
import Testing

/// Small things a new user meets: --version, help texts, the themes listing without colour,
/// a function with no levels, sweeps at the edges, and SIGQUIT during a recording.
@Suite struct SmallBehaviourTests {
  @Test("--version prints the version on stdout and exits 0")
  func version() throws {
    let result = try OptiscopeProcess.run(["--version"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let line = result.stdout.trimmingCharacters(in: .newlines)
    #expect(!line.isEmpty && line.split(separator: ".").count == 3, "\(result.stdout)")
    #expect(line.allSatisfy { $0.isNumber || $0 == "." })
  }

  @Test(
    "no option's help states its default twice",
    arguments: ["run", "trace", "compare", "levels", "render", "record", "replay", "themes"])
  func helpSaysEachDefaultOnce(command: String) throws {
    let result = try OptiscopeProcess.run(["help", command])
    #expect(result.status == 0, "\(result.stderr)")
    let options = try #require(result.stdout.range(of: "\nOPTIONS:\n"))
    // Each option's help: its first line and the indented lines that continue it.
    var entries: [String] = []
    for line in result.stdout[options.upperBound...].split(separator: "\n") {
      if line.hasPrefix("  -") {
        entries.append(String(line))
      } else if !entries.isEmpty, line.hasPrefix("      ") {
        entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
      }
    }
    #expect(entries.count > 1)
    for entry in entries {
      let defaults = entry.components(separatedBy: "default").count - 1
      #expect(defaults <= 1, "\(entry)")
    }
  }

  @Test("without colour, the themes listing says its previews show only the glyph ramps")
  func themesWithoutColourSaySo() throws {
    let plain = try OptiscopeProcess.run(["themes", "--color", "never"])
    #expect(plain.status == 0, "\(plain.stderr)")
    let note =
      "without colour the previews show only the glyph ramps (most themes share one); "
      + "--color always shows their colours"
    #expect(plain.stdout.split(separator: "\n").contains { $0 == note })
    let colored = try OptiscopeProcess.run(["themes", "--color", "always"])
    #expect(colored.status == 0, "\(colored.stderr)")
    #expect(!colored.stdout.contains("without colour"))
  }

  @Test("levels of a function with no finite sample says why in one line, status 1")
  func levelsOfNothing() throws {
    let result = try OptiscopeProcess.run(["levels", "--expr", "0/0", "--size", "10x10"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "optiscope: f is undefined or overflows at all 100 samples of the view: no levels\n")
  }

  @Test("a log sweep across the doubles runs; three dots and a second count are refused")
  func sweepEdges() throws {
    let wide = try OptiscopeProcess.run([
      "trace", "--function", "sphere", "--steps", "0", "--sweep", "adam:lr=1e-300..1e300,count=5",
    ])
    #expect(wide.status == 0, "\(wide.stderr)")
    #expect(
      wide.stdout == """
        optimizer,step,x,y,f,status
        adam lr=1e-300,0,-4.0,3.0,25.0,running
        adam lr=1e-150,0,-4.0,3.0,25.0,running
        adam lr=1,0,-4.0,3.0,25.0,running
        adam lr=1e+150,0,-4.0,3.0,25.0,running
        adam lr=1e+300,0,-4.0,3.0,25.0,running

        """)
    let dots = try OptiscopeProcess.run([
      "trace", "--function", "sphere", "--sweep", "adam:lr=1e-3...1",
    ])
    #expect(dots.status == 1)
    #expect(
      dots.stderr
        == "optiscope: bad --sweep 'adam:lr=1e-3...1': 'lr=1e-3...1' has more than two dots: "
        + "write LOW..HIGH\n")
    let twice = try OptiscopeProcess.run([
      "render", "--sweep", "adam:lr=1e-3..1,count=3,count=9",
    ])
    #expect(twice.status == 1)
    #expect(
      twice.stderr
        == "optiscope: bad --sweep 'adam:lr=1e-3..1,count=3,count=9': count is given twice\n")
  }

  @Test("SIGQUIT during a headless record ends it as SIGTERM does: no backtrace, whole frames")
  func quitDuringRecord() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-quit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("q.log")
    let errors = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    let process = Process()
    process.executableURL = try OptiscopeProcess.executable()
    process.arguments = ["record", "--out", log.path, "--frames", "100001", "--size", "60x20"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    // A program that ignored the signal must not outlive the test: SIGKILL cannot be held back.
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    // Wait for some frames, then quit.
    let started = Date()
    while (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0 < 20_000
    {
      #expect(Date().timeIntervalSince(started) < 30, "no frames were written")
      if Date().timeIntervalSince(started) >= 30 { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    kill(process.processIdentifier, SIGQUIT)
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    #expect(!process.isRunning, "still running 10 s after SIGQUIT")
    guard !process.isRunning else { return }
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGTERM)
    let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
    #expect(!stderr.contains("crashed") && !stderr.contains("Backtrac"), "\(stderr)")
    // Every frame in the file is whole: its marker line and 20 rows.
    let text = String(decoding: try Data(contentsOf: log), as: UTF8.self)
    #expect(text.hasSuffix("\n"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    let markers = lines.indices.filter { lines[$0].hasPrefix("--- frame ") }
    #expect(markers.count >= 2)
    for (index, marker) in markers.enumerated() {
      let end = index + 1 < markers.count ? markers[index + 1] : lines.endIndex
      #expect(end - marker - 1 == 20, "frame at line \(marker) has \(end - marker - 1) rows")
    }
  }
}

/// SIGQUIT (Ctrl-\) in the live program: the same clean way out as SIGTERM.
@Suite(
  "SIGQUIT in the live program",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct QuitSignalInteractiveTests {
  @Test("SIGQUIT restores the terminal and exits 143, with no backtrace")
  func quitRestores() throws {
    let session = try TmuxSession()
    defer { session.close() }
    let binary = try OptiscopeProcess.executable().path
    try session.run(
      "'\(binary)' --function himmelblau --optimizer adam:lr=0.1 --fps 30; echo EXIT=$?")
    try session.waitFor("adam lr=0.1 ")
    let child = try InteractiveTests.childProcess(of: try session.display("#{pane_pid}"))
    kill(child, SIGQUIT)
    let screen = try session.waitForExit()
    #expect(screen.contains("EXIT=143"), "\(screen)")
    #expect(!screen.contains("crashed"))
    #expect(try session.display("#{alternate_on}") == "0")
    #expect(try session.display("#{cursor_flag}") == "1")
  }
}

/// The compare table is read by people: no nan or inf in it either (the CSV keeps numbers).
@Suite struct CompareTableWordsTests {
  @Test("a racer whose f is undefined at the start reads 'undefined' in the table")
  func undefinedInTheTable() throws {
    let result = try OptiscopeProcess.run([
      "compare", "--expr", "0/0", "--start", "1,1", "--steps", "3", "--optimizer", "sgd",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        0/0 from 1.0,1.0, 3 steps; reached: no known minimum: ranked by final f with tolerance 1e-06
        rank  optimizer  spec  reached at  final f    x  y  status
        1     sgd        sgd   -           undefined  1  1  diverged

        """)
  }
}
