import Foundation
import Testing

@testable import Plot

/// Theme files: the shipped ones load and set every key; each kind of broken
/// file is refused with its own one-line message naming file, line and key.
@Suite struct ThemeFileTests {
  /// The repository's themes/ folder.
  static let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")

  static let shippedNames = [
    "default", "magma", "okabe-ito", "high-contrast", "light", "mono", "viridis", "cividis",
    "winter",
  ]

  static func shippedFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(
      at: themesFolder, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "theme" }.sorted { $0.path < $1.path }
  }

  /// The keys a file sets, in order (comments and blank lines skipped).
  static func keys(in text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=")
      else { return nil }
      return trimmed[..<equals].trimmingCharacters(in: .whitespaces)
    }
  }

  private func parse(_ text: String) throws(ThemeError) -> Theme {
    try ThemeFile.parse(text, file: "t.theme", name: "t")
  }

  /// The refusal of `text`, as the user sees it.
  private func refusal(_ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error.description
    }
  }

  /// Eleven valid optimizer lines, numbered from 1.
  private let elevenOptimizers = (1...11).map { index in
    "optimizer.\(index) = \(index)/\(index % 16)/\(index % 8) \(Array("●■▲◆★✚✖◉▼◀▶")[index - 1]) \(Array("123456789AB")[index - 1])"
  }.joined(separator: "\n")

  // MARK: Shipped themes

  @Test func everyShippedThemeIsThere() throws {
    let names = try Self.shippedFiles().map { $0.deletingPathExtension().lastPathComponent }
    for name in Self.shippedNames { #expect(names.contains(name), "\(name).theme is missing") }
  }

  @Test func everyShippedThemeLoadsAndSetsEveryKey() throws {
    let files = try Self.shippedFiles()
    #expect(files.count >= Self.shippedNames.count)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let name = file.deletingPathExtension().lastPathComponent
      let theme = try ThemeFile.parse(text, file: file.path, name: name)
      let keys = Self.keys(in: text)
      for key in ThemeFile.keys.map(\.name) {
        #expect(keys.contains(key), "\(name).theme does not set \(key)")
      }
      let optimizers = keys.filter { $0.hasPrefix("optimizer.") }
      #expect(optimizers.count >= ThemeFile.minimumOptimizerCount, "\(name).theme")
      #expect(theme.racers.count == optimizers.count)
      #expect(Set(theme.racers.map(\.glyph)).count == theme.racers.count)
      #expect(theme.racers.allSatisfy { $0.asciiGlyph.isASCII })
      #expect(theme.asciiFillGlyphs.allSatisfy { $0.isASCII })
      #expect(theme.asciiContourGlyphs.all.allSatisfy { $0.isASCII })
      #expect(!theme.summary.isEmpty, "\(name).theme has no description")
      #expect(theme.name == name)
    }
  }

  @Test("optimizers of a shipped theme that differ at 256 colours differ at 16 and at 8 too")
  func shippedOptimizerColoursStayApartAtFewerColours() throws {
    for file in try Self.shippedFiles() {
      let name = file.deletingPathExtension().lastPathComponent
      let theme = try ThemeFile.parse(
        String(contentsOf: file, encoding: .utf8), file: file.path, name: name)
      let styles = theme.racers.indices.map(theme.racerStyle)
      for (i, a) in styles.enumerated() {
        for b in styles[..<i] where a.color.index256 != b.color.index256 {
          #expect(a.color.index16 != b.color.index16, "\(name): \(a.glyph) \(b.glyph) at 16")
          let eight = [a, b].map {
            [$0.color.index8.map(Int.init), $0.color.boldAtEight == true ? 1 : 0]
          }
          #expect(eight[0] != eight[1], "\(name): \(a.glyph) \(b.glyph) at 8")
        }
      }
    }
    // The default's thirteen all differ at every depth.
    let standard = Theme.standard.racers.indices.map(Theme.standard.racerStyle)
    #expect(
      Set(standard.map { [$0.color.index8, $0.color.boldAtEight == true ? 1 : 0] }).count == 13)
  }

  @Test func shippedDefaultIsTheBuiltInDefault() throws {
    let file = Self.themesFolder.appendingPathComponent("default.theme")
    let parsed = try ThemeFile.parse(
      String(contentsOf: file, encoding: .utf8), file: file.path, name: "default",
      base: Theme(name: "plain"))
    #expect(parsed == Theme.standard)
  }

  @Test func shippedRampsGetDarkerTowardsLowF() throws {
    // Perceptual order: each 256-colour ramp rises in lightness (small dips of the
    // coarse xterm cube allowed), from the lowest band to the highest.
    for file in try Self.shippedFiles() {
      let theme = try ThemeFile.parse(
        String(contentsOf: file, encoding: .utf8), file: file.path, name: "t")
      let lightness = theme.colorRamp.full256.map { XtermPalette.lab($0).lightness }
      guard let first = lightness.first, let last = lightness.last else { continue }
      #expect(last - first > 30, "\(file.lastPathComponent): ramp barely changes in lightness")
      for (low, high) in zip(lightness, lightness.dropFirst()) {
        #expect(high > low - 3, "\(file.lastPathComponent): \(lightness)")
      }
    }
  }

  @Test func readmeDocumentsEveryKey() throws {
    let readme = try String(
      contentsOf: Self.themesFolder.deletingLastPathComponent().appendingPathComponent("README.md"),
      encoding: .utf8)
    let start = try #require(readme.range(of: "## Themes and terminals"))
    let section = readme[start.upperBound...].prefix { _ in true }
    let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
    let text = section[..<end]
    for key in ThemeFile.keys.map(\.name) + ["optimizer.N"] {
      #expect(text.contains("| `\(key)` |"), "README does not document \(key)")
    }
    for name in Self.shippedNames { #expect(text.contains("| `\(name)` |")) }
  }

  // MARK: The format

  @Test func keysLeftOutKeepTheDefault() throws {
    let theme = try parse("ramp.256 = 16 231\nramp.16 = 0 15\nramp.8 = 0 7")
    #expect(theme.colorRamp == ColorRamp(full256: [16, 231], sixteen: [0, 15], eight: [0, 7]))
    #expect(theme.racers == Theme.standard.racers)
    #expect(theme.text == Theme.standard.text)
    #expect(theme.name == "t")
  }

  @Test func commentsQuotesAndHashGlyphs() throws {
    let text = """
      # a comment
        # an indented comment

      glyphs = " .#@"
      undefined.ascii = #
      description = "say \\"hi\\" \\\\ there"
      trail = bold+underline
      contour = lighter 12
      shadow = 52/1/0
      """
    let theme = try parse(text)
    #expect(theme.fillGlyphs == [" ", ".", "#", "@"])
    #expect(theme.asciiUndefinedGlyph == "#")
    #expect(theme.summary == "say \"hi\" \\ there")
    #expect(theme.trailAttributes == [.bold, .underline])
    #expect(theme.contourColor == .lighter(12))
    #expect(theme.shadow == .fixed(Color(index256: 52, index16: 1, index8: 0)))
  }

  @Test func colourSyntaxes() throws {
    let theme = try parse("text = default\nheading = 12\nerror = 196/9/1")
    #expect(theme.text == .terminalDefault)
    #expect(theme.heading == Color(index256: 12, index16: 12, index8: 4))
    #expect(theme.error == Color(index256: 196, index16: 9, index8: 1))
  }

  @Test func aFullPaletteReplacesTheDefaultOne() throws {
    let theme = try parse(elevenOptimizers)
    #expect(theme.racers.count == 11)
    #expect(theme.racers[2] == RacerStyle(color: .xterm(3, 3, 3), glyph: "▲", asciiGlyph: "3"))
  }

  // MARK: Broken files, one message each

  @Test func lineWithoutEqualsIsASyntaxError() {
    #expect(
      refusal("# ok\nramp.256 16 231") == "t.theme:2: expected 'key = value', got 'ramp.256 16 231'"
    )
    #expect(refusal(" = 3") == "t.theme:1: expected 'key = value', got '= 3'")
  }

  @Test func unknownKeyIsNamedWithASuggestion() {
    #expect(
      refusal("\n\nram.256 = 1 2") == "t.theme:3: ram.256: unknown key (did you mean 'ramp.256'?)")
    #expect(refusal("sparkles = yes") == "t.theme:1: sparkles: unknown key")
  }

  @Test func coloursOutOfRangeAreRefused() {
    #expect(refusal("ramp.256 = 16 300") == "t.theme:1: ramp.256: colour 300 is out of range 0–255")
    #expect(refusal("ramp.16 = 0 16") == "t.theme:1: ramp.16: colour 16 is out of range 0–15")
    #expect(refusal("ramp.8 = 0 8") == "t.theme:1: ramp.8: colour 8 is out of range 0–7")
    #expect(
      refusal("text = 252/7/9") == "t.theme:1: text: 8-colour fallback 9 is out of range 0–7")
    #expect(
      refusal("text = 256/7/7") == "t.theme:1: text: 256-colour index 256 is out of range 0–255")
    #expect(
      refusal("text = 252/16/7") == "t.theme:1: text: 16-colour fallback 16 is out of range 0–15")
    #expect(refusal("text = 16") == "t.theme:1: text: basic colour 16 is out of range 0–15")
    #expect(
      refusal("text = red")
        == "t.theme:1: text: 'red' is not a colour (write default, N, or A/B/C as 256/16/8 colours)"
    )
    #expect(refusal("ramp.256 = 16 -1") == "t.theme:1: ramp.256: colour -1 is out of range 0–255")
  }

  @Test func tooFewOptimizersAreRefused() {
    let five = elevenOptimizers.split(separator: "\n").prefix(5).joined(separator: "\n")
    #expect(refusal(five) == "t.theme: optimizer: 5 entries, need at least 11")
  }

  @Test func optimizerNumbersMayNotHaveGaps() {
    let gap = elevenOptimizers.replacingOccurrences(of: "optimizer.7 =", with: "optimizer.12 =")
    #expect(
      refusal(gap)
        == "t.theme: optimizer.7: missing (entries are numbered 1, 2, 3, … without gaps)")
    #expect(
      refusal("optimizer.0 = 1 ● o")
        == "t.theme:1: optimizer.0: expected optimizer.1 to optimizer.99")
  }

  @Test func optimizersMustDifferByGlyph() {
    let twin = elevenOptimizers.replacingOccurrences(of: "◀ A", with: "● A")
    #expect(refusal(twin) == "t.theme:10: optimizer.10: glyph ● is already optimizer.1's")
    let asciiTwin = elevenOptimizers.replacingOccurrences(of: "◀ A", with: "◀ 1")
    #expect(
      refusal(asciiTwin) == "t.theme:10: optimizer.10: ASCII glyph 1 is already optimizer.1's")
  }

  @Test func optimizerEntriesNeedColourGlyphAndASCII() {
    #expect(
      refusal("optimizer.1 = 196 ●")
        == "t.theme:1: optimizer.1: expected COLOUR GLYPH ASCII, e.g. 196/9/1 ● o, got '196 ●'")
    #expect(refusal("optimizer.1 = 9 ● é") == "t.theme:1: optimizer.1: 'é' is not printable ASCII")
    #expect(refusal("optimizer.1 = 9 ab a") == "t.theme:1: optimizer.1: 'ab' is not one glyph")
    #expect(
      refusal("optimizer.1 = 9 界 a")
        == "t.theme:1: optimizer.1: '界' is two columns wide; glyphs must be one column")
  }

  @Test func repeatedKeyIsRefused() {
    #expect(refusal("text = 7\n\ntext = 8") == "t.theme:3: text: set twice (first on line 1)")
  }

  @Test func glyphProblemsAreNamed() {
    #expect(
      refusal("contour.glyphs = ─│╱")
        == "t.theme:1: contour.glyphs: needs 4 glyphs (horizontal vertical rising falling), got 3")
    #expect(
      refusal("contour.ascii = -|/╲") == "t.theme:1: contour.ascii: '╲' is not printable ASCII")
    #expect(refusal("glyphs = x") == "t.theme:1: glyphs: has 1 glyphs, needs 2 to 64")
    #expect(
      refusal("undefined.glyph = \" \"")
        == "t.theme:1: undefined.glyph: a space is not a visible glyph")
    #expect(refusal("glyphs = \"ab") == "t.theme:1: glyphs: missing closing quote")
  }

  @Test func otherValuesAreChecked() {
    #expect(
      refusal("trail = shiny")
        == "t.theme:1: trail: 'shiny' is not an attribute (bold, dim, underline, reverse, none)")
    #expect(refusal("contour.mono = maybe") == "t.theme:1: contour.mono: 'maybe' is not yes or no")
    #expect(
      refusal("contour = lighter 99")
        == "t.theme:1: contour: '99' is not a step from 1 to 60 (L* units)")
    #expect(
      refusal("ramp.256 = none\nramp.16 = 0 1")
        == "t.theme:1: ramp.256: is none while another ramp is not: give all three ramps, or none for all"
    )
    #expect(
      refusal("ramp.256 = 16")
        == "t.theme:1: ramp.256: needs at least 2 colours from low to high f (or none)")
  }

  @Test func noneForEveryRampMakesAGlyphTheme() throws {
    let theme = try parse("ramp.256 = none\nramp.16 = none\nramp.8 = none")
    #expect(theme.colorRamp.isEmpty)
    #expect(!theme.fillsWithColor(at: .full256))
  }
}
