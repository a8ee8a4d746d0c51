import App
import Foundation
import TestSupport
import Testing

/// The crafted logs of `Fuzz/corpus/log`: each is read or refused in one line, and a
/// readable log is checked, all in bounded time (the themes: `ThemeCorpusTests`).
@Suite("The corpus of crafted logs")
struct FileCorpusTests {
  @Test("the corpus holds the crafted logs")
  func corpusExists() {
    #expect(FuzzCorpus.files("log").count >= 20)
  }

  @Test(
    "every crafted log is refused in one line, or read and checked", .timeLimit(.minutes(1)),
    arguments: FuzzCorpus.files("log"))
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
