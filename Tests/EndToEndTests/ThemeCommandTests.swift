import Foundation
import Testing

/// `--theme`, `--color`, `--colors`, `--ascii`, NO_COLOR, the locale, and
/// `optiscope themes`, run as a user would run them.
@Suite struct ThemeCommandTests {
  private let utf8: [String: String?] = ["LANG": "C.UTF-8", "LC_ALL": nil, "LC_CTYPE": nil]
  private let scene = ["--function", "himmelblau", "--size", "100x30", "--steps", "60"]

  /// The SGR codes of ANSI output, e.g. ["0;38;5;196", "0"].
  private func codes(_ text: String) throws -> [String] {
    text.matches(of: try Regex("\u{1B}\\[([0-9;]*)m")).map { match in
      String(text[match.range].dropFirst(2).dropLast())
    }
  }

  /// A scratch theme file; returns its path.
  private func themeFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-e2e-\(UUID().uuidString).theme")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func noColorMeansNoEscapeCodesAtAll() throws {
    let result = try OptiscopeProcess.run(
      ["render"] + scene, environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
    #expect(result.status == 0)
    #expect(!result.stdout.utf8.contains(0x1B))
    let never = try OptiscopeProcess.run(["render", "--color", "never"] + scene)
    #expect(!never.stdout.utf8.contains(0x1B))
    let themes = try OptiscopeProcess.run(["themes"], environment: ["NO_COLOR": "1"])
    #expect(!themes.stdout.utf8.contains(0x1B))
  }

  @Test func eachDepthUsesOnlyItsOwnCodes() throws {
    func render(_ colors: String) throws -> [String] {
      let result = try OptiscopeProcess.run(
        ["render", "--color", "always", "--colors", colors] + scene, environment: utf8)
      #expect(result.status == 0)
      return try codes(result.stdout).flatMap { $0.split(separator: ";").map(String.init) }
    }
    let full = try render("256")
    #expect(full.contains("38") && full.contains("48"))
    let sixteen = try render("16")
    #expect(!sixteen.contains("38") && !sixteen.contains("48"))
    #expect(sixteen.contains { ["90", "91", "92", "93", "94", "95", "96", "97"].contains($0) })
    let eight = try render("8")
    #expect(!eight.contains("38") && !eight.contains("48"))
    let colourCodes = eight.compactMap(Int.init).filter { $0 >= 30 }
    #expect(!colourCodes.isEmpty)
    #expect(colourCodes.allSatisfy { (30...37).contains($0) || (40...47).contains($0) })
  }

  /// The distinct 24-bit colours of ANSI output (foreground and background alike).
  private func trueColours(_ text: String) throws -> Set<String> {
    Set(
      text.matches(of: try Regex("[34]8;2;([0-9]+;[0-9]+;[0-9]+)")).map {
        String(text[$0.range].dropFirst(5))
      })
  }

  @Test("TERM=xterm: eleven optimizers in eight colours, the bright ones bold and the others not")
  func elevenOptimizersDifferAtEightColours() throws {
    let names = [
      "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "nadam", "adamw",
      "radam", "adamax",
    ]
    let result = try OptiscopeProcess.run(
      [
        "render", "--color", "always", "--function", "rosenbrock", "--size", "120x40", "--steps",
        "5",
      ]
        + names.flatMap { ["--optimizer", $0] }, environment: utf8.merging(["TERM": "xterm"]) { $1 }
    )
    #expect(result.status == 0)
    let glyphs = Array("●■▲◆★✚✖◉▼◀▶")
    let sgr = try Regex("\u{1B}\\[[0-9;]*m")
    // Each legend row: the style its glyph is written in.
    var looks: [String] = []
    for (name, glyph) in zip(names, glyphs) {
      let row = try #require(
        result.stdout.split(separator: "\n").first {
          $0.replacing(sgr, with: "").contains("\(glyph) \(name) ")
        })
      // The legend is the row's right part: its glyph is the row's last.
      let match = try #require(row.matches(of: try Regex("\u{1B}\\[([0-9;]*)m\(glyph)")).last)
      looks.append(String(row[match.range].dropFirst(2).dropLast(2)))
    }
    #expect(Set(looks).count == 11, "\(looks)")
    // Nesterov (yellow) and Adadelta (bright yellow, so bold): 33 both, told apart by bold.
    #expect(
      looks[2].split(separator: ";").contains("33") && !looks[2].split(separator: ";").contains("1")
    )
    #expect(
      looks[5].split(separator: ";").contains("33") && looks[5].split(separator: ";").contains("1"))
  }

  @Test("COLORTERM=truecolor or --colors 24bit: Rosenbrock at 120×40 in ≥ 100 24-bit colours")
  func trueColourIsDetectedAndAskedFor() throws {
    let rosenbrock = ["render", "--color", "always", "--size", "120x40"]
    let announced = try OptiscopeProcess.run(
      rosenbrock, environment: ["COLORTERM": "truecolor", "TERM": "xterm-256color"])
    #expect(announced.status == 0)
    #expect(try trueColours(announced.stdout).count >= 100)
    #expect(!announced.stdout.contains("38;5;"))
    // Two samples a cell by default: half blocks fill most of the map.
    #expect(announced.stdout.filter { $0 == "▀" }.count >= 120 * 40 / 3)
    let asked = try OptiscopeProcess.run(
      rosenbrock + ["--colors", "24bit"], environment: ["TERM": "xterm-256color"])
    #expect(try trueColours(asked.stdout).count >= 100)
    // --colors wins over the announcement, and without either there is none.
    let capped = try OptiscopeProcess.run(
      rosenbrock + ["--colors", "256"], environment: ["COLORTERM": "24bit"])
    #expect(try trueColours(capped.stdout).isEmpty)
    #expect(capped.stdout.contains("48;5;"))
    let plain = try OptiscopeProcess.run(rosenbrock, environment: ["TERM": "xterm-256color"])
    #expect(try trueColours(plain.stdout).isEmpty)
    // --cells full: one sample a cell, no half blocks in the map.
    let full = try OptiscopeProcess.run(
      rosenbrock + ["--cells", "full"], environment: ["COLORTERM": "truecolor"])
    #expect(!full.stdout.contains("▀"))
    #expect(try trueColours(full.stdout).count >= 100)
  }

  @Test func colorAlwaysFollowsTheTerminalsDepth() throws {
    let xterm = try OptiscopeProcess.run(
      ["render", "--color", "always"] + scene, environment: ["TERM": "xterm"])
    #expect(!xterm.stdout.contains("38;5;"))
    #expect(xterm.stdout.contains("\u{1B}[0;"))
    let wide = try OptiscopeProcess.run(
      ["render", "--color", "always"] + scene, environment: ["TERM": "xterm-256color"])
    #expect(wide.stdout.contains("48;5;"))
  }

  @Test(arguments: [["LANG": "C", "LC_ALL": nil, "LC_CTYPE": nil], ["LC_ALL": "POSIX"]])
  func nonUTF8LocalePrintsOnlyASCII(locale: [String: String?]) throws {
    for extra in [["--color", "never"], ["--color", "always"], ["--layout", "split"]] {
      let result = try OptiscopeProcess.run(["render"] + scene + extra, environment: locale)
      #expect(result.status == 0)
      #expect(result.stdout.utf8.allSatisfy { $0 <= 0x7F }, "\(extra)")
      #expect(result.stdout.contains("x in [-5, 5] y in [-5, 5]"))
    }
    let themes = try OptiscopeProcess.run(["themes"], environment: locale)
    #expect(themes.stdout.utf8.allSatisfy { $0 <= 0x7F })
  }

  @Test func asciiFlagPrintsOnlyASCIIInAUTF8Locale() throws {
    let result = try OptiscopeProcess.run(
      ["render", "--ascii", "--color", "always"] + scene, environment: utf8)
    #expect(result.stdout.utf8.allSatisfy { $0 <= 0x7F })
    let unicode = try OptiscopeProcess.run(["render"] + scene, environment: utf8)
    #expect(unicode.stdout.unicodeScalars.contains { $0.value > 0x7F })
  }

  @Test func everyShippedThemeRenders() throws {
    for theme in ["default", "magma", "okabe-ito", "high-contrast", "light", "mono"] {
      let result = try OptiscopeProcess.run(
        ["render", "--theme", theme, "--color", "always", "--colors", "256"] + scene)
      #expect(result.status == 0, "\(theme): \(result.stderr)")
      #expect(result.stdout.split(separator: "\n").count == 30)
    }
    // mono draws no colour even when asked for it (attributes only).
    let mono = try OptiscopeProcess.run(
      ["render", "--theme", "mono", "--color", "always", "--colors", "256"] + scene)
    #expect(!mono.stdout.contains("38;5;") && !mono.stdout.contains("48;5;"))
  }

  @Test func themesListsEveryThemeWithAPreview() throws {
    let plain = try OptiscopeProcess.run(["themes"], environment: utf8)
    #expect(plain.status == 0)
    let lines = plain.stdout.split(separator: "\n")
    for theme in ["default", "magma", "okabe-ito", "high-contrast", "light", "mono"] {
      #expect(lines.contains { $0.hasPrefix(theme + " ") }, "\(theme) is not listed")
    }
    #expect(plain.stdout.contains("●■▲◆★✚✖◉▼◀▶"))
    #expect(plain.stdout.contains("theme folders: "))
    let coloured = try OptiscopeProcess.run(
      ["themes", "--color", "always", "--colors", "256"], environment: utf8)
    #expect(coloured.stdout.contains("\u{1B}[0;48;5;53m"))  // default's lowest band
  }

  @Test func aThemeFileByPathIsUsed() throws {
    let path = try themeFile("ramp.256 = 52 196\nramp.16 = 1 9\nramp.8 = 0 1\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try OptiscopeProcess.run(
      ["render", "--theme", path, "--color", "always", "--colors", "256"] + scene)
    #expect(result.status == 0)
    #expect(result.stdout.contains("48;5;196m"))
    #expect(!result.stdout.contains("48;5;220m"))  // the default's top band
  }

  @Test(arguments: [
    ("ramp.256 = 1 300\n", ":1: ramp.256: colour 300 is out of range 0–255"),
    ("# fine\nramps.256 = 1 2\n", ":2: ramps.256: unknown key (did you mean 'ramp.256'?)"),
    ("text 7\n", ":1: expected 'key = value', got 'text 7'"),
    ("optimizer.1 = 9 ● o\n", ": optimizer: 1 entry, need at least 11"),
  ])
  func brokenThemeFileIsRefusedInOneLine(text: String, problem: String) throws {
    let path = try themeFile(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    for command in [["render"] + scene, ["run", "--function", "himmelblau"]] {
      let result = try OptiscopeProcess.run(command + ["--theme", path])
      #expect(result.status == 1)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr == "optiscope: \(path)\(problem)\n")
    }
  }

  @Test func unknownThemeAndMissingFileAreRefused() throws {
    let unknown = try OptiscopeProcess.run(["render", "--theme", "sparkly"] + scene)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("optiscope: sparkly: no such theme (known: default, "))
    #expect(unknown.stderr.split(separator: "\n").count == 1)
    let missing = try OptiscopeProcess.run(["run", "--theme", "/no/such/dir/mine.theme"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "optiscope: /no/such/dir/mine.theme: no such file\n")
    let colors = try OptiscopeProcess.run(["render", "--colors", "12"] + scene)
    #expect(colors.status == 1)
    #expect(colors.stderr.contains("--colors must be 24bit, 256, 16 or 8, got 12"))
  }
}
