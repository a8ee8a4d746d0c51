/// One key of a theme file: its name, what it sets, the kind of value it takes,
/// and how it applies that value to a theme.
///
/// The list of keys (`ThemeFile.keys`) is the file format's single source:
/// the parser looks keys up in it, and the tests check that every shipped
/// theme sets each one.
public struct ThemeKey: Sendable {
  public let name: String
  /// What the key controls, for documentation.
  public let meaning: String
  /// The kind of value, e.g. "colour" or "glyphs".
  public let valueKind: String
  let apply: @Sendable (inout Theme, String) throws -> Void

  init(
    _ name: String, _ meaning: String, _ valueKind: String,
    apply: @escaping @Sendable (inout Theme, String) throws -> Void
  ) {
    self.name = name
    self.meaning = meaning
    self.valueKind = valueKind
    self.apply = apply
  }
}
