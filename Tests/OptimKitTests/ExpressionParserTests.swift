import Foundation
import Testing

@testable import OptimKit

/// Parsing: precedence, associativity, numbers, names, functions, and errors with columns.
@Suite struct ExpressionParserTests {
  private func value(_ source: String, x: Double = 0, y: Double = 0) throws -> Double {
    try Expression(parsing: source).value(at: Point(x: x, y: y))
  }

  @Test(arguments: [
    ("2^3^2", 0.0, 512.0),
    ("2**3**2", 0.0, 512.0),
    ("-x^2", 3.0, -9.0),
    ("-2^2", 0.0, -4.0),
    ("2*-3", 0.0, -6.0),
    ("2^-x", 1.0, 0.5),
    ("2^-1^2", 0.0, 0.5),
    ("(-2)^2", 0.0, 4.0),
    ("1e-3", 0.0, 0.001),
    ("1E+3", 0.0, 1000.0),
    ("2.5e2", 0.0, 250.0),
    (".5", 0.0, 0.5),
    ("5.", 0.0, 5.0),
    ("2+3*4", 0.0, 14.0),
    ("(2+3)*4", 0.0, 20.0),
    ("8/4/2", 0.0, 1.0),
    ("10-4-3", 0.0, 3.0),
    ("2*3^2", 0.0, 18.0),
    ("--x", 7.0, 7.0),
    ("+x - -x", 2.0, 4.0),
    ("  x\t+\n1  ", 2.0, 3.0),
    ("x**2 / 4", 4.0, 4.0),
  ])
  func precedenceAndAssociativity(source: String, x: Double, expected: Double) throws {
    #expect(try value(source, x: x) == expected)
  }

  @Test func constantsAndVariables() throws {
    #expect(try value("e") == M_E)
    #expect(try value("2*e") == 2 * M_E)
    #expect(try value("pi") == Double.pi)
    #expect(try value("x - 2*y", x: 1.5, y: 4) == -6.5)
    #expect(try value("e^x", x: 1) == pow(M_E, 1))
    #expect(try value("1e-3*e") == 0.001 * M_E)
  }

  @Test func everyFunctionMatchesFoundation() throws {
    let a = 0.3
    let b = -1.7
    let expected: [(String, Double)] = [
      ("sin(x)", sin(a)), ("cos(x)", cos(a)), ("tan(x)", tan(a)), ("asin(x)", asin(a)),
      ("acos(x)", acos(a)), ("atan(x)", atan(a)), ("sinh(x)", sinh(a)), ("cosh(x)", cosh(a)),
      ("tanh(x)", tanh(a)), ("exp(x)", exp(a)), ("log(x)", log(a)), ("sqrt(x)", sqrt(a)),
      ("abs(y)", 1.7), ("sigmoid(x)", 1 / (1 + exp(-a))), ("sigmoid(y)", 1 / (1 + exp(1.7))),
      ("softplus(x)", log(1 + exp(a))), ("softplus(y)", log(1 + exp(b))), ("relu(x)", a),
      ("relu(y)", 0), ("min(x, y)", b), ("max(x, y)", a), ("pow(x, y)", pow(a, b)),
      ("atan2(y, x)", atan2(b, a)), ("x^y", pow(a, b)), ("x^1.5", pow(a, 1.5)),
    ]
    #expect(Set(expected.map { String($0.0.prefix { $0 != "(" }) }).isSuperset(of: Expression.functionNames))
    for (source, wanted) in expected {
      let got = try value(source, x: a, y: b)
      #expect(abs(got - wanted) <= 1e-15 * max(1, abs(wanted)), "\(source): \(got) vs \(wanted)")
    }
  }

  @Test func softplusFollowsTorchThreshold() throws {
    #expect(try value("softplus(x)", x: 30) == 30)
    #expect(try value("softplus(x)", x: 20) == log1p(exp(20)))
    #expect(try value("softplus(x)", x: -800) == 0)
  }

  @Test func undefinedPointsGiveNaNOrInfinityNotATrap() throws {
    #expect(try value("sqrt(x)", x: -1).isNaN)
    #expect(try value("log(x)", x: 0) == -.infinity)
    #expect(try value("1/x", x: 0) == .infinity)
    #expect(try value("exp(x)", x: 1000) == .infinity)
    #expect(try value("asin(x)", x: 2).isNaN)
    #expect(try value("max(x, y)", x: .nan, y: 1).isNaN)
    #expect(try value("relu(x)", x: .nan).isNaN)
    #expect(try value("sigmoid(x)", x: -1000) == 0)
    #expect(try value("sigmoid(x)", x: 1000) == 1)
  }

  @Test(arguments: [
    ("", 1, "empty expression"),
    ("   ", 1, "empty expression"),
    ("z", 1, "unknown name 'z'"),
    ("x + z", 5, "unknown name 'z'"),
    ("sine(x)", 1, "unknown name 'sine' (did you mean 'sin'?)"),
    ("ln(x)", 1, "unknown name 'ln' (did you mean 'log'?)"),
    ("X", 1, "unknown name 'X' (did you mean 'x'?)"),
    ("xy", 1, "unknown name 'xy' (use '*' to multiply: x*y)"),
    ("2x", 2, "missing operator before 'x' (use '*' to multiply)"),
    ("2 3", 3, "missing operator before '3' (use '*' to multiply)"),
    ("x (y)", 3, "missing operator before '(' (use '*' to multiply)"),
    ("sin(x, y)", 4, "sin takes 1 argument, got 2"),
    ("sin()", 4, "sin takes 1 argument, got 0"),
    ("max(x)", 4, "max takes 2 arguments, got 1"),
    ("atan2(x, y, 1)", 6, "atan2 takes 2 arguments, got 3"),
    ("(x + y", 7, "expected ')'"),
    ("x*(1+sin(x)", 12, "expected ')'"),
    ("max(x, y", 9, "expected ',' or ')'"),
    ("sin x", 5, "expected '(' after 'sin'"),
    ("x + y)", 6, "unmatched ')'"),
    ("x +", 4, "expected a value after '+'"),
    ("x ^", 4, "expected a value after '^'"),
    ("*x", 1, "expected a value, found '*'"),
    ("x^^2", 3, "expected a value, found '^'"),
    ("x***2", 4, "expected a value, found '*'"),
    ("()", 2, "expected a value, found ')'"),
    ("x,y", 2, "unexpected ','"),
    ("x $ y", 3, "unexpected character '$'"),
    ("x − y", 3, "unexpected character '−' (use '-')"),
    ("x²", 2, "unexpected character '²' (use '^2')"),
    ("x\u{0}", 2, "unexpected character U+0000"),
    ("é", 1, "unexpected character 'é'"),
    ("1.2.3", 1, "malformed number '1.2.3'"),
    ("x + .", 5, "malformed number '.'"),
    ("1e999", 1, "number '1e999' is too large"),
  ])
  func malformedInputGetsColumnAndMessage(source: String, column: Int, message: String) {
    #expect(throws: ExpressionError(column: column, message: message)) {
      try Expression(parsing: source)
    }
  }

  @Test func errorDescriptionIsOneLineWithColumn() {
    let error = ExpressionError(column: 7, message: "expected ')'")
    #expect(error.description == "col 7: expected ')'")
    #expect(throws: ExpressionError.self) { try Expression(parsing: "sin(") }
  }

  @Test func hostileSizesAreRefusedOrHandledWithoutCrashing() throws {
    let long = String(repeating: "x+", count: 600) + "x"
    #expect(throws: ExpressionError(column: 1001, message: "expression is too long (more than 1000 characters)")) {
      try Expression(parsing: long)
    }
    let deep = String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
    #expect(throws: ExpressionError(column: 65, message: "expression is nested too deeply (more than 64 levels)")) {
      try Expression(parsing: deep)
    }
    #expect(throws: ExpressionError.self) { try Expression(parsing: String(repeating: "-", count: 900) + "x") }
    #expect(throws: ExpressionError.self) { try Expression(parsing: String(repeating: "x^", count: 400) + "x") }
    #expect(throws: ExpressionError.self) { try Expression(parsing: String(repeating: "sin(", count: 200) + "x") }
    // A long flat sum is fine: it is not nested, only long.
    let sum = try Expression(parsing: String(repeating: "1+", count: 499) + "x")
    #expect(sum.value(at: Point(x: 1, y: 0)) == 500)
    #expect(sum.valueAndGradient(at: Point(x: 1, y: 0)).gradient == Point(x: 1, y: 0))
    let nested = try Expression(parsing: String(repeating: "(", count: 63) + "x" + String(repeating: ")", count: 63))
    #expect(nested.value(at: Point(x: 2, y: 0)) == 2)
  }

  @Test func sourceIsKeptAndEqualityFollowsIt() throws {
    let a = try Expression(parsing: "x + y")
    #expect(a.source == "x + y")
    #expect(a.description == "x + y")
    #expect(a == (try Expression(parsing: "x + y")))
    #expect(a != (try Expression(parsing: "x+y")))
    // Folded NaN constants must not break equality.
    let undefined = try Expression(parsing: "sqrt(-1) + x")
    #expect(undefined == (try Expression(parsing: "sqrt(-1) + x")))
  }

  /// Random and mutated inputs: every one either parses and evaluates, or gives an error whose
  /// column lies within the input (or just past it); none crashes or hangs.
  @Test func randomAndMutatedInputsNeverCrash() {
    var random = SplitMix64(seed: 0x5EED_2024)
    let pieces = [
      "x", "y", "e", "pi", "1", "2.5", ".5", "1e-3", "1e", "+", "-", "*", "/", "^", "**", "(", ")",
      ",", " ", "sin", "max", "atan2", "sqrt", "log", "relu", "z", "é", "−", "\u{0}", "😀", "\t",
      "e+", "9e9", "..", "_a",
    ]
    let seeds = TestFunction.catalog.map(\.expression.source) + ["sin(x, y)", "max(x,y)^-x"]
    var parsed = 0
    for round in 0..<4000 {
      var source: String
      if round % 2 == 0 {
        source = (0..<random.next(below: 12)).map { _ in pieces[random.next(below: pieces.count)] }
          .joined()
      } else {
        var characters = Array(seeds[random.next(below: seeds.count)])
        for _ in 0...random.next(below: 3) where !characters.isEmpty {
          let at = random.next(below: characters.count)
          switch random.next(below: 3) {
          case 0: characters.remove(at: at)
          case 1: characters.insert(contentsOf: pieces[random.next(below: pieces.count)], at: at)
          default: characters.swapAt(at, random.next(below: characters.count))
          }
        }
        source = String(characters)
      }
      do {
        let expression = try Expression(parsing: source)
        parsed += 1
        for point in [Point(x: 0, y: 0), Point(x: -1.5, y: 2), Point(x: 1e300, y: -1e-300)] {
          _ = expression.value(at: point)
          _ = expression.valueAndGradient(at: point)
        }
      } catch {
        #expect(error.column >= 1 && error.column <= source.count + 1, "\(source): \(error)")
        #expect(!error.message.isEmpty)
      }
    }
    #expect(parsed > 100, "the generator should also produce valid expressions")
  }
}

/// A small deterministic random number generator, so property-style tests are repeatable.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// Uniform in [low, high).
  mutating func next(in low: Double, _ high: Double) -> Double {
    low + (high - low) * Double(next() >> 11) / Double(1 << 53)
  }
}
