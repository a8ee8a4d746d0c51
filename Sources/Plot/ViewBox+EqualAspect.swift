import OptimKit

extension ViewBox {
  /// This view widened (never narrowed) about its centre so that one unit of x
  /// and one unit of y take the same length on a map of `columns` × `rows` cells.
  ///
  /// A terminal cell is about `cellAspect` (≈ 2) times as tall as it is wide, so
  /// without this a circle's level sets would come out as ellipses.
  public func equalAspect(columns: Int, rows: Int, cellAspect: Double = 2) -> ViewBox {
    guard isValid, columns > 0, rows > 0, cellAspect > 0 else { return self }
    let screenWidth = Double(columns)
    let screenHeight = Double(rows) * cellAspect
    let unitsPerLength = max(width / screenWidth, height / screenHeight)
    let halfWidth = unitsPerLength * screenWidth / 2
    let halfHeight = unitsPerLength * screenHeight / 2
    let middle = center
    return ViewBox(
      xMin: middle.x - halfWidth, xMax: middle.x + halfWidth,
      yMin: middle.y - halfHeight, yMax: middle.y + halfHeight)
  }
}
