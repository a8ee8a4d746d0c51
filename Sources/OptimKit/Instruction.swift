/// One step of a compiled expression: a stack-machine instruction.
///
/// Operands are popped from and results pushed onto a small stack whose size
/// the compiler knows in advance, so evaluation needs no allocation.
enum Instruction: Equatable, Sendable {
  /// Push a constant.
  case constant(Double)
  /// Push x.
  case x
  /// Push y.
  case y
  /// Replace the top of the stack a by f(a).
  case unary(UnaryOperation)
  /// Pop b, replace the new top a by f(a, b).
  case binary(BinaryOperation)
  /// Replace the top of the stack a by a^c for a constant c.
  case constantPower(Double)
}
