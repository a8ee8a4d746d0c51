import App
import Foundation
import Plot
import Runtime
import Testing

/// Finding theme files in folders and choosing one by name or path, as the runtime does
/// before App gets the themes as data.
@Suite struct ThemeCatalogTests {
  /// A scratch folder holding theme files; removed by `clean()`.
  private struct Folder {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-themes-\(UUID().uuidString)")

    init(_ files: [String: String]) throws {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      for (name, text) in files {
        try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
    }

    var path: String { url.path }
    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
    func clean() { try? FileManager.default.removeItem(at: url) }
  }

  private let warm =
    "description = warm\nramp.256 = 52 88 124 160 196\nramp.16 = 0 1 9\nramp.8 = 0 1"
  private let cold = "description = cold\nramp.256 = 17 18 19 20 21\nramp.16 = 0 4 12\nramp.8 = 0 4"
  private let broken = "description = broken\n\nramp.256 = 17 18 300"

  @Test func catalogListsDefaultFirstAndKeepsBrokenFilesWithTheirReason() throws {
    let folder = try Folder([
      "warm.theme": warm, "cold.theme": cold, "broken.theme": broken, "notes.txt": "x",
    ])
    defer { folder.clean() }
    let catalog = ThemeCatalog(folders: [folder.path, "/no/such/folder"])
    #expect(catalog.choices.map(\.name) == ["default", "broken", "cold", "warm"])
    #expect(catalog.choices[0].path == nil)  // the built-in one
    #expect(catalog.folders.count == 1)
    #expect(catalog.choices[2].theme?.summary == "cold")
    guard case .failure(let error) = catalog.choices[1].result else {
      Issue.record("the broken theme loaded")
      return
    }
    #expect(
      error.description
        == "\(folder.file("broken.theme")):3: ramp.256: colour 300 is out of range 0–255")
  }

  @Test func earlierFoldersWin() throws {
    let mine = try Folder(["warm.theme": cold])
    let installed = try Folder(["warm.theme": warm, "default.theme": cold])
    defer {
      mine.clean()
      installed.clean()
    }
    let catalog = ThemeCatalog(folders: [mine.path, installed.path])
    #expect(catalog.choices.first { $0.name == "warm" }?.theme?.summary == "cold")
    // A default.theme on disk takes the built-in default's place.
    #expect(catalog.choices.first { $0.name == "default" }?.theme?.summary == "cold")
    #expect(catalog.choices.filter { $0.name == "default" }.count == 1)
  }

  @Test func selectByNameOrPath() throws {
    let folder = try Folder(["warm.theme": warm, "broken.theme": broken])
    let elsewhere = try Folder(["cold.theme": cold])
    defer {
      folder.clean()
      elsewhere.clean()
    }
    let catalog = ThemeCatalog(folders: [folder.path])
    let byName = try catalog.select("WARM")
    #expect(byName.choices[byName.index].name == "warm")
    let byPath = try catalog.select(elsewhere.file("cold.theme"))
    #expect(byPath.choices[byPath.index].theme?.summary == "cold")
    #expect(byPath.choices.count == catalog.choices.count + 1)
    #expect(throws: ThemeError.self) { try catalog.select("broken") }
    do {
      _ = try catalog.select("nosuch")
      Issue.record("an unknown theme was accepted")
    } catch {
      #expect(error.description == "nosuch: no such theme (known: default, broken, warm)")
    }
    do {
      _ = try catalog.select(folder.file("missing.theme"))
      Issue.record("a missing file was accepted")
    } catch {
      #expect(error.description == "\(folder.file("missing.theme")): no such file")
    }
  }

  @Test func onlyReadsTheSameThemeTheCatalogSelects() throws {
    let mine = try Folder(["warm.theme": cold, "broken.theme": broken])
    let installed = try Folder(["warm.theme": warm, "default.theme": cold, "cold.theme": cold])
    let brokenDefault = try Folder(["default.theme": broken])
    let elsewhere = try Folder(["cold.theme": cold])
    let capitalised = try Folder(["Warm.theme": cold])
    defer {
      for folder in [mine, installed, brokenDefault, elsewhere, capitalised] { folder.clean() }
    }
    /// What the headless commands draw with, and what the live program starts with.
    func both(_ nameOrPath: String?, _ folders: [String]) -> (only: String, catalog: String) {
      func describe(_ selection: () throws(ThemeError) -> (choices: [ThemeChoice], index: Int))
        -> String
      {
        do {
          let chosen = try selection()
          let choice = chosen.choices[chosen.index]
          return "\(choice.name) \(choice.path ?? "built in") \(choice.theme?.summary ?? "-")"
        } catch {
          return "refused: \(error)"
        }
      }
      let catalog = ThemeCatalog(folders: folders)
      return (
        describe { () throws(ThemeError) in try ThemeCatalog.only(nameOrPath, folders: folders) },
        describe { () throws(ThemeError) in
          try nameOrPath.map { name throws(ThemeError) in try catalog.select(name) }
            ?? catalog.defaultSelection
        }
      )
    }
    let cases: [(String?, [String])] = [
      (nil, [mine.path, installed.path]), (nil, [mine.path]), (nil, [brokenDefault.path]),
      ("warm", [mine.path, installed.path]), ("WARM", [mine.path, installed.path]),
      ("cold", [mine.path, installed.path]), ("broken", [mine.path]),
      ("nosuch", [mine.path, installed.path]), ("default", [brokenDefault.path]),
      ("default", [mine.path]), (elsewhere.file("cold.theme"), [mine.path]),
      (mine.file("missing.theme"), [mine.path]),
      // "Warm" sorts before "warm", and the catalog takes the first that matches.
      ("warm", [capitalised.path, installed.path]), ("warm", [installed.path, capitalised.path]),
    ]
    for (nameOrPath, folders) in cases {
      let (only, catalog) = both(nameOrPath, folders)
      #expect(only == catalog, "\(nameOrPath ?? "nil") in \(folders)")
    }
    // The cases differ from each other: the comparison above is not of empty answers.
    #expect(both("warm", [mine.path, installed.path]).only.hasSuffix(" cold"))
    #expect(both(nil, [brokenDefault.path]).only == "default built in \(Theme.standard.summary)")
    #expect(both("nosuch", [mine.path]).only.hasPrefix("refused: nosuch: no such theme"))
  }

  @Test func unreadableFilesAreRefusedWithAReason() throws {
    let folder = try Folder([:])
    defer { folder.clean() }
    try Data([0x72, 0x61, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: folder.file("bad.theme")))
    #expect(
      ThemeCatalog.load(path: folder.file("bad.theme")).failureDescription
        == "\(folder.file("bad.theme")): is not UTF-8 text")
    #expect(
      ThemeCatalog.load(path: folder.path).failureDescription
        == "\(folder.path): is a folder, not a theme file")
  }
}

extension Result where Failure == ThemeError {
  fileprivate var failureDescription: String? {
    if case .failure(let error) = self { return error.description }
    return nil
  }
}
