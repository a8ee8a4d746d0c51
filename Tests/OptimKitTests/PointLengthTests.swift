import Testing

@testable import OptimKit

/// `Point.length` of huge vectors is finite when the length is (the key storm showed "|∇f| inf").
@Suite struct PointLengthTests {
  @Test func hugeCoordinatesHaveAFiniteLength() {
    #expect(Point(x: 1e308, y: 0).length == 1e308)
    #expect(abs(Point(x: -3e200, y: 4e200).length - 5e200) <= 5e200 * 1e-15)
    let largest = Point(x: .greatestFiniteMagnitude, y: .greatestFiniteMagnitude).length
    #expect(largest == .infinity)  // √2 · max really is beyond the doubles
    #expect(Point(x: 1e154, y: 1e154).length.isFinite)
  }

  @Test func ordinaryLengthsAreThePlainFormula() {
    for (x, y) in [(3.0, 4.0), (0.1, 0.2), (-1e-5, 7e3), (1e150, 1e150), (0, 0)] {
      #expect(Point(x: x, y: y).length == (x * x + y * y).squareRoot())
    }
  }

  @Test func nonFiniteCoordinatesKeepTheirMeaning() {
    #expect(Point(x: .infinity, y: 1).length == .infinity)
    #expect(Point(x: .nan, y: 1).length.isNaN)
  }
}
