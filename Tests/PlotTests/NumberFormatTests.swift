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

  @Test(arguments: [1, 3, 4, 6, 17])
  func compactMatchesFoundation(digits: Int) {
    for value in Self.values {
      #expect(
        NumberFormat.compact(value, digits: digits) == String(format: "%.\(digits)g", value),
        "\(value)")
    }
  }

  @Test func nonFiniteValuesAreWords() {
    #expect(NumberFormat.scientific(.nan) == "nan")
    #expect(NumberFormat.compact(.infinity) == "inf")
    #expect(NumberFormat.compact(-.infinity) == "-inf")
  }
}
