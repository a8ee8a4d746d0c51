import App
import FoundationEssentials
import Plot

/// The themes optiscope can find, wherever it runs from.
///
/// Theme files (`NAME.theme`) are looked for in these folders, first match
/// of a name winning:
/// 1. `themes/` in the current directory (your own, or the source tree when
///    run from it);
/// 2. `$XDG_CONFIG_HOME/optiscope/themes` (default `~/.config/optiscope/themes`);
/// 3. `../share/optiscope/themes` next to the executable (an installed copy);
/// 4. the `themes/` folder of the source tree the program was built from.
///
/// The built-in default is always there too, so a missing folder never
/// stops the program. `--theme` also takes a path to a file anywhere.
///
/// Lives outside App because it reads folders, files and the environment: App
/// receives the chosen `ThemeChoice`s as data, and a `ThemeLookup` (`select`)
/// for the theme a scene file or log names.
public struct ThemeCatalog: Sendable {
  /// The folders searched, in order (only those that exist).
  public let folders: [String]
  /// Every theme found: `default` first, then the others by name.
  public let choices: [ThemeChoice]

  /// Files larger than this are refused rather than read (a theme is a few kilobytes).
  static let maximumFileSize = 1 << 20

  /// Loads every theme file in `folders`.
  public init(folders: [String]) {
    let listing = Self.listing(folders)
    self.folders = listing.folders
    choices = listing.themes.map { theme in
      theme.path.map { ThemeChoice(name: theme.name, path: $0, result: Self.load(path: $0)) }
        ?? .builtIn
    }
  }

  /// The theme files in `folders`, found but not read: the folders that exist, and
  /// each theme's name and file (nil for the built-in default), `default` first, then
  /// the others by name; of two files of one name, the earlier folder's.
  static func listing(_ folders: [String]) -> (
    folders: [String], themes: [(name: String, path: String?)]
  ) {
    var seenFolders: [String] = []
    var found: [String: String?] = [:]
    let files = FileManager.default
    for folder in folders {
      let resolved = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
      var isFolder = false
      guard files.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder,
        !seenFolders.contains(resolved)
      else { continue }
      seenFolders.append(resolved)
      let names = (try? files.contentsOfDirectory(atPath: resolved)) ?? []
      for file in names.sorted() where file.hasSuffix("." + ThemeFile.fileExtension) {
        let name = String(file.dropLast(ThemeFile.fileExtension.count + 1))
        guard !name.isEmpty, found[name] == nil else { continue }
        found[name] = .some(Self.path(folder, file))
      }
    }
    if found[Theme.standard.name] == nil { found[Theme.standard.name] = .some(nil) }
    let themes = found.map { (name: $0.key, path: $0.value) }.sorted { a, b in
      if (a.name == Theme.standard.name) != (b.name == Theme.standard.name) {
        return a.name == Theme.standard.name
      }
      return a.name < b.name
    }
    return (seenFolders, themes)
  }

  /// The folders of the search order for this process.
  public static func standardFolders(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    executable: String? = runningExecutable
  ) -> [String] {
    var folders = [path(currentDirectory, "themes")]
    if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
      folders.append(path(config, "optiscope/themes"))
    } else if let home = environment["HOME"], !home.isEmpty {
      folders.append(path(home, ".config/optiscope/themes"))
    }
    if let executable {
      let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
      folders.append(
        binary.deletingLastPathComponent().appendingPathComponent("../share/optiscope/themes")
          .standardizedFileURL.path)
    }
    folders.append(sourceTreeFolder)
    return folders
  }

  /// The running program's file, where the system says (Linux's `/proc/self/exe`), else
  /// as it was started.
  public static var runningExecutable: String? {
    FileManager.default.fileExists(atPath: "/proc/self/exe")
      ? "/proc/self/exe" : CommandLine.arguments.first
  }

  /// `name` inside `folder`: joined with one "/".
  static func path(_ folder: String, _ name: String) -> String {
    folder.isEmpty || folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// `themes/` of the source tree this file was compiled from.
  public static let sourceTreeFolder: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Runtime
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()  // the package
    .appendingPathComponent("themes").path

  /// The catalog of the standard folders.
  public static func standard() -> ThemeCatalog {
    ThemeCatalog(folders: standardFolders())
  }

  /// The one theme `nameOrPath` names (the default when nil), as a list of one, read
  /// without loading the other theme files: for commands that draw with one theme and
  /// never cycle, such as `record` and `render`, which start faster for it.
  ///
  /// Gives the theme that `select` (or `defaultSelection`) gives on the whole
  /// catalog: the folders are listed the same way and the same rule picks a
  /// name; only the chosen file is read.
  public static func only(_ nameOrPath: String?, folders: [String] = standardFolders())
    throws(ThemeError) -> (choices: [ThemeChoice], index: Int)
  {
    if let nameOrPath, looksLikePath(nameOrPath) {
      let choice = ThemeChoice(
        name: themeName(ofPath: nameOrPath), path: nameOrPath, result: load(path: nameOrPath))
      if case .failure(let error) = choice.result { throw error }
      return ([choice], 0)
    }
    // The catalog's choice among the files' names, only that one file read.
    let themes = listing(folders).themes
    guard let nameOrPath else {
      // As `defaultSelection`: the default file, or the built-in one when it is broken.
      guard let path = themes.first(where: { $0.name == Theme.standard.name })?.path ?? nil
      else { return ([.builtIn], 0) }
      let choice = ThemeChoice(name: Theme.standard.name, path: path, result: load(path: path))
      return (choice.theme == nil ? [.builtIn] : [choice], 0)
    }
    // As `select`: the first name that matches, ignoring case.
    guard let chosen = themes.first(where: { $0.name.lowercased() == nameOrPath.lowercased() })
    else {
      let known = themes.map(\.name).joined(separator: ", ")
      throw ThemeError(file: nameOrPath, problem: "no such theme (known: \(known))")
    }
    guard let path = chosen.path else { return ([.builtIn], 0) }
    let choice = ThemeChoice(name: chosen.name, path: path, result: load(path: path))
    if case .failure(let error) = choice.result { throw error }
    return ([choice], 0)
  }

  /// Reads one theme file; its name is the file name without `.theme`.
  public static func load(path: String) -> Result<Theme, ThemeError> {
    let name = themeName(ofPath: path)
    let files = FileManager.default
    var isFolder = false
    guard files.fileExists(atPath: path, isDirectory: &isFolder) else {
      return .failure(ThemeError(file: path, problem: "no such file"))
    }
    guard !isFolder else {
      return .failure(ThemeError(file: path, problem: "is a folder, not a theme file"))
    }
    // Checked before reading: a huge file would be read whole only to be refused, and
    // a pipe or device named `x.theme` is no theme (it said only "cannot be read").
    let attributes = (try? files.attributesOfItem(atPath: path)) ?? [:]
    guard attributes[.type] as? FileAttributeType == .typeRegular else {
      return .failure(ThemeError(file: path, problem: "is not a regular file"))
    }
    let size = (attributes[.size] as? Int) ?? (attributes[.size] as? UInt64).map(Int.init) ?? 0
    guard size <= maximumFileSize else {
      return .failure(
        ThemeError(file: path, problem: "is \(size) bytes; a theme file is at most 1 MiB"))
    }
    guard let data = files.contents(atPath: path) else {
      return .failure(ThemeError(file: path, problem: "cannot be read"))
    }
    guard data.count <= maximumFileSize else {
      return .failure(
        ThemeError(file: path, problem: "is \(data.count) bytes; a theme file is at most 1 MiB"))
    }
    // A byte-order mark, as some editors write, is not part of the text.
    let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(data.dropFirst(3)) : Array(data)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(ThemeError(file: path, problem: "is not UTF-8 text"))
    }
    do {
      return .success(try ThemeFile.parse(text, file: path, name: name))
    } catch {
      return .failure(error)
    }
  }

  /// The theme name a file gives: its name without folder and `.theme`.
  static func themeName(ofPath path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    let suffix = "." + ThemeFile.fileExtension
    return file.hasSuffix(suffix) && file.count > suffix.count
      ? String(file.dropLast(suffix.count)) : file
  }

  /// Whether `--theme` text names a file rather than a theme.
  static func looksLikePath(_ text: String) -> Bool {
    text.contains("/") || text.hasSuffix("." + ThemeFile.fileExtension)
  }

  /// The themes `t` cycles through with the default theme current; the built-in
  /// default joins the list when a themes folder's `default.theme` is broken.
  public var defaultSelection: (choices: [ThemeChoice], index: Int) {
    if let index = choices.firstIndex(where: { $0.name == Theme.standard.name && $0.theme != nil })
    {
      return (choices, index)
    }
    return ([.builtIn] + choices, 0)
  }

  /// The themes `t` cycles through with `nameOrPath` current: a name from the
  /// catalog, or a file (which joins the list, replacing a theme of its name).
  ///
  /// Throws the file's own error when the chosen theme is broken, or says
  /// which themes exist when there is none of that name.
  public func select(_ nameOrPath: String) throws(ThemeError) -> (
    choices: [ThemeChoice], index: Int
  ) {
    var list = choices
    if Self.looksLikePath(nameOrPath) {
      let choice = ThemeChoice(
        name: Self.themeName(ofPath: nameOrPath), path: nameOrPath,
        result: Self.load(path: nameOrPath))
      if case .failure(let error) = choice.result { throw error }
      if let same = list.firstIndex(where: { $0.name == choice.name }) {
        list[same] = choice
        return (list, same)
      }
      list.append(choice)
      return (list, list.count - 1)
    }
    return try ThemeChoice.select(nameOrPath, among: list)
  }
}
