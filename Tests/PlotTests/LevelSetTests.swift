import Foundation
import OptimKit
import Testing

@testable import Plot

/// The same functions as scripts/levels-reference.py, in the same operation order.
private let referenceCases:
  [(name: String, objective: FunctionObjective, view: ViewBox, size: (Int, Int))] = [
    (
      "sphere", FunctionObjective { x, y in x * x + y * y },
      ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2), (7, 5)
    ),
    (
      "rosenbrock",
      FunctionObjective { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) },
      ViewBox(xMin: -2, xMax: 2, yMin: -1, yMax: 3), (40, 20)
    ),
    (
      "ramp", FunctionObjective { x, _ in max(0.0, x) },
      ViewBox(xMin: -1, xMax: 1, yMin: -1, yMax: 1), (6, 4)
    ),
    (
      "rootAndLine", FunctionObjective { x, y in (x >= 0 ? x.squareRoot() : .nan) + y },
      ViewBox(xMin: -1, xMax: 1, yMin: -1, yMax: 1), (8, 6)
    ),
    (
      "saddle", FunctionObjective { x, y in x * x / 10 - y * y / 10 },
      ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2), (30, 10)
    ),
    (
      "tilted", FunctionObjective { x, y in 3 * x - 2 * y + 0.5 },
      ViewBox(xMin: -1, xMax: 2, yMin: 0, yMax: 1.5), (11, 3)
    ),
  ]

@Suite struct LevelSetTests {
  @Test func quantileFractionsMatchNumpy() {
    #expect(LevelSet.quantileFractions == LevelsReference.quantileFractions)
  }

  @Test(arguments: referenceCases.map(\.name))
  func levelsMatchNumpy(name: String) throws {
    let testCase = try #require(referenceCases.first { $0.name == name })
    let points = Heatmap.samplePoints(
      view: testCase.view, columns: testCase.size.0, rows: testCase.size.1)
    let levels = LevelSet(samples: points.map { testCase.objective.value(at: $0) })
    let expected = try #require(LevelsReference.levels[name])
    #expect(levels.values == expected)
  }

  @Test func duplicateQuantilesAreKeptOnce() {
    // 12 of 16 samples are 0: the low quantiles all coincide.
    let samples = Array(repeating: 0.0, count: 12) + [1, 2, 3, 4]
    let levels = LevelSet(samples: samples)
    #expect(levels.values.first == 0)
    #expect(levels.values.filter { $0 == 0 }.count == 1)
    #expect(levels.values == levels.values.sorted())
    #expect(Set(levels.values).count == levels.values.count)
  }

  @Test func quantileInterpolatesLinearlyBetweenOrderStatistics() {
    // h = (n − 1) q = 3 × 0.5 = 1.5 → halfway between 20 and 30.
    #expect(LevelSet.quantile(sorted: [10, 20, 30, 40], fraction: 0.5) == 25)
    // h = 3 × 0.1 = 0.3 (rounded up a little in binary) → 10 + 0.3 × 10.
    let value = LevelSet.quantile(sorted: [10, 20, 30, 40], fraction: 0.1) ?? .nan
    #expect(abs(value - 13) < 1e-12)
    #expect(LevelSet.quantile(sorted: [7], fraction: 0.95) == 7)
    #expect(LevelSet.quantile(sorted: [], fraction: 0.5) == nil)
  }

  @Test func bandCountsLevelsStrictlyBelow() {
    let levels = LevelSet(levels: [1, 2, 3], minimum: 0.5, maximum: 4)
    #expect(levels.band(of: 0.5) == 0)
    #expect(levels.band(of: 1) == 0)
    #expect(levels.band(of: 1.5) == 1)
    #expect(levels.band(of: 2) == 1)
    #expect(levels.band(of: 3) == 2)
    #expect(levels.band(of: 3.5) == 3)
    #expect(levels.band(of: .nan) == nil)
    #expect(levels.band(of: .infinity) == nil)
    #expect(levels.bandCount == 4)
  }

  @Test func nonFiniteSamplesAreLeftOut() {
    let levels = LevelSet(samples: [.nan, 1, .infinity, 3, -.infinity])
    #expect(levels.minimum == 1)
    #expect(levels.maximum == 3)
    #expect(levels.values.allSatisfy { $0 >= 1 && $0 <= 3 })
  }

  @Test func noFiniteSamplesGiveNoLevels() {
    let levels = LevelSet(samples: [Double.nan, .nan])
    #expect(levels.values.isEmpty)
    #expect(levels.band(of: 1) == 0)
    #expect(levels.minimum.isNaN)
  }

  @Test func positiveFunctionsAreShadedOnAPlainLogScale() {
    let levels = LevelSet(levels: [1, 10, 100], minimum: 0.5, maximum: 200)
    #expect(!levels.isShifted)
    // Bands: below 1, (1, 10], (10, 100], above 100; log-midpoints of 1…10 and 10…100.
    #expect(levels.bandShades == [0, 0.25, 0.75, 1])
  }

  @Test func valuesAtOrBelowZeroShiftTheScale() {
    let levels = LevelSet(levels: [-1, 0, 9], minimum: -1, maximum: 10)
    #expect(levels.isShifted)
    #expect(levels.shift == 10 * 1e-3)
    #expect(levels.logValue(-1) == log(0.01))
    #expect(levels.logValue(9) == log(10 + 0.01))
    #expect(levels.bandShades.first == 0)
    #expect(levels.bandShades.last == 1)
    #expect(levels.bandShades == levels.bandShades.sorted())
  }

  @Test("one sample exactly at a minimum of 0 does not shift the scale")
  func anExactZeroMinimumIsNotShifted() {
    let levels = LevelSet(samples: [0, 1, 10, 100, 1000])
    #expect(levels.minimum == 0)
    #expect(levels.values.allSatisfy { $0 > 0 })
    #expect(!levels.isShifted)
    // Shaded like the same samples with the 0 a hair above it.
    let nudged = LevelSet(samples: [1e-300, 1, 10, 100, 1000])
    #expect(levels.bandShades.count == nudged.bandShades.count)
    for (shade, other) in zip(levels.bandShades, nudged.bandShades) {
      #expect(abs(shade - other) < 1e-9)
    }
  }

  @Test("0 as a level, or a negative f, still shifts the scale")
  func zeroLevelsAndNegativeValuesShift() {
    #expect(LevelSet(samples: Array(repeating: 0.0, count: 12) + [1, 2, 3, 4]).isShifted)
    #expect(LevelSet(samples: [-1e-9, 1, 10, 100]).isShifted)
  }

  @Test("Rosenbrock's scale does not depend on where the cell centres land")
  func rosenbrockIsNeverShifted() {
    let rosenbrock = FunctionObjective { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }
    let view = ViewBox(xMin: -2, xMax: 2, yMin: -1, yMax: 3)
    var sawExactZero = false
    for columns in 20...60 {
      for rows in 5...31 {
        let points = Heatmap.samplePoints(view: view, columns: columns, rows: rows)
        let samples = points.map { rosenbrock.value(at: $0) }
        if samples.contains(0) { sawExactZero = true }
        #expect(!LevelSet(samples: samples).isShifted, "\(columns)×\(rows)")
      }
    }
    // Some sizes put a cell centre on (1, 1): the case that used to shift.
    #expect(sawExactZero)
  }
}
