import OptimKit

/// The legend: one entry per optimizer with its key number, glyph, name,
/// hyper-parameters, step, f, |∇f| and status.
///
/// The first nine entries are numbered 1…9, the keys that select, hide and
/// solo them, in every layout, so the legend says which key is whose.
///
/// With room for two rows per optimizer (a narrow, tall panel) the numbers go
/// on a second row; otherwise one table row each, dropping the least
/// important columns (hyper-parameters, then |∇f|, then step) when narrow.
struct LegendPanel: Widget {
  var racers: [RacerDrawing]
  var view: ViewBox
  var theme: Theme
  var usesASCII: Bool

  func draw(into canvas: inout Canvas, area: Region) {
    guard !area.isEmpty else { return }
    if area.height >= 2 * racers.count + 1 && area.width < 70 {
      drawTwoRows(into: &canvas, area: area)
    } else {
      drawTable(into: &canvas, area: area)
    }
  }

  /// The status word and its colour (full, and short for narrow tables).
  ///
  /// One rule: "diverged" when the racer has stopped because its step left the
  /// floating-point numbers (x, y or f not finite; the legend then shows the
  /// last finite point, whose ∇f may read "overflows"); "not started" when f is
  /// not a number at the start itself; "out of view" for a racer still running
  /// outside the view, however large its f.
  func status(of racer: RacerDrawing) -> (full: String, short: String, color: Color) {
    if !racer.isVisible { return ("hidden", "hid", theme.dimText) }
    if racer.failure != nil { return ("failed", "fail", theme.error) }
    switch racer.status {
    case .diverged where racer.step == 0: return ("not started", "stop", theme.error)
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

  /// The key that selects the racer at `position` (1…9), or a space past the ninth
  /// or where the racer's glyph is that digit already (ASCII glyphs are numbers).
  private func number(_ position: Int, styleIndex: Int) -> TextRun {
    let style = theme.racerStyle(styleIndex)
    let key = position < 9 ? String(position + 1) : " "
    let glyph = String(usesASCII ? style.asciiGlyph : style.glyph)
    return TextRun(glyph == key ? " " : key, color: theme.dimText)
  }

  private func labelAttributes(_ racer: RacerDrawing) -> Cell.Attributes {
    racer.isSelected ? [.bold, .reverse] : (racer.isVisible ? [.bold] : [.dim])
  }

  private func drawTwoRows(into canvas: inout Canvas, area: Region) {
    TextRun.write(
      [TextRun("optimizers", color: theme.heading, attributes: [.bold])], into: &canvas,
      x: area.x, y: area.y, width: area.width)
    for (index, racer) in racers.enumerated() {
      let y = area.y + 1 + 2 * index
      let style = theme.racerStyle(racer.styleIndex)
      let label = TextRun.truncated(racer.label, to: max(1, area.width - 5))
      var first = [
        number(index, styleIndex: racer.styleIndex), glyph(racer.styleIndex),
        TextRun(" ", color: theme.text),
      ]
      first.append(TextRun(label, color: style.color, attributes: labelAttributes(racer)))
      let room = area.width - 3 - TextRun.width(of: label) - 1
      if room >= 4, !racer.hyperparameterSummary.isEmpty {
        first.append(
          TextRun(
            " " + TextRun.truncated(racer.hyperparameterSummary, to: room), color: theme.dimText))
      }
      TextRun.write(first, into: &canvas, x: area.x, y: y, width: area.width)
      let state = status(of: racer)
      if racer.status == .diverged && racer.step == 0 && racer.failure == nil {
        // f is not a number at the start point: that is the whole story.
        let reason = "  f " + NumberFormat.scientific(racer.value) + " at the start"
        TextRun.write(
          [TextRun(reason, color: state.color)], into: &canvas, x: area.x, y: y + 1,
          width: area.width)
        continue
      }
      let pieces = [
        "  f " + NumberFormat.scientific(racer.value),
        (usesASCII ? "  |df| " : "  |∇f| ") + NumberFormat.scientific(racer.gradientNorm),
        "  #\(racer.stepText)",
      ]
      var second = [TextRun(pieces[0], color: theme.text)]
      var used = TextRun.width(of: pieces[0]) + 2 + TextRun.width(of: state.full)
      for piece in pieces.dropFirst() {
        // Where "#12·57ev" does not fit, the evaluations alone ("57ev"): with LBFGS in the
        // race they are what makes the counts comparable, even at 80×24.
        var piece = piece
        if used + TextRun.width(of: piece) > area.width, piece.hasPrefix("  #"),
          let evaluations = racer.evaluations, evaluations != racer.step
        {
          piece = "  \(evaluations)ev"
        }
        guard used + TextRun.width(of: piece) <= area.width else { continue }
        second.append(TextRun(piece, color: theme.dimText))
        used += TextRun.width(of: piece)
      }
      second.append(TextRun("  " + state.full, color: state.color))
      TextRun.write(second, into: &canvas, x: area.x, y: y + 1, width: area.width)
    }
  }

  /// The table's columns for a panel `width` wide: what fits, most important first.
  struct TableColumns: Equatable {
    var label: Int
    /// The hyper-parameter summary (which starts with lr); 0 when not shown.
    var parameters: Int
    /// The bare learning rate, shown when the summary does not fit; 0 when not shown.
    var learningRate: Int
    var step: Int
    var value: Int
    var gradient: Int
    var status: Int
    var usesShortStatus: Bool
  }

  /// Chooses the columns: glyph, name, f, status and lr always (a live change of lr must
  /// show at once, even at 80×24); then |∇f|, step, and the full hyper-parameter summary in
  /// place of the bare lr when there is room. When narrow, the status is abbreviated, then
  /// f loses its spare column, then names are shortened: lr is never dropped.
  func tableColumns(width: Int) -> TableColumns {
    let values = racers.map { NumberFormat.scientific($0.value) }
    let gradients = racers.map { NumberFormat.scientific($0.gradientNorm) }
    let rates = racers.map { $0.learningRate.map { NumberFormat.compact($0, digits: 3) } ?? "" }
    let showsRate = rates.contains { !$0.isEmpty }
    // A spare column before each number reads better, when there is room for it.
    let valueWidth = max(values.map(\.count).max() ?? 0, 9)
    let gradientWidth = max(gradients.map(\.count).max() ?? 0, 9)
    let rateWidth = showsRate ? max(rates.map(\.count).max() ?? 0, 2) : 0
    let stepWidth = max(racers.map(\.stepText.count).max() ?? 0, 4)
    let shortStatus = max(racers.map { status(of: $0).short.count }.max() ?? 0, 3)
    var columns = TableColumns(
      label: min(max(racers.map(\.label.count).max() ?? 0, 9), 14), parameters: 0,
      learningRate: rateWidth, step: 0, value: valueWidth, gradient: 0, status: 11,
      usesShortStatus: false)
    func used(_ c: TableColumns) -> Int {
      var total = 3 + c.label + 1 + c.value + 1 + c.status
      if c.learningRate > 0 { total += 1 + c.learningRate }
      if c.parameters > 0 { total += 1 + c.parameters }
      if c.step > 0 { total += 1 + c.step }
      if c.gradient > 0 { total += 1 + c.gradient }
      return total
    }
    if used(columns) > width {
      columns.status = shortStatus
      columns.usesShortStatus = true
    }
    if used(columns) > width {
      columns.value = max(values.map(\.count).max() ?? 0, 1)
    }
    if used(columns) > width {
      columns.label = max(4, columns.label - (used(columns) - width))
    }
    if used(columns) + 1 + gradientWidth <= width { columns.gradient = gradientWidth }
    if used(columns) + 1 + stepWidth <= width { columns.step = stepWidth }
    // The summary starts with lr, so it replaces the bare lr column once it has room.
    let summaryRoom = width - used(columns) + (showsRate ? 1 + rateWidth : 0) - 1
    if summaryRoom >= 20 {
      columns.parameters = summaryRoom
      columns.learningRate = 0
    }
    return columns
  }

  private func drawTable(into canvas: inout Canvas, area: Region) {
    let width = area.width
    let columns = tableColumns(width: width)
    // A heading cut to "optimi…" reads as a fault: a narrow name column is headed "name".
    let nameHeading = columns.label >= 9 ? "optimizer" : "name"
    var header = "   " + TextRun.padded(nameHeading, to: columns.label)
    if columns.parameters > 0 {
      header += " " + TextRun.padded("parameters", to: columns.parameters)
    }
    if columns.learningRate > 0 {
      header += " " + TextRun.padded("lr", to: columns.learningRate, right: true)
    }
    if columns.step > 0 { header += " " + TextRun.padded("step", to: columns.step, right: true) }
    header += " " + TextRun.padded("f", to: columns.value, right: true)
    if columns.gradient > 0 {
      header += " " + TextRun.padded(usesASCII ? "|df|" : "|∇f|", to: columns.gradient, right: true)
    }
    let statusHeading = columns.status >= 6 ? "status" : (columns.status >= 4 ? "stat" : "")
    header += " " + TextRun.padded(statusHeading, to: columns.status)
    TextRun.write(
      [TextRun(header, color: theme.heading, attributes: [.bold])], into: &canvas, x: area.x,
      y: area.y, width: width)
    for (index, racer) in racers.enumerated() where index + 1 < area.height {
      let style = theme.racerStyle(racer.styleIndex)
      let state = status(of: racer)
      var runs = [
        number(index, styleIndex: racer.styleIndex), glyph(racer.styleIndex),
        TextRun(" ", color: theme.text),
      ]
      runs.append(
        TextRun(
          TextRun.padded(racer.label, to: columns.label), color: style.color,
          attributes: labelAttributes(racer)))
      if columns.parameters > 0 {
        runs.append(
          TextRun(
            " " + TextRun.padded(racer.hyperparameterSummary, to: columns.parameters),
            color: theme.dimText))
      }
      if columns.learningRate > 0 {
        let rate = racer.learningRate.map { NumberFormat.compact($0, digits: 3) } ?? ""
        runs.append(
          TextRun(
            " " + TextRun.padded(rate, to: columns.learningRate, right: true),
            color: racer.scheduleName == nil ? theme.text : theme.warning))
      }
      if columns.step > 0 {
        runs.append(
          TextRun(
            " " + TextRun.padded(racer.stepText, to: columns.step, right: true),
            color: theme.dimText))
      }
      runs.append(
        TextRun(
          " "
            + TextRun.padded(NumberFormat.scientific(racer.value), to: columns.value, right: true),
          color: theme.text))
      if columns.gradient > 0 {
        runs.append(
          TextRun(
            " "
              + TextRun.padded(
                NumberFormat.scientific(racer.gradientNorm), to: columns.gradient, right: true),
            color: theme.dimText))
      }
      let word = columns.usesShortStatus ? state.short : state.full
      runs.append(TextRun(" " + TextRun.padded(word, to: columns.status), color: state.color))
      TextRun.write(runs, into: &canvas, x: area.x, y: area.y + 1 + index, width: width)
    }
  }
}
