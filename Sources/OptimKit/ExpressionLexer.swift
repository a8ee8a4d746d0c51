/// Splits the text of an expression into tokens, refusing anything the language does not know.
///
/// Works on `Character`s so that columns match what the user sees, whatever
/// the input holds (unicode, control characters, NUL).
struct ExpressionLexer {
  /// The longest expression accepted; far beyond anything typed by hand, and it bounds
  /// the work (and the recursion of later stages) spent on hostile input.
  static let maximumLength = 1000

  private let characters: [Character]
  private var index = 0

  private init(_ source: String) {
    characters = Array(source)
  }

  /// The tokens of `source`, always ending with an `.end` token.
  static func tokens(of source: String) throws(ExpressionError) -> [ExpressionToken] {
    // Count unicode scalars first: cheap, and an upper bound of the character count.
    if source.unicodeScalars.count > maximumLength, source.count > maximumLength {
      throw ExpressionError(
        column: maximumLength + 1,
        message: "expression is too long (more than \(maximumLength) characters)")
    }
    var lexer = ExpressionLexer(source)
    var tokens: [ExpressionToken] = []
    while let token = try lexer.next() {
      tokens.append(token)
    }
    tokens.append(ExpressionToken(kind: .end, column: lexer.characters.count + 1, text: ""))
    return tokens
  }

  /// The next token, or nil at the end of the input.
  private mutating func next() throws(ExpressionError) -> ExpressionToken? {
    while index < characters.count, characters[index].isWhitespace {
      index += 1
    }
    guard index < characters.count else { return nil }
    let start = index
    let character = characters[index]
    let column = start + 1

    if character.isASCIIDigit || character == "." {
      return try number(from: start)
    }
    if character.isASCIILetter || character == "_" {
      while index < characters.count,
        characters[index].isASCIILetter || characters[index].isASCIIDigit
          || characters[index] == "_"
      {
        index += 1
      }
      let name = String(characters[start..<index])
      return ExpressionToken(kind: .name(name), column: column, text: name)
    }

    index += 1
    let kind: ExpressionToken.Kind
    switch character {
    case "+": kind = .plus
    case "-": kind = .minus
    case "/": kind = .divide
    case "^": kind = .power
    case "(": kind = .openParenthesis
    case ")": kind = .closeParenthesis
    case ",": kind = .comma
    case "*":
      if index < characters.count, characters[index] == "*" {
        index += 1
        return ExpressionToken(kind: .power, column: column, text: "**")
      }
      kind = .times
    default:
      throw ExpressionError(column: column, message: Self.unexpected(character))
    }
    return ExpressionToken(kind: kind, column: column, text: String(character))
  }

  /// A number: digits with at most one decimal point, then an optional exponent
  /// (`1e-3`, `1E+3`). An `e` not followed by digits is left for the name `e`.
  private mutating func number(from start: Int) throws(ExpressionError) -> ExpressionToken {
    var points = 0
    while index < characters.count, characters[index].isASCIIDigit || characters[index] == "." {
      if characters[index] == "." { points += 1 }
      index += 1
    }
    if index < characters.count, characters[index] == "e" || characters[index] == "E" {
      var digitsStart = index + 1
      if digitsStart < characters.count,
        characters[digitsStart] == "+" || characters[digitsStart] == "-"
      {
        digitsStart += 1
      }
      if digitsStart < characters.count, characters[digitsStart].isASCIIDigit {
        index = digitsStart
        while index < characters.count, characters[index].isASCIIDigit {
          index += 1
        }
      }
    }
    let text = String(characters[start..<index])
    let hasDigit = characters[start..<index].contains { $0.isASCIIDigit }
    guard points <= 1, hasDigit, let value = Double(text) else {
      throw ExpressionError(column: start + 1, message: "malformed number '\(text)'")
    }
    guard value.isFinite else {
      throw ExpressionError(column: start + 1, message: "number '\(text)' is too large")
    }
    return ExpressionToken(kind: .number(value), column: start + 1, text: text)
  }

  /// The message for a character the language does not use, with a hint for the
  /// look-alikes people paste from formulas (`−`, `×`, `²`, `π`).
  private static func unexpected(_ character: Character) -> String {
    let hints: [Character: String] = [
      "−": "-", "–": "-", "×": "*", "·": "*", "⋅": "*", "÷": "/", "²": "^2", "³": "^3",
      "π": "pi", "√": "sqrt(...)", "[": "(", "]": ")", "{": "(", "}": ")",
    ]
    let shown: String
    if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
      scalar.properties.generalCategory == .control || scalar.value == 0x7F
    {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      shown = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    } else {
      shown = "'\(character)'"
    }
    if let hint = hints[character] {
      return "unexpected character \(shown) (use '\(hint)')"
    }
    return "unexpected character \(shown)"
  }
}

extension Character {
  /// `0`...`9` only: `Character.isNumber` also accepts other scripts' digits and fractions.
  fileprivate var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }

  /// `a`...`z` and `A`...`Z` only.
  fileprivate var isASCIILetter: Bool {
    asciiValue.map { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) } ?? false
  }
}
