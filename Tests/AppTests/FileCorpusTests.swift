import App
import Foundation
import Testing

/// The crafted logs and themes of `Fuzz/corpus/log` and `Fuzz/corpus/theme`: each is read
/// or refused in one line, and a readable log is checked, all in bounded time.
@Suite("The corpus of crafted logs and themes")
struct FileCorpusTests {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/corpus")

  static func files(_ folder: String) -> [String] {
    let url = corpus.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.sorted().map { url.appendingPathComponent($0).path }
  }

  @Test("the corpus holds the crafted logs and themes")
  func corpusExists() {
    #expect(Self.files("log").count >= 20)
    #expect(Self.files("theme").count >= 6)
  }

  @Test(
    "every crafted log is refused in one line, or read and checked", .timeLimit(.minutes(1)),
    arguments: files("log"))
  func craftedLog(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let log: RecordingLog
    do {
      log = try RecordingLog(parsing: String(decoding: data, as: UTF8.self), name: path)
    } catch {
      #expect(error.description.hasPrefix(path))
      #expect(!error.description.contains("\n"))
      return
    }
    do {
      switch try LogVerifier.verify(log) {
      case .identical(let frames): #expect(frames == log.frames.count)
      case .mismatch(let mismatch): #expect(!mismatch.summary.contains("\n"))
      }
    } catch {
      #expect(!error.description.contains("\n"))
    }
  }

  @Test(
    "every crafted theme loads or is refused in one line naming the file",
    arguments: files("theme"))
  func craftedTheme(path: String) {
    switch ThemeCatalog.load(path: path) {
    case .success(let theme): #expect(!theme.name.isEmpty)
    case .failure(let error):
      #expect(error.description.hasPrefix(path))
      #expect(!error.description.contains("\n"))
    }
  }

  @Test("the CRLF copies of magma in the corpus load as magma")
  func crlfMagmaInCorpus() throws {
    let magma = try ThemeCatalog.load(
      path: URL(fileURLWithPath: ThemeCatalog.sourceTreeFolder)
        .appendingPathComponent("magma.theme").path
    ).get()
    for name in ["magma-crlf", "bom-crlf"] {
      var theme = try ThemeCatalog.load(
        path: Self.corpus.appendingPathComponent("theme/\(name).theme").path
      ).get()
      theme.name = magma.name
      #expect(theme == magma, "\(name)")
    }
  }
}
