/// A number the expression interpreter can compute with: a plain `Double`, a `Dual`
/// (value and gradient) or a `HyperDual` (value, gradient and Hessian).
///
/// `Program` evaluates its instructions once, generically, over this protocol;
/// each conforming type says how one operation acts on it given the operation's
/// value and derivatives at the argument's value, which the operations compute
/// on doubles. Calls are specialized per type, so `Double` pays nothing for
/// derivatives.
protocol ExpressionScalar {
  /// A constant: no dependence on x or y.
  init(constant: Double)
  /// The variable x at `value`.
  static func x(_ value: Double) -> Self
  /// The variable y at `value`.
  static func y(_ value: Double) -> Self
  /// f(self) for a function of one argument.
  func applying(_ operation: UnaryOperation) -> Self
  /// self^c for a constant exponent c (see `ConstantPower`).
  func raised(toConstant exponent: Double) -> Self
  /// f(a, b) for a function of two arguments.
  static func combining(_ a: Self, _ b: Self, by operation: BinaryOperation) -> Self
}

extension Double: ExpressionScalar {
  @inline(__always) init(constant: Double) { self = constant }
  @inline(__always) static func x(_ value: Double) -> Double { value }
  @inline(__always) static func y(_ value: Double) -> Double { value }
  @inline(__always) func applying(_ operation: UnaryOperation) -> Double { operation.value(self) }
  @inline(__always) func raised(toConstant exponent: Double) -> Double {
    ConstantPower.value(self, exponent)
  }
  @inline(__always) static func combining(_ a: Double, _ b: Double, by operation: BinaryOperation)
    -> Double
  { operation.value(a, b) }
}

extension Dual: ExpressionScalar {
  @inline(__always) func applying(_ operation: UnaryOperation) -> Dual {
    let result = operation.value(value)
    return chained(result: result, derivative: operation.derivative(value, result: result))
  }
  @inline(__always) func raised(toConstant exponent: Double) -> Dual {
    chained(
      result: ConstantPower.value(value, exponent),
      derivative: ConstantPower.derivative(value, exponent))
  }
  @inline(__always) static func combining(_ a: Dual, _ b: Dual, by operation: BinaryOperation)
    -> Dual
  {
    let result = operation.value(a.value, b.value)
    return combined(
      a, b, result: result, partials: operation.partials(a.value, b.value, result: result))
  }
}

extension HyperDual: ExpressionScalar {
  @inline(__always) func applying(_ operation: UnaryOperation) -> HyperDual {
    let result = operation.value(value)
    return chained(
      result: result,
      first: operation.derivative(value, result: result),
      second: operation.secondDerivative(value, result: result))
  }
  @inline(__always) func raised(toConstant exponent: Double) -> HyperDual {
    chained(
      result: ConstantPower.value(value, exponent),
      first: ConstantPower.derivative(value, exponent),
      second: ConstantPower.secondDerivative(value, exponent))
  }
  @inline(__always) static func combining(
    _ a: HyperDual, _ b: HyperDual, by operation: BinaryOperation
  ) -> HyperDual {
    let result = operation.value(a.value, b.value)
    let first = operation.partials(a.value, b.value, result: result)
    let second = operation.secondPartials(a.value, b.value, result: result)
    return combined(
      a, b, result: result,
      partials: Partials(a: first.0, b: first.1, aa: second.0, ab: second.1, bb: second.2))
  }
}
