import Foundation

/// The loss panel: f − f* on a log scale against step, one braille line per
/// optimizer, so who converges fastest is seen at a glance.
///
/// f* is the known minimum value when the caller gives one, else the lowest f
/// any optimizer reached. Gaps of zero or less are drawn at the chart's floor.
struct LossPanel {
  var racers: [RacerDrawing]
  var minimumValue: Double?
  var theme: Theme
  var usesASCII: Bool

  func draw(into canvas: inout Canvas, region: Region) {
    guard region.height >= 3, region.width > 12 else { return }
    let shown = racers.enumerated().filter { $0.element.isVisible }
    let finite = shown.flatMap { $0.element.lossHistory.filter(\.isFinite) }
    let reference = minimumValue ?? finite.min() ?? 0
    TextRun.write(
      [
        TextRun("f − f* ", color: theme.heading, attributes: [.bold]),
        TextRun("(log scale) vs step", color: theme.dimText),
      ], into: &canvas, x: region.x, y: region.y, width: region.width)
    let gaps = finite.map { $0 - reference }
    let positive = gaps.filter { $0 > 0 }
    let floor = (positive.min() ?? 1e-12) / 10
    func logGap(_ value: Double) -> Double? {
      guard value.isFinite else { return nil }
      return log10(max(value - reference, floor))
    }
    let racerLogs = shown.map { $0.element.lossHistory.map(logGap) }
    let logs = racerLogs.joined().compactMap { $0 }
    var low = (logs.min() ?? -1).rounded(.down)
    var high = (logs.max() ?? 1).rounded(.up)
    if high <= low {
      low -= 1
      high += 1
    }
    // The y-axis labels ("1e-04", "1e+208") and their tick take this many columns.
    let axisWidth = max(Self.decade(high).count, Self.decade(low).count) + 1
    let chart = Region(
      x: region.x + axisWidth, y: region.y + 1, width: region.width - axisWidth,
      height: region.height - 2)
    let axisColor = theme.dimText
    TextRun.write(
      [
        TextRun(
          TextRun.padded(Self.decade(high), to: axisWidth - 1, right: true) + "┤", color: axisColor)
      ],
      into: &canvas, x: region.x, y: chart.y, width: axisWidth)
    TextRun.write(
      [
        TextRun(
          TextRun.padded(Self.decade(low), to: axisWidth - 1, right: true) + "┤", color: axisColor)
      ],
      into: &canvas, x: region.x, y: chart.y + chart.height - 1, width: axisWidth)
    for row in 1..<max(chart.height - 1, 1) {
      canvas[chart.x - 1, chart.y + row] = Cell("│", foreground: axisColor)
    }
    let steps = max((shown.map { $0.element.lossHistory.count }.max() ?? 1) - 1, 1)
    let stepLabel = "step \(steps)"
    TextRun.write(
      [
        TextRun(
          String(repeating: " ", count: axisWidth - 1) + "0"
            + TextRun.padded(stepLabel, to: chart.width, right: true), color: axisColor)
      ], into: &canvas, x: region.x, y: chart.y + chart.height, width: region.width)

    var grid = BrailleGrid(width: chart.width, height: chart.height)
    let dotWidth = Double(grid.dotWidth - 1)
    let dotHeight = Double(grid.dotHeight - 1)
    var ends: [(index: Int, x: Double, y: Double)] = []
    for (position, (_, racer)) in shown.enumerated() {
      let index = racer.styleIndex
      var previous: (x: Double, y: Double)?
      for (step, logValue) in racerLogs[position].enumerated() {
        guard let logValue else {
          previous = nil
          continue
        }
        let dot = (
          x: Double(step) / Double(steps) * dotWidth + 0.5,
          y: (high - logValue) / (high - low) * dotHeight + 0.5
        )
        grid.drawSegment(from: previous ?? dot, to: dot, owner: index)
        previous = dot
      }
      if let previous { ends.append((index, previous.x, previous.y)) }
    }
    for row in 0..<chart.height {
      for column in 0..<chart.width {
        guard
          let character = usesASCII
            ? grid.asciiCharacter(column: column, row: row)
            : grid.character(column: column, row: row),
          let owner = grid.owner(column: column, row: row)
        else { continue }
        canvas[chart.x + column, chart.y + row] = Cell(
          character, foreground: theme.racerStyle(owner).color)
      }
    }
    for end in ends {
      let style = theme.racerStyle(end.index)
      let column = min(Int(end.x / 2), chart.width - 1)
      let row = min(Int(end.y / 4), chart.height - 1)
      canvas[chart.x + column, chart.y + row] = Cell(
        usesASCII ? style.asciiGlyph : style.glyph, foreground: style.color, attributes: [.bold])
    }
  }

  /// An axis label for 10^exponent: "1e-04", "1e+02", "1".
  static func decade(_ exponent: Double) -> String {
    guard exponent.isFinite else { return "?" }
    let power = Int(exponent)
    if power == 0 { return "1" }
    return "1e" + (power < 0 ? "-" : "+") + (abs(power) < 10 ? "0" : "") + String(abs(power))
  }
}
