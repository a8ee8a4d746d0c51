// A libFuzzer target for the expression language: parse, compile, evaluate.
//
// Built by scripts/fuzz, not by the package: this file is compiled together
// with Sources/OptimKit/*.swift into one module with -sanitize=fuzzer,address,
// so it sees OptimKit's internals and the main build stays untouched.

/// Points where every parsed expression is evaluated: ordinary ones, kinks,
/// singularities, and extremes that provoke overflow and underflow.
let fuzzPoints: [Point] = [
  Point(x: 0, y: 0), Point(x: 1, y: -1), Point(x: -1.5, y: 2), Point(x: 0.5, y: 0.25),
  Point(x: 1e300, y: -1e-300), Point(x: -1e-320, y: 1e308), Point(x: .pi, y: -.pi),
]

/// Stops the fuzzer with a message: the input broke a property.
func fuzzFailure(_ message: String, _ source: String) -> Never {
  fatalError("\(message) for input \(source.debugDescription)")
}

/// Whether two doubles are the same number, counting every NaN as the same.
func sameNumber(_ a: Double, _ b: Double) -> Bool {
  a == b || (a.isNaN && b.isNaN)
}

/// One fuzz input: the bytes as UTF-8 text (invalid sequences become U+FFFD, as a
/// terminal would show them); any crash, hang or broken property is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func expressionFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let expression: Expression
  do {
    expression = try Expression(parsing: source)
  } catch {
    guard (1...(source.count + 1)).contains(error.column) else {
      fuzzFailure("column \(error.column) outside 1...\(source.count + 1)", source)
    }
    guard !error.message.isEmpty, !error.description.contains(where: \.isNewline) else {
      fuzzFailure("message \(error.description.debugDescription) is not one line", source)
    }
    return 0
  }
  for point in fuzzPoints {
    let value = expression.value(at: point)
    let (dualValue, _) = expression.valueAndGradient(at: point)
    // Both loops run the same operations, so they must agree to the bit.
    guard sameNumber(value, dualValue) else {
      fuzzFailure("value \(value) but valueAndGradient \(dualValue) at \(point)", source)
    }
  }
  return 0
}
