/// A panel that draws itself into any rectangle of a canvas.
///
/// After ratatui's widgets: a panel is a value (its data and theme, worked out before
/// drawing) that is drawn into whatever `area` the layout gives it, so the same panel
/// goes beside the map, under it, or alone in a test's canvas, and drawing never reaches
/// back into the program's state.
public protocol Widget {
  /// Draws the panel inside `area` of `canvas`.
  func draw(into canvas: inout Canvas, area: Region)
}
