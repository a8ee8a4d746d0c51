import LibC
import RealModule
import Testing

@testable import OptimKit

/// `Double.power` is C's `pow` on top of RealModule: bit-identical for every pair of
/// corner values, where RealModule's own `Double.pow` differs (negative bases, 0⁰).
@Suite struct DoublePowerTests {
  static let corners: [Double] = [
    0, -0.0, 1, -1, 2, -2, 0.5, -0.5, 3, -3, 2.5, -2.5, 1e-300, -1e-300, 1e300, -1e300,
    0x1p53, -0x1p53, 0x1p53 + 2, 0x1p52 + 1, -(0x1p52 + 1), 1e20, -1e20, 7, -7, 0.1, -0.1,
    .infinity, -.infinity, .nan, -.nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1.0 / 3.0, -(1.0 / 3.0),
  ]

  @Test func matchesCsPowBitForBit() {
    var checked = 0
    for x in Self.corners {
      for y in Self.corners {
        let c = LibC.pow(x, y)
        let ours = Double.power(x, y)
        #expect(
          ours.bitPattern == c.bitPattern || (ours.isNaN && c.isNaN),
          "pow(\(x), \(y)): C \(c), ours \(ours)")
        checked += 1
      }
    }
    #expect(checked == Self.corners.count * Self.corners.count)
  }

  @Test func realModulesPowIsNotCsForNegativeBases() {
    // Why `Double.power` exists: these would change torch-exact results.
    #expect(Double.pow(-2.0, 3.0).isNaN)
    #expect(Double.pow(0.0, 0.0).isNaN)
    #expect(Double.power(-2, 3) == -8)
    #expect(Double.power(0, 0) == 1)
    #expect(Double.power(-.infinity, 0.5) == .infinity)
  }
}
