import OptimKit

extension Picture {
  /// How many of a racer's latest points a one-variable picture draws as its trail.
  ///
  /// The whole path would pile up on the curve itself; the last few steps show
  /// where a racer came from and how far it moves per step.
  public static let curveTrailLength = 12

  /// Turns a picture of a one-variable race (racers at (x, 0)) into the curve f(x) with the
  /// racers on it: the view becomes the x range by f's range over it, every trail its last
  /// `curveTrailLength` points (x, f(x)), and the start and minima points of the curve.
  ///
  /// The legend and the loss chart read the racers' values and histories, which stay.
  public mutating func showAsCurve(of objective: any Objective) {
    let curve = CurveDrawing(objective: objective)
    let range = curve.valueRange(xMin: view.xMin, xMax: view.xMax)
    view = ViewBox(xMin: view.xMin, xMax: view.xMax, yMin: range.low, yMax: range.high)
    func onCurve(_ point: Point) -> Point { Point(x: point.x, y: curve.value(at: point.x)) }
    for index in racers.indices {
      racers[index].trail = racers[index].trail.suffix(Self.curveTrailLength).map(onCurve)
      racers[index].trailAppendedCount = racers[index].trail.count
      racers[index].averagedTrail =
        racers[index].averagedTrail.suffix(Self.curveTrailLength).map(onCurve)
    }
    start = start.map(onCurve)
    minima = minima.map(onCurve)
    self.curve = curve
    heatmap = nil
    trailLayer = nil
  }
}
