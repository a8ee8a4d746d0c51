/// Basins of attraction: which known minimum an optimizer reaches from each cell of a view.
///
/// The view is cut into `columns` × `rows` cells; row 0 is the top (largest
/// y), as on screen, and each cell is judged from its centre. From there the
/// optimizer (fresh state, the spec's settings, no noise) takes up to
/// `steps` steps; the cell belongs to minimum i as soon as the position is
/// within `tolerance` of `minima[i]` (the nearest, if several), is
/// `.diverged` when x, y or f stops being finite, and `.none` when the
/// budget runs out first.
///
/// The work is done a little at a time, by rows (`advance(rows:)`) or by a
/// budget of optimizer steps (`advance(stepBudget:)`), so the live program
/// can call it between frames with bounded work, show `progress`, draw the
/// finished cells, and cancel simply by dropping the map (a new scene makes a
/// new map). Cells are computed row-major from the top left.
public struct BasinMap: Sendable {
  /// Where the optimizer ended up from one cell.
  public enum Outcome: Hashable, Sendable {
    /// Reached the known minimum with this index in `minima`.
    case minimum(Int)
    /// Reached none within the step budget.
    case none
    /// x, y or f became non-finite.
    case diverged
  }

  public let objective: any Objective
  public let minima: [Point]
  public let spec: OptimizerSpec
  public let view: ViewBox
  public let columns: Int
  public let rows: Int
  public let steps: Int
  public let tolerance: Double
  /// Row-major outcomes; nil for cells not computed yet.
  public private(set) var outcomes: [Outcome?]
  /// Cells finished, row-major from the top left.
  public private(set) var finishedCells: Int = 0
  /// Rows wholly finished, from the top.
  public var finishedRows: Int { finishedCells / columns }

  /// A map with nothing computed yet; sizes below 1 count as 1, a negative budget as 0.
  ///
  /// `tolerance` defaults to 1% of the view's larger side.
  public init(
    objective: any Objective, minima: [Point], spec: OptimizerSpec, view: ViewBox,
    columns: Int, rows: Int, steps: Int = 1000, tolerance: Double? = nil
  ) {
    self.objective = objective
    self.minima = minima
    self.spec = spec
    self.view = view
    self.columns = Swift.max(1, columns)
    self.rows = Swift.max(1, rows)
    self.steps = Swift.max(0, steps)
    self.tolerance = tolerance ?? 0.01 * Swift.max(view.width, view.height)
    outcomes = Array(repeating: nil, count: self.columns * self.rows)
  }

  /// The share of cells done, 0 to 1.
  public var progress: Double { Double(finishedCells) / Double(columns * rows) }

  /// Whether every cell is computed.
  public var isComplete: Bool { finishedCells == columns * rows }

  /// The outcome of a cell, nil while not computed (or outside the grid).
  public subscript(row row: Int, column column: Int) -> Outcome? {
    guard (0..<rows).contains(row), (0..<columns).contains(column) else { return nil }
    return outcomes[row * columns + column]
  }

  /// The centre of a cell, the point the optimizer starts from.
  public func center(row: Int, column: Int) -> Point {
    Point(
      x: view.xMin + (Double(column) + 0.5) * view.width / Double(columns),
      y: view.yMax - (Double(row) + 0.5) * view.height / Double(rows))
  }

  /// Computes up to `count` more rows (finishing a partly done one first); does nothing once
  /// complete.
  public mutating func advance(rows count: Int = 1) {
    let end = Swift.min(rows, finishedRows + Swift.max(0, count)) * columns
    while finishedCells < end {
      _ = computeNextCell()
    }
  }

  /// Computes cells until about `budget` optimizer steps have been taken (at least one cell,
  /// whose own steps may overshoot the budget by up to `steps`); does nothing once complete.
  ///
  /// Cells cost from 1 to `steps` + 1 steps each, so a budget of steps, not of
  /// cells or rows, is what keeps a frame's work bounded.
  public mutating func advance(stepBudget budget: Int) {
    var spent = 0
    repeat {
      guard !isComplete else { return }
      spent += computeNextCell()
    } while spent < budget
  }

  /// Computes the next cell; returns the optimizer steps (gradient evaluations) it took.
  private mutating func computeNextCell() -> Int {
    let row = finishedCells / columns
    let column = finishedCells % columns
    let result = Self.trace(
      from: center(row: row, column: column), objective: objective, minima: minima, spec: spec,
      steps: steps, tolerance: tolerance)
    outcomes[finishedCells] = result.outcome
    finishedCells += 1
    return result.evaluations
  }

  /// Where the optimizer `spec` goes from `start` on `objective`: see the type's description.
  public static func outcome(
    from start: Point, objective: any Objective, minima: [Point], spec: OptimizerSpec,
    steps: Int, tolerance: Double
  ) -> Outcome {
    trace(
      from: start, objective: objective, minima: minima, spec: spec, steps: steps,
      tolerance: tolerance
    ).outcome
  }

  /// The outcome from `start`, and how many points were evaluated on the way.
  private static func trace(
    from start: Point, objective: any Objective, minima: [Point], spec: OptimizerSpec,
    steps: Int, tolerance: Double
  ) -> (outcome: Outcome, evaluations: Int) {
    var optimizer = Optimizer(spec)
    var position = start
    for step in 0...steps {
      let value: Double
      let gradient: Point
      var hessian: Hessian?
      if spec.kind.needsHessian {
        let sample = objective.valueGradientAndHessian(at: position)
        (value, gradient, hessian) = (sample.value, sample.gradient, sample.hessian)
      } else {
        (value, gradient) = objective.valueAndGradient(at: position)
      }
      guard position.isFinite, value.isFinite else { return (.diverged, step + 1) }
      if let index = nearestMinimum(to: position, minima: minima, within: tolerance) {
        return (.minimum(index), step + 1)
      }
      guard step < steps else { break }
      optimizer.step(&position, gradient: gradient, value: value, hessian: hessian)
    }
    return (.none, steps + 1)
  }

  /// The index of the nearest minimum within `tolerance` of `point`, if any.
  static func nearestMinimum(to point: Point, minima: [Point], within tolerance: Double) -> Int? {
    var best: (index: Int, distance: Double)?
    for (index, minimum) in minima.enumerated() {
      let distance = (minimum - point).length
      if distance <= tolerance && distance < (best?.distance ?? .infinity) {
        best = (index, distance)
      }
    }
    return best?.index
  }
}
