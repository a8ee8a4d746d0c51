import OptimKit
import RealModule

/// The ticks and values along the map's edges: x in a row under the map, y in a
/// column to its left, a few round values (1, 2 or 5 × 10ᵏ apart) that fit.
///
/// Worked out with the screen plan (the y values' width decides how wide the
/// left column is, and so how wide the map is), drawn by `draw` around the map
/// in the theme's border colour (the ticks) and text colour (the values), so that
/// x and y can be read at a glance without the pointer.
public struct MapAxes: Hashable, Sendable {
  /// One tick: where it is (a column for x, a row for y, on the screen) and its value's text.
  public struct Tick: Hashable, Sendable {
    public var position: Int
    public var label: String
  }

  /// The map the axes go around (the area given to them, less their row and column).
  public let map: Region
  /// The row under the map that holds the x values.
  public let xRow: Region
  /// The column left of the map that holds the y values and their ticks.
  public let yColumn: Region
  public let xTicks: [Tick]
  public let yTicks: [Tick]

  /// The smallest map left once the axes are taken off: below it, no axes.
  public static let minimumMap = (width: 24, height: 8)
  /// The fewest rows between two y values, so that they do not crowd the column.
  static let rowSpacing = 3
  /// The fewest blank columns between two x values.
  static let columnGap = 2

  /// Axes for `view` around a map in `area`; nil when the map left would be too small.
  public init?(area: Region, view: ViewBox) {
    guard view.isValid else { return nil }
    let rows = area.height - 1
    guard rows >= Self.minimumMap.height else { return nil }
    let yValues = Self.values(
      from: view.yMin, to: view.yMax, cells: rows,
      fits: { step, _ in
        step * Double(rows) / view.height >= Double(Self.rowSpacing)
      })
    let yLabels = Self.labels(yValues)
    let gutter = (yLabels.map(\.count).max() ?? 0) + 1
    guard area.width - gutter >= Self.minimumMap.width else { return nil }
    let map = Region(x: area.x + gutter, y: area.y, width: area.width - gutter, height: rows)
    let projection = MapProjection(view: view, region: map)
    self.map = map
    xRow = Region(x: area.x, y: area.y + rows, width: area.width, height: 1)
    yColumn = Region(x: area.x, y: area.y, width: gutter, height: rows)
    yTicks = zip(yValues, yLabels).compactMap { value, label in
      projection.cell(of: Point(x: view.xMin, y: value)).map {
        Tick(position: $0.row, label: label)
      }
    }
    // x values centred on their columns, as many as fit with a gap between them.
    let width = map.width
    let xValues = Self.values(
      from: view.xMin, to: view.xMax, cells: width,
      fits: { step, values in
        let longest = Self.labels(values).map(\.count).max() ?? 0
        return step * Double(width) / view.width >= Double(longest + Self.columnGap)
      })
    xTicks = zip(xValues, Self.labels(xValues)).compactMap { value, label in
      projection.cell(of: Point(x: value, y: view.yMin)).map {
        Tick(position: $0.column, label: label)
      }
    }
  }

  /// The multiples of the smallest step (1, 2 or 5 × 10ᵏ) in [low, high] that `fits` accepts.
  ///
  /// `fits` gets the step and the values it would give; at least the two ends'
  /// multiples are kept (a view narrower than any step shows none).
  static func values(
    from low: Double, to high: Double, cells: Int, fits: (Double, [Double]) -> Bool
  ) -> [Double] {
    let span = high - low
    guard span > 0, span.isFinite, cells > 0 else { return [] }
    // Start a decade below a cell's width: no step smaller than that can fit.
    var exponent = Int(Double.log10(span / Double(cells)).rounded(.down)) - 1
    for _ in 0..<40 {
      let decade = Double.power(10, Double(exponent))
      for mantissa in [1.0, 2.0, 5.0] {
        let step = mantissa * decade
        let first = (low / step).rounded(.up)
        let last = (high / step).rounded(.down)
        guard last - first < 200 else { continue }
        let values =
          first <= last
          ? stride(from: first, through: last, by: 1).map { multiple -> Double in
            let value = multiple * step
            return value == 0 ? 0 : value  // no "-0"
          } : []
        if fits(step, values) { return values }
      }
      exponent += 1
    }
    return []
  }

  /// The values as the axis writes them: the shortest "%g" with the significant digits
  /// that tell neighbours apart (1000001 and 1000002, not "1e+06" twice), at least two.
  static func labels(_ values: [Double]) -> [String] {
    guard values.count >= 2 else { return values.map { NumberFormat.compact($0, digits: 4) } }
    let step = abs(values[1] - values[0])
    let largest = values.map { abs($0) }.max() ?? 0
    guard step > 0, largest > 0 else { return values.map { NumberFormat.compact($0, digits: 4) } }
    let magnitude = Int(Double.log10(largest).rounded(.down))
    // Whole numbers up to six digits are written out ("100", not "1e+02").
    let digits = max(magnitude - Int(Double.log10(step).rounded(.down)) + 1, min(magnitude + 1, 6))
    return values.map { NumberFormat.compact($0, digits: min(max(digits, 2), 17)) }
  }

  /// Draws the values and ticks: a `┤` at each y value's row and `│` between, the x
  /// values in the row under the map centred on their columns (kept inside it, never
  /// touching a neighbour).
  public func draw(into canvas: inout Canvas, theme: Theme, usesASCII: Bool) {
    let tickRows = Dictionary(
      yTicks.map { ($0.position, $0.label) }, uniquingKeysWith: { a, _ in a })
    let lineColumn = yColumn.x + yColumn.width - 1
    for row in yColumn.y..<(yColumn.y + yColumn.height) {
      for column in yColumn.x..<lineColumn { canvas[column, row] = .blank }
      guard let label = tickRows[row] else {
        canvas[lineColumn, row] = Cell(usesASCII ? "|" : "│", foreground: theme.border)
        continue
      }
      canvas[lineColumn, row] = Cell(usesASCII ? "+" : "┤", foreground: theme.border)
      TextRun.write(
        [TextRun(label, color: theme.text)], into: &canvas, x: lineColumn - label.count, y: row,
        width: label.count)
    }
    for column in xRow.x..<(xRow.x + xRow.width) { canvas[column, xRow.y] = .blank }
    canvas[lineColumn, xRow.y] = Cell(usesASCII ? "+" : "└", foreground: theme.border)
    var free = map.x
    let end = map.x + map.width
    for tick in xTicks {
      // The digits centred on the tick; a minus sign goes just left of them.
      let signed = tick.label.hasPrefix("-")
      let centred = tick.position - (signed ? 1 : 0) - (tick.label.count - (signed ? 2 : 1)) / 2
      let start = min(max(centred, free), end - tick.label.count)
      guard start >= free else { continue }
      TextRun.write(
        [TextRun(tick.label, color: theme.text)], into: &canvas, x: start, y: xRow.y,
        width: tick.label.count)
      free = start + tick.label.count + 1
    }
  }
}
