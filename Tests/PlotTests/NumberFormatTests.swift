import Foundation
import Testing

@testable import Plot

/// NumberFormat writes what Foundation's `String(format:)` writes, only faster.
@Suite struct NumberFormatTests {
  /// Values across the whole range of doubles, with the awkward ones: rounding
  /// carries (9.995), subnormals, the largest double, negative zero.
  static let values: [Double] = {
    var values: [Double] = [
      0, -0.0, 1, -1, 0.05, 1e-5, 2, 9.995, 9.9995, 0.00099999, 123_456.789, -2.5e-300,
      Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 1e308, 0.1 + 0.2,
    ]
    var state: UInt64 = 42
    for _ in 0..<500 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      values.append(Double(bitPattern: state >> 1 | 0x0010_0000_0000_0000 & ~(1 << 62)))
      values.append(Double(Int64(bitPattern: state) >> 20) * 1e-6)
    }
    return values.filter(\.isFinite)
  }()

  @Test func scientificMatchesFoundation() {
    for value in Self.values {
      #expect(NumberFormat.scientific(value) == String(format: "%.2e", value), "\(value)")
    }
  }

  /// The arithmetic "%.2e" agrees with printf on values of every size, on round decimals
  /// (which sit near halfway once scaled) and on exact binary ties such as 1.125, and it
  /// leaves printf only the few it cannot be sure of.
  @Test func arithmeticScientificMatchesPrintf() {
    var values: [Double] = [1.125, 2.375, -9.875, 0.0625, 1005, 99.95, 999.5, 1e-290, 1e290]
    var state: UInt64 = 7
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    for _ in 0..<20_000 {
      let exponent = Double(next() % 580) - 290
      let mantissa = 1 + Double(next() % 1_000_000) / 1_000_000 * 9
      values.append((next() % 2 == 0 ? 1 : -1) * mantissa * pow(10, exponent))
      values.append(Double(next() % 100_000) / 1000 * pow(10, Double(next() % 40) - 20))
      values.append(Double(next() % 4096) / 8)
    }
    var leftToPrintf = 0
    for value in values {
      let expected = String(format: "%.2e", value)
      #expect(NumberFormat.scientific(value) == expected, "\(value)")
      if let arithmetic = NumberFormat.roundedScientific(value) {
        #expect(arithmetic == expected, "\(value)")
      } else {
        leftToPrintf += 1
      }
    }
    // Most are worked out in arithmetic (the round decimals and binary ties above are many).
    #expect(leftToPrintf < values.count / 10)
  }

  @Test(arguments: [1, 3, 4, 6, 17])
  func compactMatchesFoundation(digits: Int) {
    for value in Self.values {
      #expect(
        NumberFormat.compact(value, digits: digits) == String(format: "%.\(digits)g", value),
        "\(value)")
    }
  }

  @Test("non-finite values are words a user reads, never nan or inf")
  func nonFiniteValuesAreWords() {
    #expect(NumberFormat.scientific(.nan) == "undefined")
    #expect(NumberFormat.scientific(.infinity) == "overflows")
    #expect(NumberFormat.compact(.infinity) == "overflows")
    #expect(NumberFormat.compact(-.infinity) == "overflows")
    #expect(NumberFormat.compact(.nan) == "undefined")
  }
}
