import RealModule

/// Turns the text of an expression into a syntax tree by recursive descent, or explains
/// in one line, with a column, why it cannot.
///
/// Grammar, loosest binding first (as in Python):
///
///     expression := term (('+' | '-') term)*
///     term       := unary (('*' | '/') unary)*
///     unary      := ('+' | '-') unary | power
///     power      := primary (('^' | '**') unary)?
///     primary    := number | name | name '(' arguments ')' | '(' expression ')'
///
/// so `^` binds tighter than unary minus (`-x^2` is `-(x^2)`), is
/// right-associative (`2^3^2` is `2^9`) and takes a signed exponent (`2^-x`).
/// Nesting is capped so that hostile input cannot exhaust the stack.
struct ExpressionParser {
  /// The deepest nesting of parentheses, signs and exponents accepted.
  static let maximumDepth = 64

  /// What a name stands for.
  enum Meaning: Equatable, Sendable {
    case value(ExpressionNode)
    case unary(UnaryOperation)
    case binary(BinaryOperation)

    var arity: Int? {
      switch self {
      case .value: return nil
      case .unary: return 1
      case .binary: return 2
      }
    }
  }

  /// Every name the language knows: the variables, the constants and the functions.
  static let names: [String: Meaning] = {
    var names: [String: Meaning] = [
      "x": .value(.x), "y": .value(.y), "pi": .value(.constant(Double.pi)),
      "e": .value(.constant(2.718281828459045)),
    ]
    for operation in UnaryOperation.allCases {
      if let name = operation.functionName { names[name] = .unary(operation) }
    }
    for operation in BinaryOperation.allCases {
      if let name = operation.functionName { names[name] = .binary(operation) }
    }
    return names
  }()

  /// Names from other notations, suggested when typed: `ln` is `log` here.
  private static let aliases = [
    "ln": "log", "arcsin": "asin", "arccos": "acos", "arctan": "atan", "power": "pow",
    "absolute": "abs", "sgn": "abs", "minimum": "min", "maximum": "max", "euler": "e",
  ]

  private let tokens: [ExpressionToken]
  private var position = 0
  private var depth = 0

  private init(tokens: [ExpressionToken]) {
    self.tokens = tokens
  }

  /// The syntax tree of `source`.
  static func parse(_ source: String) throws(ExpressionError) -> ExpressionNode {
    let tokens = try ExpressionLexer.tokens(of: source)
    guard let first = tokens.first, first.kind != .end else {
      throw ExpressionError(column: 1, message: "empty expression")
    }
    var parser = ExpressionParser(tokens: tokens)
    let tree = try parser.expression()
    let next = parser.current
    switch next.kind {
    case .end:
      return tree
    case .closeParenthesis:
      throw ExpressionError(column: next.column, message: "unmatched ')'")
    default:
      throw parser.missingOperator(before: next)
    }
  }

  private var current: ExpressionToken { tokens[Swift.min(position, tokens.count - 1)] }

  private var previous: ExpressionToken? { position > 0 ? tokens[position - 1] : nil }

  private mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  /// Sums and differences of terms.
  private mutating func expression() throws(ExpressionError) -> ExpressionNode {
    try leftAssociative([(.plus, .add), (.minus, .subtract)]) { parser throws(ExpressionError) in
      try parser.term()
    }
  }

  /// Products and quotients of signed factors.
  private mutating func term() throws(ExpressionError) -> ExpressionNode {
    try leftAssociative([(.times, .multiply), (.divide, .divide)]) {
      parser throws(ExpressionError) in try parser.unary()
    }
  }

  /// One precedence level of left-associative operators: `operand (operator operand)*`,
  /// with the operation each of the level's operator tokens stands for.
  private mutating func leftAssociative(
    _ operators: [(token: ExpressionToken.Kind, operation: BinaryOperation)],
    operand: (inout ExpressionParser) throws(ExpressionError) -> ExpressionNode
  ) throws(ExpressionError) -> ExpressionNode {
    var tree = try operand(&self)
    while let next = operators.first(where: { $0.token == current.kind })?.operation {
      advance()
      tree = .binary(next, tree, try operand(&self))
    }
    return tree
  }

  private mutating func unary() throws(ExpressionError) -> ExpressionNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw ExpressionError(
        column: current.column,
        message: "expression is nested too deeply (more than \(Self.maximumDepth) levels)")
    }
    switch current.kind {
    case .minus:
      advance()
      return .unary(.negate, try unary())
    case .plus:
      advance()
      return try unary()
    default:
      return try power()
    }
  }

  private mutating func power() throws(ExpressionError) -> ExpressionNode {
    let base = try primary()
    guard current.kind == .power else { return base }
    advance()
    return .binary(.power, base, try unary())
  }

  private mutating func primary() throws(ExpressionError) -> ExpressionNode {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return .constant(value)
    case .openParenthesis:
      advance()
      let inner = try expression()
      try expect(.closeParenthesis, message: "expected ')'")
      return inner
    case .name(let name):
      advance()
      guard let meaning = Self.names[name] else {
        throw ExpressionError(column: token.column, message: Self.unknownNameMessage(name))
      }
      switch meaning {
      case .value(let node):
        return node
      case .unary(let operation):
        let arguments = try call(name, at: token, arity: 1)
        return .unary(operation, arguments[0])
      case .binary(let operation):
        let arguments = try call(name, at: token, arity: 2)
        return .binary(operation, arguments[0], arguments[1])
      }
    case .end:
      let after = previous.map { " after '\($0.text)'" } ?? ""
      throw ExpressionError(column: token.column, message: "expected a value\(after)")
    default:
      throw ExpressionError(
        column: token.column, message: "expected a value, found \(token.quoted)")
    }
  }

  /// The arguments of a call to the function `name`, exactly `arity` of them.
  private mutating func call(
    _ name: String, at nameToken: ExpressionToken, arity: Int
  ) throws(ExpressionError) -> [ExpressionNode] {
    let open = current
    guard open.kind == .openParenthesis else {
      throw ExpressionError(column: open.column, message: "expected '(' after '\(name)'")
    }
    advance()
    var arguments: [ExpressionNode] = []
    if current.kind != .closeParenthesis {
      // Each argument counts as a level of nesting, like a parenthesised group.
      arguments.append(try expression())
      while current.kind == .comma {
        advance()
        arguments.append(try expression())
      }
    }
    try expect(.closeParenthesis, message: arity == 1 ? "expected ')'" : "expected ',' or ')'")
    guard arguments.count == arity else {
      let noun = arity == 1 ? "argument" : "arguments"
      throw ExpressionError(
        column: open.column, message: "\(name) takes \(arity) \(noun), got \(arguments.count)")
    }
    return arguments
  }

  private mutating func expect(
    _ kind: ExpressionToken.Kind, message: String
  ) throws(ExpressionError) {
    guard current.kind == kind else {
      if current.kind != .end, current.startsOperand, kind == .closeParenthesis {
        throw missingOperator(before: current)
      }
      throw ExpressionError(column: current.column, message: message)
    }
    advance()
  }

  /// The error for an operand that follows another operand with nothing between them.
  private func missingOperator(before token: ExpressionToken) -> ExpressionError {
    if token.startsOperand {
      return ExpressionError(
        column: token.column,
        message: "missing operator before \(token.quoted) (use '*' to multiply)")
    }
    return ExpressionError(column: token.column, message: "unexpected \(token.quoted)")
  }

  /// "unknown name 'z'", with a suggestion when a known name is close.
  static func unknownNameMessage(_ name: String) -> String {
    let message = "unknown name '\(name)'"
    if let suggestion = suggestion(for: name) {
      return message + " (did you mean '\(suggestion)'?)"
    }
    if name.count > 1, name.allSatisfy({ "xye".contains($0) }) {
      let product = name.map(String.init).joined(separator: "*")
      return message + " (use '*' to multiply: \(product))"
    }
    return message
  }

  /// The known name the user most likely meant, if one is close enough to be a typo.
  static func suggestion(for name: String) -> String? {
    let lowered = name.lowercased()
    if names[lowered] != nil { return lowered }
    if let alias = aliases[lowered] { return alias }
    guard name.count >= 3 else { return nil }
    let allowed = name.count >= 6 ? 2 : 1
    var best: (name: String, distance: Int)?
    for known in names.keys.sorted() where known.count >= 2 {
      let distance = EditDistance.between(lowered, known)
      if distance <= allowed, distance < (best?.distance ?? Int.max) {
        best = (known, distance)
      }
    }
    return best?.name
  }

}
