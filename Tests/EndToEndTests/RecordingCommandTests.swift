import Foundation
import Testing

/// `optiscope record` and `optiscope replay --verify` run as a user would run them.
@Suite("record and replay --verify")
struct RecordingCommandTests {
  /// A fresh directory for one test's files, removed by `remove()`.
  struct Scratch {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-record-\(UUID().uuidString)")

    init() throws {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func text(_ name: String) throws -> String {
      String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
  }

  static let race = [
    "--function", "himmelblau", "--optimizer", "adam:lr=0.1", "--optimizer", "sgd:lr=0.01",
    "--optimizer", "nesterov:lr=0.01",
  ]

  @Test("record writes N frames of exactly H rows that replay --verify accepts")
  func recordThenVerify() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("run.log")
    let recorded = try OptiscopeProcess.run(
      ["record"] + Self.race + ["--frames", "21", "--size", "90x30", "--out", log])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(recorded.stdout.isEmpty)
    let text = try scratch.text("run.log")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "optiscope-log 2")
    let separators = lines.indices.filter { lines[$0].hasPrefix("--- frame ") }
    #expect(separators.count == 21)
    #expect(lines[separators[20]] == "--- frame 20 step 20")
    for (index, separator) in separators.enumerated() {
      let end = index + 1 < separators.count ? separators[index + 1] : lines.count - 1
      #expect(end - separator - 1 == 30, "frame \(index)")
    }
    let verified = try OptiscopeProcess.run(["replay", "--verify", log])
    #expect(verified.status == 0)
    #expect(verified.stdout == "ok: 21 frames identical\n")
  }

  @Test(
    "sweeps, panels, basins and a selection go into the header, so such recordings verify too",
    arguments: [
      ["--sweep", "adam:lr=1e-2..1,count=3", "--leaderboard", "--select", "2", "--inspect"],
      ["--basins", "--select", "adam", "--noise", "0.3", "--seed", "5"],
    ])
  func extrasVerify(_ extras: [String]) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("extras.log")
    let recorded = try OptiscopeProcess.run(
      ["record"] + Self.race + extras + ["--frames", "12", "--out", log])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let verified = try OptiscopeProcess.run(["replay", "--verify", log])
    #expect(verified.stdout == "ok: 12 frames identical\n", "\(verified.stdout)\(verified.stderr)")
  }

  @Test("replay --verify fails on a tampered log, naming the frame and row")
  func tamperedLogFails() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("run.log")
    let recorded = try OptiscopeProcess.run(
      ["record"] + Self.race + ["--frames", "8", "--out", log, "--noise", "0.5", "--seed", "3"])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    var lines = try scratch.text("run.log").components(separatedBy: "\n")
    let separator = try #require(lines.firstIndex(of: "--- frame 6 step 6"))
    // The status line's step count: a change a renderer could never make by accident.
    lines[separator + 1] = lines[separator + 1].replacingOccurrences(
      of: "step 6", with: "step 7")
    try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: log))
    let verified = try OptiscopeProcess.run(["replay", "--verify", log])
    #expect(verified.status == 1)
    #expect(verified.stdout.hasPrefix("mismatch: frame 6 (step 6), row 1 differs"))
    #expect(verified.stdout.contains("\n  log:    "))
    #expect(verified.stdout.contains("\n  replay: "))
  }

  @Test("a log cut mid-frame verifies up to its last complete frame")
  func truncatedLogVerifies() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("run.log")
    _ = try OptiscopeProcess.run(["record"] + Self.race + ["--frames", "10", "--out", log])
    let data = try Data(contentsOf: URL(fileURLWithPath: log))
    let text = String(decoding: data, as: UTF8.self)
    let frame7 = try #require(text.range(of: "--- frame 7 step 7\n"))
    let cut = text.utf8.distance(from: text.startIndex, to: frame7.upperBound) + 1234
    try data.prefix(cut).write(to: URL(fileURLWithPath: log))
    let verified = try OptiscopeProcess.run(["replay", "--verify", log])
    #expect(verified.status == 0)
    #expect(verified.stdout.hasPrefix("ok: 7 frames identical (the log is cut short"))
  }

  @Test("--trace writes the same rows as optiscope trace for the same race")
  func traceMatchesTraceCommand() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let arguments =
      Self.race + ["--optimizer", "adam:lr=3", "--optimizer", "sgd:lr=0.5"]
      + ["--noise", "0.2", "--seed", "11"]
    let recorded = try OptiscopeProcess.run(
      ["record"] + arguments + [
        "--steps-per-frame", "7", "--frames", "16", "--out", scratch.path("r.log"), "--trace",
        scratch.path("r.csv"),
      ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let traced = try OptiscopeProcess.run(["trace"] + arguments + ["--steps", "105"])
    #expect(traced.status == 0)
    let csv = try scratch.text("r.csv")
    #expect(csv.hasPrefix("optimizer,step,x,y,f,status\n"))
    #expect(csv == traced.stdout)
    // An animation's trajectories come from the same recorder.
    let animated = try OptiscopeProcess.run(
      ["record"] + arguments + [
        "--steps-per-frame", "7", "--frames", "16", "--format", "gif", "--pixels", "160x128",
        "--out", scratch.path("r.gif"), "--trace", scratch.path("g.csv"),
      ])
    #expect(animated.status == 0, "\(animated.stderr)")
    #expect(try scratch.text("g.csv") == traced.stdout)
  }

  @Test("--format cast writes asciicast v2 that a real reader accepts")
  func castIsAsciicast() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let cast = scratch.path("run.cast")
    let recorded = try OptiscopeProcess.run(
      ["record"] + Self.race + [
        "--frames", "12", "--size", "80x24", "--out", cast, "--format", "cast",
      ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let lines = try scratch.text("run.cast").split(separator: "\n").map(String.init)
    #expect(lines.count == 14)
    let header = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 80)
    #expect(header["height"] as? Int == 24)
    var last = -1.0
    for line in lines.dropFirst().dropLast() {
      let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
      let time = try #require(event[0] as? Double)
      #expect(time > last)
      last = time
      #expect(event[1] as? String == "o")
      #expect((event[2] as? String)?.contains("Himmelblau") == true)
    }
    #expect(abs(last - 11.0 / 20) < 1e-9)
    let reader = try Self.asciinema()
    guard let reader else { return }
    // `asciinema cat` parses the file as asciicast and prints every event's output.
    let played = try Self.run(reader, ["cat", cast])
    #expect(played.status == 0, "\(played.output)")
    #expect(played.output.contains("Himmelblau"))
    #expect(played.output.contains("step 11"))
  }

  @Test("replay refuses a cast file and names asciinema")
  func replayRefusesCast() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let cast = scratch.path("run.cast")
    _ = try OptiscopeProcess.run(
      ["record"] + Self.race + ["--frames", "2", "--out", cast, "--format", "cast"])
    let result = try OptiscopeProcess.run(["replay", "--verify", cast])
    #expect(result.status == 1)
    #expect(result.stderr.contains("asciinema play"))
  }

  @Test("an existing file is refused without --force and left alone; --force overwrites it")
  func existingFileRefused() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("keep.log")
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: log))
    for command in [
      ["record", "--out", log], ["record", "--out", scratch.path("x.log"), "--trace", log],
    ] {
      let refused = try OptiscopeProcess.run(command + ["--frames", "2"])
      #expect(refused.status == 1)
      #expect(refused.stdout.isEmpty)
      #expect(refused.stderr.split(separator: "\n").count == 1)
      #expect(refused.stderr.contains("exists; add --force to overwrite it"))
      #expect(try scratch.text("keep.log") == "precious\n")
    }
    // The refused --trace left no half-made recording behind.
    #expect(!FileManager.default.fileExists(atPath: scratch.path("x.log")))
    let forced = try OptiscopeProcess.run(["record", "--out", log, "--frames", "2", "--force"])
    #expect(forced.status == 0)
    #expect(try scratch.text("keep.log").hasPrefix("optiscope-log 2\n"))
  }

  @Test("an unwritable path is refused with one line, before any terminal is needed")
  func unwritablePathRefused() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let missing = scratch.path("no/such/dir/run.log")
    for command in [
      ["record", "--out", missing], ["record", "--out", scratch.url.path],
      ["record", "--out", scratch.path("a.log"), "--trace", missing],
      ["--record", missing], ["run", "--record", scratch.path("b.log"), "--trace", missing],
    ] {
      let refused = try OptiscopeProcess.run(command)
      #expect(refused.status == 1, "\(command)")
      #expect(refused.stdout.isEmpty)
      #expect(refused.stderr.split(separator: "\n").count == 1, "\(command): \(refused.stderr)")
      #expect(refused.stderr.hasPrefix("optiscope: cannot write"), "\(command): \(refused.stderr)")
      #expect(!refused.stderr.contains("terminal"), "\(command)")
    }
    #expect(!FileManager.default.fileExists(atPath: scratch.path("a.log")))
    #expect(!FileManager.default.fileExists(atPath: scratch.path("b.log")))
  }

  @Test("bad recording options are refused with one line")
  func badOptions() throws {
    for command in [
      ["record", "--out", "-", "--frames", "0"], ["record", "--out", "-", "--format", "gif"],
      ["record", "--out", "-", "--size", "10"], ["record"], ["replay"],
      ["replay", "/no/such/file.log"], ["--scene", "/no/such/scene.txt"],
      ["record", "--out", "-", "--scene", "/no/such/scene.txt"],
    ] {
      let refused = try OptiscopeProcess.run(command)
      #expect(refused.status == 1, "\(command)")
      #expect(refused.stdout.isEmpty, "\(command)")
      #expect(refused.stderr.split(separator: "\n").count == 1, "\(command): \(refused.stderr)")
    }
  }

  @Test("--out - writes the log to standard output")
  func standardOutput() throws {
    let result = try OptiscopeProcess.run([
      "record", "--frames", "3", "--size", "60x20", "--out", "-",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("optiscope-log 2\n"))
    #expect(result.stdout.components(separatedBy: "\n--- frame ").count == 4)
  }

  @Test("record and replay explain themselves with --help")
  func help() throws {
    for command in [["record", "--help"], ["replay", "--help"], ["help", "record"]] {
      let result = try OptiscopeProcess.run(command)
      #expect(result.status == 0)
      #expect(result.stdout.contains("--verify") || result.stdout.contains("--frames"))
    }
  }

  /// The scene files shipped in scenes/.
  static let sceneFiles: [String] = {
    let folder = OptiscopeProcess.packageRoot.appendingPathComponent("scenes")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map {
      folder.appendingPathComponent($0).path
    }
  }()

  @Test("scenes/ holds the course experiments")
  func scenesExist() {
    #expect(Self.sceneFiles.count >= 8)
  }

  @Test("every scene in scenes/ loads, records headless, and verifies", arguments: sceneFiles)
  func sceneRecords(path: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let log = scratch.path("scene.log")
    let recorded = try OptiscopeProcess.run([
      "record", "--scene", path, "--frames", "6", "--size", "100x30", "--out", log,
    ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let verified = try OptiscopeProcess.run(["replay", "--verify", log])
    #expect(verified.stdout == "ok: 6 frames identical\n")
    // The log's header is itself a scene: loading it gives the same picture.
    let fromScene = try OptiscopeProcess.run([
      "render", "--scene", path, "--size", "100x30", "--steps", "0",
    ])
    let fromLog = try OptiscopeProcess.run([
      "render", "--scene", log, "--size", "100x30", "--steps", "0",
    ])
    #expect(fromScene.status == 0)
    #expect(fromScene.stdout == fromLog.stdout)
  }

  @Test("a scene's steps set the length of a recording; options override the file")
  func sceneStepsAndOverrides() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let scene = scratch.path("s.txt")
    try Data(
      "function = booth\noptimizer = adam:lr=0.5\nsteps = 12\nsteps-per-frame = 4\nsize = 70x25\n"
        .utf8
    ).write(to: URL(fileURLWithPath: scene))
    let log = scratch.path("s.log")
    let recorded = try OptiscopeProcess.run([
      "record", "--scene", scene, "--optimizer", "sgd:lr=0.01", "--out", log,
    ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let text = try scratch.text("s.log")
    #expect(text.contains("\nfunction = booth\n"))
    #expect(text.contains("\noptimizer = sgd:lr=0.01\n"))
    #expect(!text.contains("adam"))
    #expect(text.contains("\nsize = 70x25\n"))
    #expect(text.contains("\n--- frame 3 step 12\n"))
    #expect(!text.contains("--- frame 4"))
  }

  /// The asciinema program, when installed (scripts/setup installs it).
  static func asciinema() throws -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/asciinema"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs a program and returns its status and output (stdout and stderr together).
  static func run(_ program: String, _ arguments: [String]) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-reader-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: file) }
    let handle = try FileHandle(forWritingTo: file)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (
      process.terminationStatus, String(decoding: try Data(contentsOf: file), as: UTF8.self)
    )
  }
}
