/// One lexical unit of an expression, with the column where it starts.
///
/// The parser needs the column of every token to point its errors at the
/// right character, and the original text to quote it back to the user.
struct ExpressionToken: Equatable, Sendable {
  /// The kinds of token the expression language knows.
  enum Kind: Equatable, Sendable {
    case number(Double)
    case name(String)
    case plus, minus, times, divide
    /// `^` or `**`: both spell exponentiation.
    case power
    case openParenthesis, closeParenthesis, comma
    /// The end of the input; its column is one past the last character.
    case end
  }

  let kind: Kind
  /// 1-based column of the token's first character.
  let column: Int
  /// The token as typed, used to quote it in messages.
  let text: String

  /// Whether this token can begin an operand, which makes it a sign of a missing operator
  /// when it follows a complete operand (`2x`, `x y`, `x (y)`).
  var startsOperand: Bool {
    switch kind {
    case .number, .name, .openParenthesis: return true
    default: return false
    }
  }

  /// How the token is quoted in an error message.
  var quoted: String { kind == .end ? "end of input" : "'\(text)'" }
}
