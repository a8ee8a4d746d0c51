import App
import Foundation
import LibC
import Plot
import Runtime
import Testing

/// Loading theme files from disk: line endings, and files that are not what they seem.
@Suite("Theme files on disk: CRLF, pipes and huge files")
struct ThemeFileLoadingTests {
  /// A fresh folder, removed by `remove()`.
  struct Scratch {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-themes-\(UUID().uuidString)")
    init() throws {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
  }

  static let magma = URL(fileURLWithPath: ThemeCatalog.sourceTreeFolder)
    .appendingPathComponent("magma.theme")

  @Test("a CRLF copy of magma loads as magma, not as the default")
  func crlfMagma() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let text = try String(contentsOf: Self.magma, encoding: .utf8)
    let copy = scratch.path("magma.theme")
    try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(
      to: URL(fileURLWithPath: copy))
    let original = try ThemeCatalog.load(path: Self.magma.path).get()
    let windows = try ThemeCatalog.load(path: copy).get()
    #expect(windows == original)
    var standard = Theme.standard
    standard.name = windows.name
    standard.summary = windows.summary
    #expect(windows != standard)
  }

  @Test(
    "a pipe named like a theme is refused as not a regular file, without reading it",
    .timeLimit(.minutes(1)))
  func pipeIsRefused() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let pipe = scratch.path("pipe.theme")
    #expect(mkfifo(pipe, 0o644) == 0)
    guard case .failure(let error) = ThemeCatalog.load(path: pipe) else {
      Issue.record("a pipe loaded as a theme")
      return
    }
    #expect(error.description == "\(pipe): is not a regular file")
    // The catalog of its folder lists it as broken, and goes on.
    let catalog = ThemeCatalog(folders: [scratch.url.path])
    #expect(catalog.choices.map(\.name) == ["default", "pipe"])
  }

  @Test("a file over 1 MiB is refused by its size")
  func hugeFileIsRefused() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let big = scratch.path("big.theme")
    try Data(repeating: UInt8(ascii: "#"), count: (1 << 20) + 1).write(
      to: URL(fileURLWithPath: big))
    guard case .failure(let error) = ThemeCatalog.load(path: big) else {
      Issue.record("a huge theme loaded")
      return
    }
    #expect(error.description == "\(big): is 1048577 bytes; a theme file is at most 1 MiB")
  }
}
