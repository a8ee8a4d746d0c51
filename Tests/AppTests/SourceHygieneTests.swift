import Foundation
import Testing

/// Rules about the program's sources that keep it small and quick to start.
@Suite struct SourceHygieneTests {
  /// The package's `Sources` folder, from this file's place in `Tests/AppTests`.
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  /// Foundation (not FoundationEssentials) links ICU and CoreFoundation into the
  /// binary: 48 MB more and about 3 ms more start-up for every command. The tests may
  /// use it; the program must not.
  @Test func theProgramDoesNotImportFoundation() throws {
    let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 50)
    for file in files {
      let text = try String(
        contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      let imports = text.split(separator: "\n").filter {
        $0.trimmingCharacters(in: .whitespaces) == "import Foundation"
      }
      #expect(imports.isEmpty, "\(file) imports Foundation")
    }
  }

  /// The words of I/O: files, the environment, the running process, the terminal.
  static let ioWords = [
    "FileManager", "getenv", "ProcessInfo", "fopen", "ioctl", "isatty", "#filePath",
    "/proc/self",
  ]

  /// OptimKit, Plot and App are values and functions of values: themes, capabilities
  /// and files come in as data from the runtime (Runtime, the executable), so their
  /// tests read no `~/.config` and need no terminal. Any use of the words of I/O,
  /// even in a comment, is refused here, as `grep` would.
  @Test(arguments: ["OptimKit", "Plot", "App"])
  func pureModulesDoNoIO(module: String) throws {
    let folder = Self.sources.appendingPathComponent(module)
    let files = try #require(FileManager.default.enumerator(atPath: folder.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 10)
    var found: [String] = []
    for file in files.sorted() {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      where Self.ioWords.contains(where: { line.contains($0) }) {
        found.append("\(module)/\(file):\(number + 1): \(line)")
      }
    }
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
  }

  /// The C library is imported in one place, `Sources/LibC`, and math comes from RealModule:
  /// no `#if canImport(Glibc)` block in every file that needs `exp` or `write`.
  @Test func onlyLibCImportsTheCLibrary() throws {
    let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") && !$0.hasPrefix("LibC/") }
    #expect(files.count > 50)
    for file in files {
      let text = try String(
        contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      let imports = text.split(separator: "\n").filter {
        let line = $0.trimmingCharacters(in: .whitespaces)
        return line.hasPrefix("import Glibc") || line.hasPrefix("import Darwin")
          || line.hasPrefix("@_exported import")
      }
      #expect(imports.isEmpty, "\(file) imports the C library itself; import LibC")
    }
  }

  /// Model changes only through `update`: its fields are settable inside App alone (the
  /// module boundary enforces the rest), no method of it that changes it is public, and in
  /// App only `update` (Update.swift) and the Model extensions it calls (Model*.swift) set
  /// a model's fields; the runtime sends messages instead.
  @Test func theModelChangesOnlyThroughUpdate() throws {
    let folder = Self.sources.appendingPathComponent("App")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 10)
    let setsAField = try Regex(#"\b(model|next)\.[a-zA-Z.]+\s*(=[^=]|\+=|-=)"#)
    var found: [String] = []
    for file in files.sorted() {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let isModelsOwn = file.hasPrefix("Model") || file == "Update.swift"
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        let code = line.trimmingCharacters(in: .whitespaces)
        guard !code.hasPrefix("//") else { continue }
        if isModelsOwn, code.contains("public mutating func") {
          found.append("App/\(file):\(number + 1): a public mutator: \(code)")
        }
        if !isModelsOwn, code.contains(setsAField) {
          found.append("App/\(file):\(number + 1): sets a model's field: \(code)")
        }
      }
    }
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
  }
}
