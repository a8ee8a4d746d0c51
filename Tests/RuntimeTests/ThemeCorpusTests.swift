import App
import Foundation
import Runtime
import TestSupport
import Testing

/// The crafted themes of `Fuzz/corpus/theme`: each loads or is refused in one line.
@Suite("The corpus of crafted themes")
struct ThemeCorpusTests {
  @Test("the corpus holds the crafted themes")
  func corpusExists() {
    #expect(FuzzCorpus.files("theme").count >= 6)
  }

  @Test(
    "every crafted theme loads or is refused in one line naming the file",
    arguments: FuzzCorpus.files("theme"))
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
        path: FuzzCorpus.folder.appendingPathComponent("theme/\(name).theme").path
      ).get()
      theme.name = magma.name
      #expect(theme == magma, "\(name)")
    }
  }
}
