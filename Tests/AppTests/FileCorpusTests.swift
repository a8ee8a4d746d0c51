import App
import Foundation
import Testing

/// The crafted logs of `Fuzz/corpus/log`: each is read or refused in one line, and a
/// readable log is checked, all in bounded time (the themes: `ThemeCorpusTests`).
@Suite("The corpus of crafted logs")
struct FileCorpusTests {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/corpus")

  static func files(_ folder: String) -> [String] {
    let url = corpus.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.sorted().map { url.appendingPathComponent($0).path }
  }

  @Test("the corpus holds the crafted logs")
  func corpusExists() {
    #expect(Self.files("log").count >= 20)
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
}
