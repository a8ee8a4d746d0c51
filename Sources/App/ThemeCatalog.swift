import FoundationEssentials
import OptimKit
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
public struct ThemeCatalog: Sendable {
  /// The folders searched, in order (only those that exist).
  public let folders: [String]
  /// Every theme found: `default` first, then the others by name.
  public let choices: [ThemeChoice]

  /// Files larger than this are refused rather than read (a theme is a few kilobytes).
  static let maximumFileSize = 1 << 20

  /// Loads every theme file in `folders`.
  public init(folders: [String]) {
    var seenFolders: [String] = []
    var found: [String: ThemeChoice] = [:]
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
        let path = Self.path(folder, file)
        found[name] = ThemeChoice(name: name, path: path, result: Self.load(path: path))
      }
    }
    if found[Theme.standard.name] == nil { found[Theme.standard.name] = .builtIn }
    self.folders = seenFolders
    choices = found.values.sorted { a, b in
      if (a.name == Theme.standard.name) != (b.name == Theme.standard.name) {
        return a.name == Theme.standard.name
      }
      return a.name < b.name
    }
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
    .deletingLastPathComponent()  // App
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
  /// catalog. A name no file has exactly (a different case, or no such theme)
  /// is looked up in the whole catalog, for its case-insensitive match or the
  /// list of known themes.
  public static func only(_ nameOrPath: String?, folders: [String] = standardFolders())
    throws(ThemeError) -> (choices: [ThemeChoice], index: Int)
  {
    if let nameOrPath, looksLikePath(nameOrPath) {
      let choice = ThemeChoice(
        name: themeName(ofPath: nameOrPath), path: nameOrPath, result: load(path: nameOrPath))
      if case .failure(let error) = choice.result { throw error }
      return ([choice], 0)
    }
    let name = nameOrPath ?? Theme.standard.name
    for folder in folders {
      let path = Self.path(folder, name + "." + ThemeFile.fileExtension)
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let choice = ThemeChoice(name: name, path: path, result: load(path: path))
      switch choice.result {
      case .success: return ([choice], 0)
      // As in `defaultSelection`: a broken default.theme gives way to the built-in one.
      case .failure where nameOrPath == nil: return ([.builtIn], 0)
      case .failure(let error): throw error
      }
    }
    guard nameOrPath != nil else { return ([.builtIn], 0) }
    let selection = try ThemeCatalog(folders: folders).select(name)
    return ([selection.choices[selection.index]], 0)
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
    guard let data = files.contents(atPath: path) else {
      return .failure(ThemeError(file: path, problem: "cannot be read"))
    }
    guard data.count <= maximumFileSize else {
      return .failure(
        ThemeError(file: path, problem: "is \(data.count) bytes; a theme file is at most 1 MiB"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
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
    guard
      let index = list.firstIndex(where: { $0.name.lowercased() == nameOrPath.lowercased() })
    else {
      let known = list.map(\.name).joined(separator: ", ")
      throw ThemeError(file: nameOrPath, problem: "no such theme (known: \(known))")
    }
    if case .failure(let error) = list[index].result { throw error }
    return (list, index)
  }
}
