/// A function of x and y typed by the user, parsed once and compiled for fast evaluation
/// with exact gradients.
///
/// The language: numbers (`2`, `.5`, `1e-3`), `x`, `y`, `pi`, `e`,
/// `+ - * /`, `^` or `**` (right-associative, tighter than unary minus),
/// parentheses, and the functions listed in `functionNames`. Gradients come
/// from forward-mode automatic differentiation with torch's conventions at
/// kinks, so they agree with `torch.autograd`.
///
/// Two expressions are equal when their source text is equal.
public struct Expression: Objective, Hashable, Sendable, CustomStringConvertible {
  /// The text as the user typed it.
  public let source: String
  let program: Program

  /// Parses and compiles `source`; throws an `ExpressionError` with a column and a message.
  public init(parsing source: String) throws(ExpressionError) {
    let tree = try ExpressionParser.parse(source)
    self.source = source
    self.program = Program(compiling: tree)
  }

  /// The functions the language offers, in the order of the documentation.
  public static let functionNames: [String] =
    UnaryOperation.allCases.compactMap(\.functionName)
    + BinaryOperation.allCases.compactMap(\.functionName)

  /// f(x, y); NaN or ±∞ where f is undefined or overflows.
  public func value(at point: Point) -> Double {
    program.value(x: point.x, y: point.y)
  }

  /// f(x, y) with its exact gradient; components are NaN or ±∞ where the derivative is.
  public func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    let result = program.dual(x: point.x, y: point.y)
    return (result.value, Point(x: result.dx, y: result.dy))
  }

  /// f(x, y) with its exact gradient and Hessian (second-order forward mode, `HyperDual`).
  public func valueGradientAndHessian(at point: Point) -> (
    value: Double, gradient: Point, hessian: Hessian
  ) {
    let r = program.hyperDual(x: point.x, y: point.y)
    return (r.value, Point(x: r.dx, y: r.dy), Hessian(xx: r.dxx, xy: r.dxy, yy: r.dyy))
  }

  /// Whether f depends on y at all: an expression in x alone is a function of one variable.
  public var mentionsY: Bool { program.instructions.contains(.y) }

  public var description: String { source }

  public static func == (a: Expression, b: Expression) -> Bool { a.source == b.source }

  public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
