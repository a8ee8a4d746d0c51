import OptimKit

/// Draws f(x) over a one-variable map as a braille line, with the axis f = 0 under it.
///
/// The curve takes one sample per braille column (two per cell) and joins
/// neighbours with a straight run of dots, so steep parts stay connected; where
/// f is not finite the line breaks. It is drawn where the 2-D map's heatmap
/// goes, under the trails and markers (`MapPainter`), in the theme's heading
/// colour; the axis in the border colour.
struct CurvePainter {
  var projection: MapProjection
  var theme: Theme
  var usesASCII: Bool

  func paint(_ curve: CurveDrawing, into canvas: inout Canvas) {
    let region = projection.region
    let view = projection.view
    guard region.width > 0, region.height > 0 else { return }
    var axis = BrailleGrid(width: region.width, height: region.height)
    var line = BrailleGrid(width: region.width, height: region.height)
    if view.yMin < 0, view.yMax > 0 {
      let row = Int(projection.dotPosition(of: Point(x: view.xMin, y: 0)).y.rounded(.down))
      // Every other dot: a dotted line, lighter than the curve.
      for x in stride(from: 0, to: axis.dotWidth, by: 2) { axis.setDot(x: x, y: row, owner: 0) }
    }
    var previous: Int?
    for column in 0..<line.dotWidth {
      let x = view.xMin + (Double(column) + 0.5) / Double(line.dotWidth) * view.width
      let f = curve.value(at: x)
      guard f.isFinite else {
        previous = nil
        continue
      }
      let dot = projection.dotPosition(of: Point(x: x, y: f)).y
      // Far above or below the map: one dot beyond its edge, so the run to it still shows.
      let row = Int(min(max(dot, -1), Double(line.dotHeight)).rounded(.down))
      line.drawLine(fromX: column - 1, fromY: previous ?? row, toX: column, toY: row, owner: 0)
      if previous == nil { line.setDot(x: column, y: row, owner: 0) }
      previous = row
    }
    for (grid, color) in [(axis, theme.border), (line, theme.heading)] {
      grid.forEachDrawnCell(usesASCII: usesASCII) { column, row, glyph, _ in
        let x = region.x + column
        let y = region.y + row
        canvas[x, y] = Cell(glyph: glyph, foreground: color, background: canvas[x, y].background)
      }
    }
  }
}
