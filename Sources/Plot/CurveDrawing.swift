import OptimKit

/// The function of a one-variable picture, drawn as the curve f(x) in place of the heatmap.
///
/// A one-variable race keeps y at 0, so its map shows x across and f up: the
/// picture's `view` then spans the x range shown and f's range over it
/// (`valueRange`), and its trails and markers are the points (x, f(x)).
public struct CurveDrawing: Sendable {
  /// f, evaluated at (x, 0).
  public var objective: any Objective

  public init(objective: any Objective) {
    self.objective = objective
  }

  /// f at x.
  public func value(at x: Double) -> Double { objective.value(at: Point(x: x, y: 0)) }

  /// The vertical range of a one-variable map over x from `xMin` to `xMax`: the least and
  /// greatest finite f of `samples` evenly spread points, with 8% of room above and below
  /// (so the curve's lowest dots and the markers on them stay clear of the border), ±1
  /// around a constant f, and −1…1 where f is nowhere finite.
  public func valueRange(xMin: Double, xMax: Double, samples: Int = 400) -> (
    low: Double, high: Double
  ) {
    var low = Double.infinity
    var high = -Double.infinity
    let count = max(samples, 2)
    for index in 0..<count {
      let x = xMin + (xMax - xMin) * Double(index) / Double(count - 1)
      let f = value(at: x)
      guard f.isFinite else { continue }
      low = min(low, f)
      high = max(high, f)
    }
    guard low.isFinite, high.isFinite else { return (-1, 1) }
    let room = high > low ? (high - low) * 0.08 : 1
    let range = (low: low - room, high: high + room)
    // A range too wide or too narrow for doubles to tell its rows apart is no use either.
    guard range.low.isFinite, range.high.isFinite, range.high > range.low else { return (-1, 1) }
    return range
  }
}
