import Foundation
import Testing

@testable import Plot

/// Theme files with Windows line endings read as their "\n" copies do, as scene files and logs.
@Suite struct ThemeLineEndingTests {
  @Test("every shipped theme with CRLF line endings is the same theme as with LF")
  func crlfCopiesOfShippedThemes() throws {
    let files = try ThemeFileTests.shippedFiles()
    #expect(files.count >= 6)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
      #expect(crlf != text)
      let lf = try ThemeFile.parse(text, file: file.path, name: "t")
      let windows = try ThemeFile.parse(crlf, file: file.path, name: "t")
      #expect(windows == lf, "\(file.lastPathComponent)")
      #expect(lf != Theme.standard || file.lastPathComponent == "default.theme")
    }
  }

  @Test("a CRLF theme's mistake is named by its own line number, without the \\r")
  func crlfErrorsNameTheLine() {
    let text = "# a theme\r\ndescription = x\r\nnot a key value\r\n"
    #expect(throws: ThemeError.self) { try ThemeFile.parse(text, file: "w.theme", name: "w") }
    do {
      _ = try ThemeFile.parse(text, file: "w.theme", name: "w")
    } catch {
      #expect(error.description == "w.theme:3: expected 'key = value', got 'not a key value'")
    }
  }
}
