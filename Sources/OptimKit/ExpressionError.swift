/// Why an expression could not be parsed, and where: a 1-based column and a message for the user.
///
/// The column counts characters (not bytes) from the start of the text the
/// user typed, so a front end can put a caret under the culprit.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// 1-based column in the source where parsing went wrong.
  public let column: Int
  /// What went wrong, in the user's words, e.g. `expected ')'`.
  public let message: String

  public init(column: Int, message: String) {
    self.column = column
    self.message = message
  }

  /// The one-line form shown to users, e.g. `col 7: expected ')'`.
  public var description: String { "col \(column): \(message)" }
}
