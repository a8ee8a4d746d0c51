/// The syntax tree of a parsed expression, before it is compiled into a `Program`.
///
/// Kept small on purpose: constants, the two variables, and operations of one
/// or two arguments. `pi` and `e` are constants by the time they get here.
indirect enum ExpressionNode: Equatable, Sendable {
  case constant(Double)
  case x
  case y
  case unary(UnaryOperation, ExpressionNode)
  case binary(BinaryOperation, ExpressionNode, ExpressionNode)

  /// The value when the node involves neither x nor y, after folding its constant parts.
  var constantValue: Double? {
    if case .constant(let value) = self { return value }
    return nil
  }

  /// The same tree with every subtree that involves neither x nor y replaced by its value.
  ///
  /// Folding uses the very functions evaluation uses, so a folded constant
  /// equals what evaluation would have computed, bit for bit.
  var folded: ExpressionNode {
    switch self {
    case .constant, .x, .y:
      return self
    case .unary(let operation, let argument):
      let argument = argument.folded
      if let a = argument.constantValue { return .constant(operation.value(a)) }
      return .unary(operation, argument)
    case .binary(let operation, let left, let right):
      let left = left.folded
      let right = right.folded
      if let a = left.constantValue, let b = right.constantValue {
        return .constant(operation.value(a, b))
      }
      return .binary(operation, left, right)
    }
  }
}
