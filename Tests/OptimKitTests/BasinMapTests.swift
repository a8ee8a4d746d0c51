import OptimKit
import Testing

/// Basins of attraction on Himmelblau, computed row by row.
@Suite struct BasinMapTests {
  /// Himmelblau on its default view (−5…5)², 10 × 10 cells with centres at ±0.5, ±1.5, …, ±4.5.
  /// Plain gradient descent with lr 0.005 (below 2/L for the largest curvature in view, ≈ 230).
  func himmelblauMap(spec: String = "sgd:lr=0.005", steps: Int = 1000) throws -> BasinMap {
    let function = try #require(TestFunction.named("himmelblau"))
    return BasinMap(
      objective: function.expression, minima: function.minima,
      spec: try OptimizerSpec(parsing: spec), view: function.view, columns: 10, rows: 10,
      steps: steps)
  }

  @Test func cellCentresAndOrientation() throws {
    let map = try himmelblauMap()
    #expect(map.center(row: 0, column: 0) == Point(x: -4.5, y: 4.5))  // row 0 is the top
    #expect(map.center(row: 9, column: 9) == Point(x: 4.5, y: -4.5))
    #expect(map.center(row: 3, column: 7) == Point(x: 2.5, y: 1.5))
    #expect(map.tolerance == 0.1)
  }

  @Test func progressRowByRow() throws {
    var map = try himmelblauMap()
    #expect(map.progress == 0 && !map.isComplete)
    map.advance(rows: 3)
    #expect(map.finishedRows == 3 && map.progress == 0.3)
    #expect(map[row: 2, column: 5] != nil)
    #expect(map[row: 3, column: 0] == nil)
    map.advance(rows: 100)
    #expect(map.isComplete && map.progress == 1)
    map.advance(rows: 1)
    #expect(map.finishedRows == 10)
    #expect(map[row: 10, column: 0] == nil)
  }

  @Test func gradientDescentBasinsFollowTheQuadrants() throws {
    var map = try himmelblauMap()
    map.advance(rows: 10)
    // Minima: 0 = (3, 2), 1 = (−2.81, 3.13), 2 = (−3.78, −3.28), 3 = (3.58, −1.85), one per
    // quadrant. Cells next to each minimum go there…
    #expect(map[row: 3, column: 7] == .minimum(0))  // (2.5, 1.5)
    #expect(map[row: 1, column: 2] == .minimum(1))  // (−2.5, 3.5)
    #expect(map[row: 8, column: 1] == .minimum(2))  // (−3.5, −3.5)
    #expect(map[row: 6, column: 8] == .minimum(3))  // (3.5, −1.5)
    // …and so do the far corners of each quadrant.
    #expect(map[row: 0, column: 9] == .minimum(0))  // (4.5, 4.5)
    #expect(map[row: 0, column: 0] == .minimum(1))  // (−4.5, 4.5)
    #expect(map[row: 9, column: 0] == .minimum(2))  // (−4.5, −4.5)
    #expect(map[row: 9, column: 9] == .minimum(3))  // (4.5, −4.5)
    // Every cell ends at some minimum, and each minimum owns cells.
    let owners = map.outcomes.compactMap { outcome -> Int? in
      if case .minimum(let index) = outcome { return index }
      return nil
    }
    #expect(owners.count == 100)
    #expect(Set(owners) == [0, 1, 2, 3])
  }

  @Test func divergedAndNone() throws {
    // lr 1 is far beyond 2/L: the corner blows up.
    var wild = try himmelblauMap(spec: "sgd:lr=1")
    wild.advance(rows: 1)
    #expect(wild[row: 0, column: 0] == .diverged)
    // One step of tiny gradient descent reaches nothing from a far cell.
    var short = try himmelblauMap(spec: "sgd:lr=0.0001", steps: 1)
    short.advance(rows: 1)
    #expect(short[row: 0, column: 5] == BasinMap.Outcome.none)
  }

  @Test func newtonBasinsUseExactHessians() throws {
    // Started within tolerance of a minimum, every method is already there (step 0).
    let function = try #require(TestFunction.named("himmelblau"))
    let outcome = BasinMap.outcome(
      from: Point(x: 3.05, y: 2), objective: function.expression, minima: function.minima,
      spec: try OptimizerSpec(parsing: "newton"), steps: 0, tolerance: 0.1)
    #expect(outcome == .minimum(0))
    // Damped Newton from (3.5, 2.5) converges to (3, 2) in a few steps.
    let newton = BasinMap.outcome(
      from: Point(x: 3.5, y: 2.5), objective: function.expression, minima: function.minima,
      spec: try OptimizerSpec(parsing: "newton"), steps: 10, tolerance: 1e-6)
    #expect(newton == .minimum(0))
  }

  @Test func stepBudgetComputesCellByCellWithTheSameOutcomes() throws {
    var byRows = try himmelblauMap()
    byRows.advance(rows: 10)
    var byBudget = try himmelblauMap()
    // Every cell costs at least one step, so a budget of 1 computes exactly one cell.
    byBudget.advance(stepBudget: 1)
    #expect(byBudget.finishedCells == 1 && byBudget.finishedRows == 0)
    #expect(byBudget.progress == 0.01)
    byBudget.advance(stepBudget: 1)
    #expect(byBudget.finishedCells == 2)
    // A budget larger than the whole map's work finishes it in one call.
    byBudget.advance(stepBudget: 1_000_000)
    #expect(byBudget.isComplete && byBudget.finishedRows == 10)
    #expect(byBudget.outcomes == byRows.outcomes)
    // advance(rows:) finishes a partly done row first.
    var mixed = try himmelblauMap()
    mixed.advance(stepBudget: 1)
    mixed.advance(rows: 1)
    #expect(mixed.finishedCells == 10)
  }
}
