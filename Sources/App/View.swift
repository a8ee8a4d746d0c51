import Plot

/// Draws the whole screen for `model`: the picture, then the input line or the help on top.
///
/// Pure: the same model always gives the same canvas, so tests compare
/// canvases and a recording can store exactly what the screen showed.
public func view(_ model: Model) -> Canvas {
  view(model, picture: model.picture)
}

/// Draws the whole screen for `model` from its `picture` (made by `model.picture`).
func view(_ model: Model, picture: Picture) -> Canvas {
  let theme = model.theme
  var canvas = picture.draw(width: model.width, height: model.height, theme: theme)
  guard !model.plan.isTooSmall else { return canvas }
  if let input = model.input {
    InputLineView(line: input, theme: theme).draw(into: &canvas, row: model.height - 1)
  }
  if model.isHelpShown {
    HelpOverlay(theme: theme, usesASCII: model.usesASCII).draw(into: &canvas)
  }
  Picture.finish(&canvas, theme: theme, usesASCII: model.usesASCII)
  return canvas
}
