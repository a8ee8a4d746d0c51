import Foundation
import Testing

@testable import OptimKit

/// The fast, deterministic sibling of the libFuzzer target in Fuzz/: thousands of generated
/// and mutated inputs, each either parsed and evaluated consistently or refused with a
/// one-line error at a column inside the input.
@Suite struct ExpressionFuzzTests {
  /// The seed corpus committed for libFuzzer, read from the repository.
  static let corpus: [[UInt8]] = {
    let directory = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz/corpus/expression")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().compactMap {
      (try? Data(contentsOf: directory.appendingPathComponent($0))).map { Array($0) }
    }
  }()

  static let points = [
    Point(x: 0, y: 0), Point(x: 1, y: -1), Point(x: -1.5, y: 2), Point(x: 1e300, y: -1e-300),
  ]

  /// The properties every input must have (the same as the libFuzzer target's): parsed and
  /// evaluated with values and gradients agreeing, or refused in one line at a column
  /// within 1...(length + 1). Returns the expression when it parsed.
  @discardableResult
  static func check(_ source: String) -> OptimKit.Expression? {
    do {
      let expression = try Expression(parsing: source)
      for point in points {
        let value = expression.value(at: point)
        let dual = expression.valueAndGradient(at: point).value
        #expect(
          value == dual || (value.isNaN && dual.isNaN),
          "\(source.debugDescription) at \(point): \(value) vs \(dual)")
      }
      return expression
    } catch {
      #expect(
        (1...(source.count + 1)).contains(error.column),
        "\(source.debugDescription): \(error)")
      #expect(!error.message.isEmpty, "\(source.debugDescription)")
      let oneLine = !error.description.contains { $0.isNewline }
      #expect(oneLine, "\(source.debugDescription): \(error.description.debugDescription)")
      return nil
    }
  }

  @Test func corpusIsPresentAndCoversBothOutcomes() {
    #expect(Self.corpus.count >= 40)
    let parsed = Self.corpus.filter { Self.check(String(decoding: $0, as: UTF8.self)) != nil }
    #expect(parsed.count >= 20)
    #expect(parsed.count < Self.corpus.count)
  }

  @Test func everyCatalogFunctionIsInTheCorpus() {
    let texts = Set(Self.corpus.map { String(decoding: $0, as: UTF8.self) })
    for function in TestFunction.catalog {
      let present = texts.contains(function.expression.source)
      #expect(present, "\(function.name) is missing from Fuzz/corpus/expression")
    }
  }

  /// Byte mutations of the corpus, like libFuzzer's: flips, inserts, deletions,
  /// duplicated runs and splices of two seeds, decoded as UTF-8 the way the target does.
  @Test func mutatedCorpusInputsKeepTheProperties() throws {
    try #require(!Self.corpus.isEmpty)
    var random = SplitMix64(seed: 0xF022_0007)
    let interesting: [UInt8] = Array("()^*+-/,.eE0123456789xy ".utf8) + [0, 0xFF, 0xC3, 0xE2, 0x80]
    for _ in 0..<3_000 {
      var bytes = Self.corpus[random.next(below: Self.corpus.count)]
      for _ in 0...random.next(below: 4) {
        let at = bytes.isEmpty ? 0 : random.next(below: bytes.count)
        switch random.next(below: 6) {
        case 0 where !bytes.isEmpty:
          bytes[at] ^= UInt8(1 << random.next(below: 8))
        case 1:
          bytes.insert(interesting[random.next(below: interesting.count)], at: at)
        case 2 where !bytes.isEmpty:
          bytes.remove(at: at)
        case 3 where !bytes.isEmpty:
          let end = min(bytes.count, at + 1 + random.next(below: 8))
          bytes.insert(contentsOf: bytes[at..<end], at: at)
        case 4:
          let other = Self.corpus[random.next(below: Self.corpus.count)]
          let cut = other.isEmpty ? 0 : random.next(below: other.count)
          bytes = Array(bytes[..<at]) + other[cut...]
        default:
          bytes.insert(UInt8(random.next(below: 256)), at: at)
        }
      }
      Self.check(String(decoding: bytes, as: UTF8.self))
    }
  }

  /// Grammar-generated expressions written with as few parentheses as precedence allows
  /// must parse, and mean exactly what the fully parenthesised form means.
  @Test func generatedExpressionsParseAndRespectPrecedence() throws {
    var random = SplitMix64(seed: 0x6EA3_3A77)
    for _ in 0..<2_000 {
      let tree = GeneratedExpression.random(depth: 5, using: &random)
      let minimal = tree.rendered(parenthesised: false, using: &random)
      let explicit = tree.rendered(parenthesised: true, using: &random)
      let lean = try #require(Self.check(minimal), "\(minimal.debugDescription) must parse")
      let full = try #require(Self.check(explicit), "\(explicit.debugDescription) must parse")
      for point in Self.points + [Point(x: 0.7, y: 0.3)] {
        let a = lean.valueAndGradient(at: point)
        let b = full.valueAndGradient(at: point)
        for (u, v) in [
          (a.value, b.value), (a.gradient.x, b.gradient.x), (a.gradient.y, b.gradient.y),
        ] {
          #expect(u == v || (u.isNaN && v.isNaN), "\(minimal) vs \(explicit) at \(point)")
        }
      }
    }
  }

  /// Valid expressions spoiled by one defect are refused, never accepted or crashed on.
  @Test func generatedExpressionsWithADefectAreRefused() {
    var random = SplitMix64(seed: 0xBAD0_5EED)
    let defects = ["(", ")", "^", "*", "/", ",", "$", "²", "sin", "2x", "..", "1e999", "z"]
    var refused = 0
    for _ in 0..<1_500 {
      let tree = GeneratedExpression.random(depth: 4, using: &random)
      var characters = Array(tree.rendered(parenthesised: false, using: &random))
      let defect = defects[random.next(below: defects.count)]
      characters.insert(contentsOf: defect, at: random.next(below: characters.count + 1))
      if Self.check(String(characters)) == nil { refused += 1 }
    }
    // Some insertions still form valid text ("x^2" + "*" + "y"...), most must not.
    #expect(refused > 1_000)
  }
}

/// A random expression tree for the property tests, rendered with minimal or full parentheses.
indirect enum GeneratedExpression {
  case number(Double)
  case variable(String)
  case negate(GeneratedExpression)
  case binary(Character, GeneratedExpression, GeneratedExpression)
  case call(String, [GeneratedExpression])

  static let unaryFunctions = [
    "sin", "cos", "tan", "atan", "tanh", "exp", "log", "sqrt", "abs", "sigmoid", "softplus", "relu",
  ]
  static let binaryFunctions = ["min", "max", "pow", "atan2"]

  static func random(depth: Int, using random: inout SplitMix64) -> GeneratedExpression {
    if depth == 0 || random.next(below: 4) == 0 {
      switch random.next(below: 4) {
      case 0: return .variable("x")
      case 1: return .variable("y")
      case 2: return .variable(["pi", "e"][random.next(below: 2)])
      default: return .number([0, 0.5, 1, 2, 3, 10, 1e-3, 2.5e2][random.next(below: 8)])
      }
    }
    let next = depth - 1
    switch random.next(below: 9) {
    case 0: return .negate(Self.random(depth: next, using: &random))
    case 1:
      let name = unaryFunctions[random.next(below: unaryFunctions.count)]
      return .call(name, [Self.random(depth: next, using: &random)])
    case 2:
      let name = binaryFunctions[random.next(below: binaryFunctions.count)]
      return .call(
        name, [Self.random(depth: next, using: &random), Self.random(depth: next, using: &random)])
    default:
      let operation = Array("+-*/^")[random.next(below: 5)]
      return .binary(
        operation, Self.random(depth: next, using: &random),
        Self.random(depth: next, using: &random))
    }
  }

  /// 1 for + and -, 2 for * and /, 3 for unary minus, 4 for powers, 5 for atoms and calls.
  var precedence: Int {
    switch self {
    case .number, .variable, .call: return 5
    case .negate: return 3
    case .binary(let operation, _, _):
      switch operation {
      case "+", "-": return 1
      case "*", "/": return 2
      default: return 4
      }
    }
  }

  /// The text of the tree, with every group parenthesised or only those precedence needs,
  /// and randomly varied spelling (spaces, `^` or `**`, number forms).
  func rendered(parenthesised: Bool, using random: inout SplitMix64) -> String {
    func wrap(_ child: GeneratedExpression, when needed: Bool) -> String {
      let text = child.rendered(parenthesised: parenthesised, using: &random)
      let atom = child.precedence == 5
      return (parenthesised && !atom) || needed ? "(" + text + ")" : text
    }
    let space = [" ", "", "  ", "\t"][random.next(below: 4)]
    switch self {
    case .number(let value):
      switch (value, random.next(below: 3)) {
      case (0.5, 0): return ".5"
      case (2.5e2, 0): return "2.5e2"
      case (1e-3, 0): return "1E-3"
      case (1, 1): return "1."
      default: return value.description
      }
    case .variable(let name):
      return name
    case .negate(let child):
      return "-" + wrap(child, when: child.precedence < 3)
    case .call(let name, let arguments):
      let texts = arguments.map { $0.rendered(parenthesised: parenthesised, using: &random) }
      return name + "(" + texts.joined(separator: "," + space) + ")"
    case .binary(let operation, let left, let right):
      let level = precedence
      let leftText: String
      let rightText: String
      if operation == "^" {
        // Right-associative and tighter than unary minus: (-a)^b, (a^b)^c, a^-b, a^b^c.
        leftText = wrap(left, when: left.precedence <= 4)
        rightText = wrap(right, when: right.precedence < 3)
      } else {
        leftText = wrap(left, when: left.precedence < level)
        rightText = wrap(right, when: right.precedence <= level)
      }
      let symbol = operation == "^" && random.next(below: 2) == 0 ? "**" : String(operation)
      return leftText + space + symbol + space + rightText
    }
  }
}
