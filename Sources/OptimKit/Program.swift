/// A compiled expression: a flat list of stack-machine instructions, evaluated without allocation.
///
/// The heatmap evaluates f at some 50,000 points per view and the race asks
/// for gradients thousands of times a second, so the tree is compiled once:
/// constant subtrees are folded, constant exponents get their own
/// instruction (see `ConstantPower`), and evaluation walks an array over a
/// stack buffer of known size. There are two loops, one for values only and
/// one for values with gradients (`Dual`), so the hot heatmap path pays
/// nothing for derivatives.
struct Program: Equatable, Sendable {
  let instructions: [Instruction]
  /// The deepest the evaluation stack gets.
  let stackSize: Int

  /// Compiles `tree`, folding its constant parts first.
  init(compiling tree: ExpressionNode) {
    var instructions: [Instruction] = []
    var stackSize = 0
    Self.emit(tree.folded, into: &instructions, depth: 0, stackSize: &stackSize)
    self.instructions = instructions
    self.stackSize = Swift.max(stackSize, 1)
  }

  /// Appends the instructions of `node`, which start with `depth` values already on the stack.
  private static func emit(
    _ node: ExpressionNode, into instructions: inout [Instruction], depth: Int,
    stackSize: inout Int
  ) {
    switch node {
    case .constant(let value):
      instructions.append(.constant(value))
      stackSize = Swift.max(stackSize, depth + 1)
    case .x:
      instructions.append(.x)
      stackSize = Swift.max(stackSize, depth + 1)
    case .y:
      instructions.append(.y)
      stackSize = Swift.max(stackSize, depth + 1)
    case .unary(let operation, let argument):
      emit(argument, into: &instructions, depth: depth, stackSize: &stackSize)
      instructions.append(.unary(operation))
    case .binary(.power, let base, .constant(let exponent)):
      emit(base, into: &instructions, depth: depth, stackSize: &stackSize)
      instructions.append(.constantPower(exponent))
    case .binary(let operation, let left, let right):
      emit(left, into: &instructions, depth: depth, stackSize: &stackSize)
      emit(right, into: &instructions, depth: depth + 1, stackSize: &stackSize)
      instructions.append(.binary(operation))
    }
  }

  /// f(x, y).
  func value(x: Double, y: Double) -> Double {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: stackSize) { stack in
      var top = -1
      for instruction in instructions {
        switch instruction {
        case .constant(let value):
          top += 1
          stack[top] = value
        case .x:
          top += 1
          stack[top] = x
        case .y:
          top += 1
          stack[top] = y
        case .unary(let operation):
          stack[top] = operation.value(stack[top])
        case .constantPower(let exponent):
          stack[top] = ConstantPower.value(stack[top], exponent)
        case .binary(let operation):
          let right = stack[top]
          top -= 1
          stack[top] = operation.value(stack[top], right)
        }
      }
      return stack[0]
    }
  }

  /// f(x, y) with its exact gradient.
  func dual(x: Double, y: Double) -> Dual {
    withUnsafeTemporaryAllocation(of: Dual.self, capacity: stackSize) { stack in
      var top = -1
      for instruction in instructions {
        switch instruction {
        case .constant(let value):
          top += 1
          stack[top] = Dual(constant: value)
        case .x:
          top += 1
          stack[top] = .x(x)
        case .y:
          top += 1
          stack[top] = .y(y)
        case .unary(let operation):
          let argument = stack[top]
          let result = operation.value(argument.value)
          stack[top] = argument.chained(
            result: result, derivative: operation.derivative(argument.value, result: result))
        case .constantPower(let exponent):
          let argument = stack[top]
          stack[top] = argument.chained(
            result: ConstantPower.value(argument.value, exponent),
            derivative: ConstantPower.derivative(argument.value, exponent))
        case .binary(let operation):
          let right = stack[top]
          top -= 1
          let left = stack[top]
          let result = operation.value(left.value, right.value)
          stack[top] = Dual.combined(
            left, right, result: result,
            partials: operation.partials(left.value, right.value, result: result))
        }
      }
      return stack[0]
    }
  }
}
