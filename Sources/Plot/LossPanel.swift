import RealModule

/// The loss panel: f − f* on a log scale against step, one braille line per
/// optimizer, so who converges fastest is seen at a glance.
///
/// f* is the known minimum value when the caller gives one, and the title says
/// "f − f*"; else the chart shows f − (the lowest f any optimizer reached) and
/// the title says so. Gaps of zero or less are drawn at the chart's floor. The
/// log axis is labelled at every decade there is room for, and the step axis
/// runs from 0 to the furthest racer's step (a thinned history's points sit at
/// their own steps).
struct LossPanel {
  var racers: [RacerDrawing]
  var minimumValue: Double?
  var theme: Theme
  var usesASCII: Bool

  func draw(into canvas: inout Canvas, region: Region) {
    guard region.height >= 3, region.width > 12 else { return }
    let shown = racers.enumerated().filter { $0.element.isVisible }
    // One pass over every history for the range; no per-frame copies of them.
    var lowest = Double.infinity
    var highest = -Double.infinity
    var hasFinite = false
    for (_, racer) in shown {
      for value in racer.lossHistory where value.isFinite {
        hasFinite = true
        lowest = min(lowest, value)
        highest = max(highest, value)
      }
    }
    let reference = minimumValue.flatMap { $0.isFinite ? $0 : nil } ?? (hasFinite ? lowest : 0)
    let knowsMinimum = minimumValue?.isFinite ?? false
    let minus = usesASCII ? "-" : "−"
    let title = knowsMinimum ? "f \(minus) f* " : "f \(minus) lowest f "
    let scale =
      TextRun.width(of: title) + 19 <= region.width ? "(log scale) vs step" : "(log) vs step"
    TextRun.write(
      [
        TextRun(title, color: theme.heading, attributes: [.bold]),
        TextRun(scale, color: theme.dimText),
      ], into: &canvas, x: region.x, y: region.y, width: region.width)
    var smallestGap: Double?
    for (_, racer) in shown {
      for value in racer.lossHistory where value.isFinite {
        let gap = value - reference
        if gap > 0, gap.isFinite { smallestGap = min(smallestGap ?? gap, gap) }
      }
    }
    let floor = (smallestGap ?? 1e-12) / 10
    func logGap(_ value: Double) -> Double? {
      guard value.isFinite else { return nil }
      let gap = value - reference
      guard gap.isFinite else {
        // f and f* near opposite ends of the doubles: f − f* overflows, its half does not.
        return Double.log10(value / 2 - reference / 2) + Double.log10(2.0)
      }
      return Double.log10(max(gap, floor))
    }
    // logGap never decreases with the value, so the extremes of the logs are
    // the logs of the extreme values.
    let roundedLow = ((hasFinite ? logGap(lowest) : nil) ?? -1).rounded(.down)
    let roundedHigh = ((hasFinite ? logGap(highest) : nil) ?? 1).rounded(.up)
    // Constants, not variables: the functions below capture them, and a captured
    // variable is checked for exclusive access on every read.
    let low = roundedHigh <= roundedLow ? roundedLow - 1 : roundedLow
    let high = roundedHigh <= roundedLow ? roundedHigh + 1 : roundedHigh
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
      canvas[chart.x - 1, chart.y + row] = Cell(glyph: "│", foreground: axisColor)
    }
    // Decades in between, every one or every 2, 5, 10, … of them (multiples of
    // the stride, so they read evenly), each with a free row around it.
    var labelled = [0, chart.height - 1]
    let decades = high - low
    let strides: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500]
    let stride = strides.first { decades / $0 * 2 <= Double(chart.height - 1) } ?? 1000
    if decades >= 2, chart.height >= 5 {
      for exponent in Swift.stride(from: high - 1, to: low, by: -1)
      where exponent.truncatingRemainder(dividingBy: stride) == 0 {
        let row = Int(((high - exponent) / decades * Double(chart.height - 1)).rounded())
        guard labelled.allSatisfy({ abs($0 - row) >= 2 }) else { continue }
        labelled.append(row)
        TextRun.write(
          [
            TextRun(
              TextRun.padded(Self.decade(exponent), to: axisWidth - 1, right: true) + "┤",
              color: axisColor)
          ], into: &canvas, x: region.x, y: chart.y + row, width: axisWidth)
      }
    }
    // The furthest step any shown history reaches: its last entry's own step.
    let steps = max(
      shown.map { entry in
        let racer = entry.element
        return racer.lossSteps.count == racer.lossHistory.count
          ? (racer.lossSteps.last ?? 0) : racer.lossHistory.count - 1
      }.max() ?? 1, 1)
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
    func dot(step: Int, value: Double) -> (x: Double, y: Double) {
      (
        x: Double(step) / Double(steps) * dotWidth + 0.5,
        y: (high - (logGap(value) ?? .nan)) / (high - low) * dotHeight + 0.5
      )
    }
    for (_, racer) in shown {
      // A history entry's step: its own when the history was thinned, else its index.
      let stepsOf = racer.lossSteps
      let hasSteps = stepsOf.count == racer.lossHistory.count
      let end = Self.drawLine(racer.lossHistory, on: &grid, owner: racer.styleIndex) { index in
        Int(Double(hasSteps ? stepsOf[index] : index) / Double(steps) * dotWidth + 0.5)
      } dot: {
        dot(step: hasSteps ? stepsOf[$0] : $0, value: $1)
      }
      if let end { ends.append((racer.styleIndex, end.x, end.y)) }
    }
    // Each line's colour once, not once per cell.
    let colors = (0...min(255, max(0, shown.map(\.element.styleIndex).max() ?? 0))).map {
      theme.racerStyle($0).color
    }
    grid.forEachDrawnCell(usesASCII: usesASCII) { column, row, glyph, owner in
      canvas[chart.x + column, chart.y + row] = Cell(
        glyph: glyph,
        foreground: colors.indices.contains(owner) ? colors[owner] : theme.racerStyle(owner).color)
    }
    for end in ends where end.x.isFinite && end.y.isFinite {
      let style = theme.racerStyle(end.index)
      let column = min(Int(end.x / 2), chart.width - 1)
      let row = min(Int(end.y / 4), chart.height - 1)
      canvas[chart.x + column, chart.y + row] = Cell(
        usesASCII ? style.asciiGlyph : style.glyph, foreground: style.color, attributes: [.bold])
    }
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
    var previous: (x: Double, y: Double)?
    var start = 0
    while start < values.count {
      // The steps start..<end share one dot column. Columns never decrease
      // with the step, so the end is found by galloping and bisecting, with
      // a few calls of `column` per column instead of one per step.
      let here = column(start)
      var known = start
      var stride = 1
      var bound = values.count
      while known + stride < values.count {
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
      var run: Run?
      for step in start..<low {
        let value = values[step]
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
  /// worked out (a logarithm) and drawn only when it is a step not drawn yet.
  private static func draw(
    _ run: Run, after previous: (x: Double, y: Double)?, on grid: inout BrailleGrid, owner: Int,
    dot: (Int, Double) -> (x: Double, y: Double)
  ) -> (x: Double, y: Double) {
    let first = dot(run.first.0, run.first.1)
    grid.drawSegment(from: previous ?? first, to: first, owner: owner)
    var end = first
    var endStep = run.first.0
    for index in 0..<3 {
      let (step, value) = index == 0 ? run.lowest : (index == 1 ? run.highest : run.last)
      guard step != endStep else { continue }
      let next = dot(step, value)
      grid.drawSegment(from: end, to: next, owner: owner)
      end = next
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
