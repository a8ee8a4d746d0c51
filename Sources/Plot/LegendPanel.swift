import OptimKit

/// The legend: one entry per optimizer with its glyph, name, hyper-parameters,
/// step, f, |∇f| and status.
///
/// With room for two rows per optimizer (a narrow, tall panel) the numbers go
/// on a second row; otherwise one table row each, dropping the least
/// important columns (hyper-parameters, then |∇f|, then step) when narrow.
struct LegendPanel {
  var racers: [RacerDrawing]
  var view: ViewBox
  var theme: Theme
  var usesASCII: Bool

  func draw(into canvas: inout Canvas, region: Region) {
    guard !region.isEmpty else { return }
    if region.height >= 2 * racers.count + 1 && region.width < 70 {
      drawTwoRows(into: &canvas, region: region)
    } else {
      drawTable(into: &canvas, region: region)
    }
  }

  /// The status word and its colour (full, and short for narrow tables).
  func status(of racer: RacerDrawing) -> (full: String, short: String, color: Color) {
    if !racer.isVisible { return ("hidden", "hid", theme.dimText) }
    switch racer.status {
    case .diverged: return ("diverged", "div", theme.error)
    case .converged where !racer.isOutOfView(view): return ("converged", "conv", theme.heading)
    default:
      if racer.isOutOfView(view) { return ("out of view", "out", theme.warning) }
      return ("running", "run", theme.text)
    }
  }

  private func glyph(_ index: Int) -> TextRun {
    let style = theme.racerStyle(index)
    return TextRun(
      String(usesASCII ? style.asciiGlyph : style.glyph), color: style.color, attributes: [.bold])
  }

  private func labelAttributes(_ racer: RacerDrawing) -> Cell.Attributes {
    racer.isSelected ? [.bold, .reverse] : (racer.isVisible ? [.bold] : [.dim])
  }

  private func drawTwoRows(into canvas: inout Canvas, region: Region) {
    TextRun.write(
      [TextRun("optimizers", color: theme.heading, attributes: [.bold])], into: &canvas,
      x: region.x, y: region.y, width: region.width)
    for (index, racer) in racers.enumerated() {
      let y = region.y + 1 + 2 * index
      let style = theme.racerStyle(racer.styleIndex)
      let label = TextRun.truncated(racer.label, to: max(1, region.width - 4))
      var first = [glyph(racer.styleIndex), TextRun(" ", color: theme.text)]
      first.append(TextRun(label, color: style.color, attributes: labelAttributes(racer)))
      let room = region.width - 2 - label.count - 1
      if room >= 4, !racer.hyperparameterSummary.isEmpty {
        first.append(
          TextRun(
            " " + TextRun.truncated(racer.hyperparameterSummary, to: room), color: theme.dimText))
      }
      TextRun.write(first, into: &canvas, x: region.x, y: y, width: region.width)
      let state = status(of: racer)
      let pieces = [
        "  f " + NumberFormat.scientific(racer.value),
        (usesASCII ? "  |df| " : "  |∇f| ") + NumberFormat.scientific(racer.gradientNorm),
        "  #\(racer.step)",
      ]
      var second = [TextRun(pieces[0], color: theme.text)]
      var used = pieces[0].count + 2 + state.full.count
      for piece in pieces.dropFirst() where used + piece.count <= region.width {
        second.append(TextRun(piece, color: theme.dimText))
        used += piece.count
      }
      second.append(TextRun("  " + state.full, color: state.color))
      TextRun.write(second, into: &canvas, x: region.x, y: y + 1, width: region.width)
    }
  }

  private func drawTable(into canvas: inout Canvas, region: Region) {
    let width = region.width
    let labelWidth = min(max(racers.map(\.label.count).max() ?? 0, 9), 14)
    let stepWidth = max(String(racers.map(\.step).max() ?? 0).count, 4)
    let numberWidth = 9
    let fullStatus = 11
    var statusWidth = fullStatus
    var required = 2 + labelWidth + 1 + numberWidth + 1 + statusWidth
    if required > width {
      statusWidth = 4
      required = 2 + labelWidth + 1 + numberWidth + 1 + statusWidth
    }
    let showsGradient = required + numberWidth + 1 <= width
    if showsGradient { required += numberWidth + 1 }
    let showsStep = required + stepWidth + 1 <= width
    if showsStep { required += stepWidth + 1 }
    var parameterWidth = width - required - 1
    if parameterWidth < 8 { parameterWidth = 0 }
    let parameterPad = parameterWidth > 0 ? 1 : 0

    var header = "  " + TextRun.padded("optimizer", to: labelWidth)
    if parameterWidth > 0 { header += " " + TextRun.padded("parameters", to: parameterWidth) }
    if showsStep { header += " " + TextRun.padded("step", to: stepWidth, right: true) }
    header += " " + TextRun.padded("f", to: numberWidth, right: true)
    if showsGradient { header += " " + TextRun.padded(usesASCII ? "|df|" : "|∇f|", to: numberWidth, right: true) }
    header += " " + TextRun.padded(statusWidth >= 6 ? "status" : "stat", to: statusWidth)
    TextRun.write(
      [TextRun(header, color: theme.heading, attributes: [.bold])], into: &canvas, x: region.x,
      y: region.y, width: width)
    for (index, racer) in racers.enumerated() where index + 1 < region.height {
      let style = theme.racerStyle(racer.styleIndex)
      let state = status(of: racer)
      var runs = [glyph(racer.styleIndex), TextRun(" ", color: theme.text)]
      runs.append(
        TextRun(
          TextRun.padded(racer.label, to: labelWidth), color: style.color,
          attributes: labelAttributes(racer)))
      if parameterWidth > 0 {
        runs.append(
          TextRun(
            String(repeating: " ", count: parameterPad)
              + TextRun.padded(racer.hyperparameterSummary, to: parameterWidth),
            color: theme.dimText))
      }
      if showsStep {
        runs.append(
          TextRun(
            " " + TextRun.padded(String(racer.step), to: stepWidth, right: true),
            color: theme.dimText))
      }
      runs.append(
        TextRun(
          " " + TextRun.padded(NumberFormat.scientific(racer.value), to: numberWidth, right: true),
          color: theme.text))
      if showsGradient {
        runs.append(
          TextRun(
            " "
              + TextRun.padded(
                NumberFormat.scientific(racer.gradientNorm), to: numberWidth, right: true),
            color: theme.dimText))
      }
      let word = statusWidth == fullStatus ? state.full : state.short
      runs.append(TextRun(" " + TextRun.padded(word, to: statusWidth), color: state.color))
      TextRun.write(runs, into: &canvas, x: region.x, y: region.y + 1 + index, width: width)
    }
  }
}
