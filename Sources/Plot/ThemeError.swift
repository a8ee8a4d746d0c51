/// Why a theme file was refused: the file, the line and key where known, and what is wrong.
///
/// Printed as one line in the style of a compiler message, e.g.
/// `themes/mine.theme:12: ramp.256: 300 is out of range 0–255`, so a user
/// can jump straight to the problem.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file as the user would name it (a path, or a theme name).
  public var file: String
  /// The 1-based line, or nil for a problem of the whole file.
  public var line: Int?
  /// The key concerned, or nil for a syntax problem.
  public var key: String?
  /// What is wrong, in a few words.
  public var problem: String

  public init(file: String, line: Int? = nil, key: String? = nil, problem: String) {
    self.file = file
    self.line = line
    self.key = key
    self.problem = problem
  }

  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ": "
    if let key { text += key + ": " }
    return text + problem
  }
}
