import OptimKit
import RealModule

/// The loss panel: f − f* against step, on a log scale (or a linear one, `y`), one
/// braille line per optimizer, so who converges fastest is seen at a glance.
///
/// f* is the known minimum value when the caller gives one, and the title says
/// "f − f*"; else the chart shows f shifted by the lowest f seen in view and the
/// title writes the shift out ("f + 964 (shifted log)"). The range is that of the
/// values taken in view (see `LossRange`), so an optimizer running off an unbounded
/// function does not flatten the others; values beyond it, and gaps below the
/// floor, are drawn at the chart's edge, whose label then reads "≤" or "≥". Ticks
/// and faint gridlines mark every decade (or every 1-2-5 value on a linear scale)
/// there is room for; the step axis has ticks at round steps and ends at the
/// furthest racer's step (a thinned history's points sit at their own steps).
/// The selected optimizer's line is drawn last and the others dimmed.
struct LossPanel: Widget {
  var racers: [RacerDrawing]
  var minimumValue: Double?
  var scale = LossScale.log
  /// The view: values taken outside it are left out of the chart's range.
  var view: ViewBox?
  /// The lowest f sampled on the map, which can lower the shift where f* is unknown.
  var viewMinimum: Double?
  var theme: Theme
  var usesASCII: Bool
  /// The range worked out before drawing, from summaries kept between frames
  /// (`Picture.lossRange`); used when it was worked out for these racers and values.
  var preparedRange: LossRange?

  /// The most decades the log scale spans below its top: gaps below sit on its floor.
  static let maximumDecades = 16.0

  /// A value on the y axis (a decade's exponent, or a value on a linear scale) and its label.
  struct Tick {
    var position: Double
    var label: String
  }

  func draw(into canvas: inout Canvas, area: Region) {
    guard area.height >= 3, area.width > 12 else { return }
    // The selected optimizer's line is drawn last, on top where lines cross.
    let shown = Self.shownRacers(racers)
    let dimmed = Set(
      shown.contains { $0.racer.isSelected }
        ? shown.filter { !$0.racer.isSelected }.map(\.racer.styleIndex) : [])
    let inputs =
      preparedRange == nil
      ? nil
      : LossSummaries.Inputs(
        racers: shown, minimumValue: minimumValue, view: view, viewMinimum: viewMinimum)
    let range =
      preparedRange.flatMap { $0.inputs != nil && $0.inputs == inputs ? $0 : nil }
      ?? LossRange(
        racers: shown.map(\.racer), minimumValue: minimumValue, view: view,
        viewMinimum: viewMinimum)
    let title = range.title(scale: scale, usesASCII: usesASCII) + " "
    let words: [String]
    switch scale {
    case .linear: words = ["(linear) vs step", "(linear)"]
    case .log where range.isShifted: words = ["(shifted log) vs step", "(shifted log)", "(log)"]
    case .log: words = ["(log scale) vs step", "(log) vs step", "(log)"]
    }
    let titleWidth = TextRun.width(of: title)
    TextRun.write(
      [
        TextRun(title, color: theme.heading, attributes: [.bold]),
        TextRun(words.first { titleWidth + $0.count <= area.width } ?? "", color: theme.dimText),
      ], into: &canvas, x: area.x, y: area.y, width: area.width)

    // Where a value of f goes on the y axis, before clamping to the chart's range.
    let reference = range.reference
    let isLog = scale == .log
    let floor = (range.smallestGap ?? 1e-12) / 10
    let linearShift = range.knowsMinimum ? reference : 0
    func coordinate(_ value: Double) -> Double? {
      guard value.isFinite else { return nil }
      guard isLog else { return value - linearShift }
      let gap = value - reference
      guard gap.isFinite else {
        // f and f* near opposite ends of the doubles: f − f* overflows, its half does not.
        return Double.log10(value / 2 - reference / 2) + Double.log10(2.0)
      }
      return Double.log10(max(gap, floor))
    }
    let rows = area.height - 2
    let (low, high, ticks) =
      isLog
      ? logAxis(range: range, coordinate: coordinate, rows: rows)
      : linearAxis(range: range, shift: linearShift, rows: rows)
    // Values beyond the range sit at its edge, and its label says so.
    // On a log scale, a gap of zero or less (or below the floor) sits at the bottom too.
    let below =
      isLog
      ? range.hasFinite && !(range.overallLowest - reference >= Double.power(10, low) * (1 - 1e-9))
      : (coordinate(range.overallLowest) ?? low) < low - 1e-9
    let above = (coordinate(range.overallHighest) ?? high) > high + 1e-9
    var labels = ticks.map { (tick: Tick) in tick.label }
    if below, let last = labels.indices.last {
      labels[last] = (usesASCII ? "<=" : "≤") + labels[last]
    }
    if above, !labels.isEmpty { labels[0] = (usesASCII ? ">=" : "≥") + labels[0] }
    let axisWidth = (labels.map { TextRun.width(of: $0) }.max() ?? 1) + 1
    let chart = Region(
      x: area.x + axisWidth, y: area.y + 1, width: area.width - axisWidth, height: rows)
    guard chart.width > 2, chart.height > 0 else { return }
    let axisColor = theme.dimText
    func row(of position: Double) -> Int {
      min(
        max(Int(((high - position) / (high - low) * Double(chart.height - 1)).rounded()), 0),
        chart.height - 1)
    }
    for offset in 0..<chart.height {
      canvas[chart.x - 1, chart.y + offset] = Cell(glyph: "│", foreground: axisColor)
    }
    let grid = Cell(
      glyph: usesASCII ? "." : "┈", foreground: theme.border, attributes: [.dim])
    for (index, tick) in ticks.enumerated() {
      let y = chart.y + row(of: tick.position)
      TextRun.write(
        [
          TextRun(
            TextRun.padded(labels[index], to: axisWidth - 1, right: true) + "┤", color: axisColor)
        ],
        into: &canvas, x: area.x, y: y, width: axisWidth)
      for column in 0..<chart.width { canvas[chart.x + column, y] = grid }
    }

    // The furthest step any shown history reaches: its last entry's own step.
    // Histories are read in place (`loss(_:)`): they may be a race's own trails.
    let steps = max(
      shown.map { entry in
        let racer = entry.racer
        let count = racer.lossCount
        guard racer.hasLossSteps else { return count - 1 }
        return count > 0 ? racer.loss(count - 1).step : 0
      }.max() ?? 1, 1)
    var braille = BrailleGrid(width: chart.width, height: chart.height)
    let dotWidth = Double(braille.dotWidth - 1)
    let dotHeight = Double(braille.dotHeight - 1)
    drawStepAxis(
      steps: steps, into: &canvas, x: area.x, y: chart.y + chart.height, width: area.width,
      chart: chart, dotWidth: dotWidth)

    var ends: [(index: Int, x: Double, y: Double)] = []
    func dot(step: Int, value: Double) -> (x: Double, y: Double) {
      let position = coordinate(value).map { min(max($0, low), high) } ?? .nan
      return (
        x: StepColumns.dotX(step: step, steps: steps, dotWidth: dotWidth),
        y: (high - position) / (high - low) * dotHeight + 0.5
      )
    }
    // Every line's steps go into the same dot columns: their first steps, found once.
    let columns = StepColumns(steps: steps, dotWidth: dotWidth)
    for (_, racer) in shown {
      // A history entry's step: its own when the history was thinned, else its index.
      let owner = racer.styleIndex
      let end = racer.withTrailEntries { entries in
        let count = entries.count
        guard count > 0, entries.step(0) >= 0, entries.step(count - 1) <= steps else {
          return Self.drawLine(
            count: count, value: { entries.value($0) }, on: &braille, owner: owner,
            column: { columns.column(of: entries.step($0)) },
            dot: { dot(step: entries.step($0), value: $1) })
        }
        return Self.drawLine(entries, columns: columns, on: &braille, owner: owner) {
          dot(step: $0, value: $1)
        }
      }
      if let end { ends.append((owner, end.x, end.y)) }
    }
    // Each line's colour once, not once per cell.
    let colors = (0...min(255, max(0, shown.map(\.racer.styleIndex).max() ?? 0))).map {
      theme.racerStyle($0).color
    }
    braille.forEachDrawnCell(usesASCII: usesASCII) { column, row, glyph, owner in
      canvas[chart.x + column, chart.y + row] = Cell(
        glyph: glyph,
        foreground: colors.indices.contains(owner) ? colors[owner] : theme.racerStyle(owner).color,
        attributes: dimmed.contains(owner) ? [.dim] : [])
    }
    for end in ends where end.x.isFinite && end.y.isFinite {
      let style = theme.racerStyle(end.index)
      let column = min(Int(end.x / 2), chart.width - 1)
      let row = min(Int(end.y / 4), chart.height - 1)
      canvas[chart.x + column, chart.y + row] = Cell(
        usesASCII ? style.asciiGlyph : style.glyph, foreground: style.color, attributes: [.bold])
    }
  }

  /// The racers the chart shows with their places in the picture, in drawing order: the
  /// visible ones, the selected one last (on top where lines cross).
  static func shownRacers(_ racers: [RacerDrawing]) -> [(index: Int, racer: RacerDrawing)] {
    let visible = racers.enumerated().filter { $0.element.isVisible }.map {
      (index: $0.offset, racer: $0.element)
    }
    return visible.filter { !$0.racer.isSelected } + visible.filter { $0.racer.isSelected }
  }

  /// The log axis: whole decades from below the lowest gap (but at most
  /// `maximumDecades` under the top) to above the highest, labelled at the ends and
  /// at every decade, or every 2, 5, 10, … of them, with a free row around each label.
  private func logAxis(range: LossRange, coordinate: (Double) -> Double?, rows: Int) -> (
    Double, Double, [Tick]
  ) {
    let roundedLow = ((range.hasFinite ? coordinate(range.lowest) : nil) ?? -1).rounded(.down)
    let roundedHigh = ((range.hasFinite ? coordinate(range.highest) : nil) ?? 1).rounded(.up)
    var low = roundedHigh <= roundedLow ? roundedLow - 1 : roundedLow
    let high = roundedHigh <= roundedLow ? roundedHigh + 1 : roundedHigh
    low = max(low, high - Self.maximumDecades)
    var ticks = [Tick(position: high, label: Self.decade(high))]
    let decades = high - low
    let strides: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500]
    let stride = strides.first { decades / $0 * 2 <= Double(rows - 1) } ?? 1000
    var usedRows = [0, rows - 1]
    if decades >= 2, rows >= 5 {
      for exponent in Swift.stride(from: high - 1, to: low, by: -1)
      where exponent.truncatingRemainder(dividingBy: stride) == 0 {
        let row = Int(((high - exponent) / decades * Double(rows - 1)).rounded())
        guard usedRows.allSatisfy({ abs($0 - row) >= 2 }) else { continue }
        usedRows.append(row)
        ticks.append(Tick(position: exponent, label: Self.decade(exponent)))
      }
    }
    ticks.append(Tick(position: low, label: Self.decade(low)))
    return (low, high, ticks)
  }

  /// The linear axis: from the lowest to the highest value (f − f*, or f), widened to
  /// round values 1, 2 or 5 × 10ⁿ apart, labelled at each with a free row between labels.
  private func linearAxis(range: LossRange, shift: Double, rows: Int) -> (Double, Double, [Tick]) {
    var low = range.hasFinite ? range.lowest - shift : 0
    var high = range.hasFinite ? range.highest - shift : 1
    if !(high - low > max(abs(high), abs(low)) * 1e-12) || !(high - low).isFinite {
      let pad = abs(high) > 0 && abs(high).isFinite ? abs(high) * 0.1 : 1
      low -= pad
      high += pad
    }
    let most = max(1, (rows + 1) / 2 - 1)
    let spacing = Self.niceSpacing(atLeast: (high - low) / Double(most))
    low = (low / spacing).rounded(.down) * spacing
    high = (high / spacing).rounded(.up) * spacing
    guard (high - low).isFinite, high > low else {
      return (low, high, [Tick(position: high, label: NumberFormat.compact(high, digits: 3))])
    }
    func row(of value: Double) -> Int {
      Int(((high - value) / (high - low) * Double(rows - 1)).rounded())
    }
    // From the top down, each label a free row clear of the last; the bottom one always.
    var ticks: [Tick] = []
    let count = Int(((high - low) / spacing).rounded())
    for index in 0...max(count, 0) {
      let value = high - Double(index) * spacing
      // "0", not "-1.1e-16": a round value that lands next to zero is zero.
      let tick = Tick(
        position: value,
        label: NumberFormat.compact(abs(value) < spacing * 1e-9 ? 0 : value, digits: 3))
      if let previous = ticks.last, row(of: value) - row(of: previous.position) < 2 {
        guard index == count else { continue }
        if ticks.count > 1 { ticks.removeLast() }
      }
      ticks.append(tick)
    }
    return (low, high, ticks)
  }

  /// The smallest of 1, 2 and 5 × 10ⁿ that is at least `least`.
  static func niceSpacing(atLeast least: Double) -> Double {
    guard least.isFinite, least > 0 else { return 1 }
    let power = Double.power(10, Double.log10(least).rounded(.down))
    for factor in [1.0, 2, 5, 10] where factor * power >= least * (1 - 1e-12) {
      return factor * power
    }
    return 10 * power
  }

  /// The step axis under the chart: "0" under the y axis, round steps at their
  /// columns where they fit, and "step N" (the furthest step) at the right.
  private func drawStepAxis(
    steps: Int, into canvas: inout Canvas, x: Int, y: Int, width: Int, chart: Region,
    dotWidth: Double
  ) {
    let color = theme.dimText
    var line = Array(repeating: Character(" "), count: width)
    let last = "step \(steps)"
    let lastStart = width - last.count
    guard lastStart > chart.x - x else {
      TextRun.write(
        [TextRun(TextRun.padded(last, to: width, right: true), color: color)], into: &canvas,
        x: x, y: y, width: width)
      return
    }
    for (offset, character) in last.enumerated() { line[lastStart + offset] = character }
    line[chart.x - x - 1] = "0"
    var free = chart.x - x + 1
    let labelWidth = String(steps).count
    let most = max(1, chart.width / (labelWidth + 3))
    let spacing = max(1, Int(Self.niceSpacing(atLeast: Double(steps) / Double(most))))
    var step = spacing
    while step < steps {
      let text = String(step)
      let column = chart.x - x + Int(Double(step) / Double(steps) * dotWidth + 0.5) / 2
      let start = column - text.count / 2
      if start >= free, start + text.count < lastStart {
        for (offset, character) in text.enumerated() { line[start + offset] = character }
        free = start + text.count + 1
      }
      step += spacing
    }
    TextRun.write([TextRun(String(line), color: color)], into: &canvas, x: x, y: y, width: width)
  }

  /// Draws one loss line, f after each step joined by segments, and returns
  /// where it ends (nil when its last value is not finite).
  ///
  /// A long history has many values per dot column. Within one column the
  /// segments between consecutive values cover exactly the dots from the
  /// lowest to the highest of them, and `dot` is monotonic in the value, so
  /// each run of finite values in a column is drawn as first → lowest →
  /// highest → last: the same dots as drawing every segment, with a handful
  /// of logarithms per column instead of one per step. `column(step)` is the
  /// dot column of a step and must never decrease as the step grows.
  static func drawLine(
    _ values: [Double], on grid: inout BrailleGrid, owner: Int, column: (Int) -> Int,
    dot: (Int, Double) -> (x: Double, y: Double)
  ) -> (x: Double, y: Double)? {
    drawLine(
      count: values.count, value: { values[$0] }, on: &grid, owner: owner, column: column,
      dot: dot)
  }

  /// `drawLine(_:on:owner:column:dot:)` of the `count` values `value(index)` gives, for
  /// a history read in place rather than copied into an array.
  @inline(__always)
  static func drawLine(
    count: Int, value valueAt: (Int) -> Double, on grid: inout BrailleGrid, owner: Int,
    column: (Int) -> Int, dot: (Int, Double) -> (x: Double, y: Double)
  ) -> (x: Double, y: Double)? {
    drawLine(
      count: count, value: valueAt, on: &grid, owner: owner,
      scan: { start in
        // The steps start..<end share one dot column. Columns never decrease
        // with the step, so the end is found by galloping and bisecting, with
        // a few calls of `column` per column instead of one per step.
        let here = column(start)
        var known = start
        var stride = 1
        var bound = count
        while known + stride < count {
          guard column(known + stride) == here else {
            bound = known + stride
            break
          }
          known += stride
          stride *= 2
        }
        var low = known + 1
        var high = bound
        while low < high {
          let middle = (low + high) / 2
          if column(middle) == here { low = middle + 1 } else { high = middle }
        }
        return ColumnScan(of: start..<low, value: valueAt)
      }, dot: dot)
  }

  /// Draws the line of a history read in place (`TrailEntries`) whose steps go into dot
  /// columns as `columns` says: the same dots as `drawLine(count:value:on:owner:column:dot:)`
  /// with `columns.column(of:)`, found by walking the steps instead of dividing each.
  ///
  /// The steps must lie within `columns`' range and never decrease (a trail's do).
  static func drawLine(
    _ entries: TrailEntries, columns: StepColumns, on grid: inout BrailleGrid, owner: Int,
    dot: (Int, Double) -> (x: Double, y: Double)
  ) -> (x: Double, y: Double)? {
    var column = 0
    return drawLine(
      count: entries.count, value: { entries.value($0) }, on: &grid, owner: owner,
      scan: { start in
        let first = entries.step(start)
        while first >= columns.firstStep(ofColumn: column + 1) { column += 1 }
        return entries.scanColumn(from: start, below: columns.firstStep(ofColumn: column + 1))
      }, dot: { dot(entries.step($0), $1) })
  }

  /// Draws the line of the `count` values `value(index)` gives, each dot column's entries
  /// summed up by `scan(start)` (`ColumnScan`), and returns where it ends (nil when its
  /// last value is not finite); `dot` takes an entry's index and value.
  @inline(__always)
  private static func drawLine(
    count: Int, value valueAt: (Int) -> Double, on grid: inout BrailleGrid, owner: Int,
    scan: (Int) -> ColumnScan, dot: (Int, Double) -> (x: Double, y: Double)
  ) -> (x: Double, y: Double)? {
    var previous: (x: Double, y: Double)?
    var start = 0
    let valueCount = count
    while start < valueCount {
      let column = scan(start)
      let low = column.end
      // Mostly every value of a column is finite: then the column is one run, its first
      // lowest and first highest value as the loop below finds them.
      if column.isFinite {
        let run = Run(
          first: (start, valueAt(start)), last: (low - 1, valueAt(low - 1)),
          lowest: column.lowest, highest: column.highest)
        previous = draw(run, after: previous, on: &grid, owner: owner, dot: dot)
        start = low
        continue
      }
      var run: Run?
      for step in start..<low {
        let value = valueAt(step)
        guard value.isFinite else {
          if let current = run {
            previous = draw(current, after: previous, on: &grid, owner: owner, dot: dot)
            run = nil
          }
          previous = nil
          continue
        }
        if var current = run {
          current.last = (step, value)
          if value < current.lowest.1 { current.lowest = (step, value) }
          if value > current.highest.1 { current.highest = (step, value) }
          run = current
        } else {
          run = Run(
            first: (step, value), last: (step, value), lowest: (step, value),
            highest: (step, value))
        }
      }
      if let current = run {
        previous = draw(current, after: previous, on: &grid, owner: owner, dot: dot)
      }
      start = low
    }
    return previous
  }

  /// One run of finite values in one dot column: (step, value) of its first,
  /// last, lowest and highest value.
  struct Run {
    var first: (Int, Double)
    var last: (Int, Double)
    var lowest: (Int, Double)
    var highest: (Int, Double)
  }

  /// Draws a run as first → lowest → highest → last, joined to the end of the line
  /// before it (`previous`), and returns where it ends.
  ///
  /// A run is often one value, so its four points are often one: each is
  /// worked out (a logarithm) only once. The run's points lie in one dot
  /// column (where the columns are those of `dot`'s x, as the chart's are), so
  /// the three segments between them are together the column's dots from the
  /// highest point to the lowest: drawn as that one run of dots.
  private static func draw(
    _ run: Run, after previous: (x: Double, y: Double)?, on grid: inout BrailleGrid, owner: Int,
    dot: (Int, Double) -> (x: Double, y: Double)
  ) -> (x: Double, y: Double) {
    let first = dot(run.first.0, run.first.1)
    grid.drawSegment(from: previous ?? first, to: first, owner: owner)
    let lowest = run.lowest.0 == run.first.0 ? first : dot(run.lowest.0, run.lowest.1)
    let highest =
      run.highest.0 == run.first.0
      ? first : run.highest.0 == run.lowest.0 ? lowest : dot(run.highest.0, run.highest.1)
    let last =
      run.last.0 == run.first.0
      ? first
      : run.last.0 == run.lowest.0
        ? lowest : run.last.0 == run.highest.0 ? highest : dot(run.last.0, run.last.1)
    let right = Double(grid.dotWidth)
    let bottom = Double(grid.dotHeight)
    let column = Int(first.x)
    func isInColumn(_ point: (x: Double, y: Double)) -> Bool {
      point.x >= 0 && point.x < right && point.y >= 0 && point.y < bottom && Int(point.x) == column
    }
    if isInColumn(first), isInColumn(lowest), isInColumn(highest), isInColumn(last) {
      let top = min(Int(first.y), Int(lowest.y), Int(highest.y), Int(last.y))
      let end = max(Int(first.y), Int(lowest.y), Int(highest.y), Int(last.y))
      if top < end { grid.drawColumn(x: column, from: top, to: end, owner: owner) }
      return last
    }
    // Points in different columns (a `dot` unlike the chart's) or off the grid: each
    // segment on its own.
    var end = first
    var endStep = run.first.0
    for (step, point) in [(run.lowest.0, lowest), (run.highest.0, highest), (run.last.0, last)] {
      guard step != endStep else { continue }
      grid.drawSegment(from: end, to: point, owner: owner)
      end = point
      endStep = step
    }
    return end
  }

  /// An axis label for 10^exponent: "1e-04", "1e+02", "1".
  static func decade(_ exponent: Double) -> String {
    guard exponent.isFinite else { return "?" }
    let power = Int(exponent)
    if power == 0 { return "1" }
    return "1e" + (power < 0 ? "-" : "+") + (abs(power) < 10 ? "0" : "") + String(abs(power))
  }
}
