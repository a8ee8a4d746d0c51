import Plot

/// One theme the user can pick: its name, where it came from, and the theme
/// itself or why its file was refused.
///
/// A broken file stays in the list (so `optiscope themes` can show what is
/// wrong with it and `t` can say so) instead of silently disappearing.
public struct ThemeChoice: Sendable {
  /// The name `--theme` and `t` know it by: the file name without `.theme`.
  public var name: String
  /// The file it was read from, or nil for the built-in default.
  public var path: String?
  /// The theme, or why its file was refused.
  public var result: Result<Theme, ThemeError>

  public init(name: String, path: String?, result: Result<Theme, ThemeError>) {
    self.name = name
    self.path = path
    self.result = result
  }

  /// The built-in default theme, always available.
  public static let builtIn = ThemeChoice(
    name: Theme.standard.name, path: nil, result: .success(.standard))

  /// The theme when its file loaded.
  public var theme: Theme? { try? result.get() }

  /// Where it came from, as shown to the user.
  public var origin: String { path ?? "built in" }

  /// The themes `t` cycles through with `name` (ignoring case) current, among `choices`.
  ///
  /// Throws the file's own error when that theme is broken, or says which
  /// themes exist when there is none of that name. The rule `--theme NAME`,
  /// a scene file's `theme` line and a log's header all follow.
  public static func select(_ name: String, among choices: [ThemeChoice]) throws(ThemeError) -> (
    choices: [ThemeChoice], index: Int
  ) {
    guard
      let index = choices.firstIndex(where: { $0.name.lowercased() == name.lowercased() })
    else {
      let known = choices.map(\.name).joined(separator: ", ")
      throw ThemeError(file: name, problem: "no such theme (known: \(known))")
    }
    if case .failure(let error) = choices[index].result { throw error }
    return (choices, index)
  }

  /// A `ThemeLookup` that knows only the built-in default: for logs and scenes replayed
  /// without the runtime's catalog (tests, mostly).
  public static func builtInOnly(_ name: String) throws(ThemeError) -> (
    choices: [ThemeChoice], index: Int
  ) {
    try select(name, among: [.builtIn])
  }
}
