import OptimKit

/// The function sampled over the plot area, its level set, and the finished cells.
///
/// Sampling is the expensive part of a frame, so a heatmap is made once per
/// function, view, size, colour style and theme and then pasted into every frame.
public struct Heatmap: Sendable {
  public let key: HeatmapKey
  /// The theme the cells were drawn with.
  public let theme: Theme
  /// f at the sample points, row-major, `key.sampleRows` rows of `key.sampleColumns`.
  public let samples: [Double]
  public let levels: LevelSet
  /// The band of each sample (nil where f is undefined), row-major like `samples`.
  public let bands: [Int?]
  /// The contour lines traced on the dot grid, or nil when none are drawn.
  public let contours: ContourLines?
  /// Where a few levels' values are written on their lines (the map draws them
  /// where no trail or marker is), and the colour of each one's line.
  public let labels: [(label: ContourLabel, color: Color)]
  /// The levels' values beside the colour bar, in the text colour on the shadow
  /// of the map; like the contour labels, drawn by the map where no trail or
  /// marker is, so a trail never leaves half a number there.
  public let colorBarLabels: [ContourLabel]
  /// The drawn fill and contour lines, `key.width` × `key.height` cells.
  public let cells: Canvas

  /// Samples `objective` at the cell centres of the plot area and draws it; when
  /// the theme draws contour lines, also at every braille dot centre to trace them.
  public init(objective: any Objective, key: HeatmapKey, theme: Theme) {
    let points = Self.samplePoints(
      view: key.view, columns: key.sampleColumns, rows: key.sampleRows)
    let dotSamples =
      Self.drawsContours(key: key, theme: theme)
      ? ContourLines.samplePoints(view: key.view, width: key.width, height: key.height).map {
        objective.value(at: $0)
      } : nil
    self.init(
      samples: points.map { objective.value(at: $0) }, dotSamples: dotSamples, key: key,
      theme: theme)
  }

  /// A heatmap from given samples (`key.sampleRows` rows of `key.sampleColumns`, row 0 at the
  /// top) and, for contour lines, f at the dot centres (`ContourLines.samplePoints`).
  public init(samples: [Double], dotSamples: [Double]? = nil, key: HeatmapKey, theme: Theme) {
    self.init(
      samples: samples, dotSamples: dotSamples, levels: LevelSet(samples: samples), key: key,
      theme: theme)
  }

  /// A heatmap of given samples over given levels (tests choose levels by hand).
  init(
    samples: [Double], dotSamples: [Double]? = nil, levels: LevelSet, key: HeatmapKey,
    theme: Theme
  ) {
    self.key = key
    self.theme = theme
    self.samples = samples
    self.levels = levels
    let bands = samples.map { levels.band(of: $0) }
    self.bands = bands
    var cells: Canvas
    switch key.mode {
    case .cells:
      cells = Self.drawCells(
        samples: samples, bands: bands, levels: levels, key: key, theme: theme)
    case .halfBlocks where key.isColored && !key.usesASCII && !theme.colorRamp.isEmpty:
      cells = Self.drawHalfBlocks(
        samples: samples, bands: bands, levels: levels, key: key, theme: theme)
    case .quadrants where key.isColored && !key.usesASCII && !theme.colorRamp.isEmpty,
      .sextants where key.isColored && !key.usesASCII && !theme.colorRamp.isEmpty:
      cells = BlockCells.draw(
        samples: samples, bands: bands, levels: levels, key: key, theme: theme)
    case .halfBlocks, .quadrants, .sextants:
      cells = Self.drawCells(
        samples: samples, bands: bands, levels: levels, key: key, theme: theme,
        rowStride: key.mode.samplesPerCell.rows, columnStride: key.mode.samplesPerCell.columns)
    }
    if let dotSamples, Self.drawsContours(key: key, theme: theme) {
      let contours = ContourLines(
        samples: dotSamples, width: key.width, height: key.height, levels: levels.values)
      let colors = Self.draw(contours, over: &cells, levels: levels, key: key, theme: theme)
      self.contours = contours
      self.labels = ContourLabel.labels(
        for: contours.grid, levels: levels.values, drawn: contours.drawnLevels
      ).map { ($0, colors[$0.level]) }
    } else {
      self.contours = nil
      self.labels = []
    }
    if key.isColored, !key.usesASCII, !theme.colorRamp.isEmpty,
      key.width >= Self.colorBarMinimum.width,
      key.height >= Self.colorBarMinimum.height
    {
      self.colorBarLabels = Self.drawColorBar(over: &cells, levels: levels, key: key, theme: theme)
    } else {
      self.colorBarLabels = []
    }
    self.cells = cells
  }

  /// The smallest map that gets a colour bar: below it, the bar would take too much of it.
  public static let colorBarMinimum = (width: 40, height: 10)

  /// Draws the colour bar in the map's rightmost column: the colour ramp from the
  /// highest level (top) to the lowest (bottom) on the scale the map is shaded
  /// on, two shades a cell in half-block mode; returns where 3 to 5 levels' values
  /// go just left of it, at their heights.
  ///
  /// The bar is drawn into the heatmap, so it is worked out once and trails and
  /// markers go over it; its values are written by the map, each only where no
  /// trail or marker touches it.
  private static func drawColorBar(
    over cells: inout Canvas, levels: LevelSet, key: HeatmapKey, theme: Theme
  ) -> [ContourLabel] {
    let column = key.width - 1
    let height = key.height
    for row in 0..<height {
      let upper = 1 - (Double(2 * row) + 0.5) / Double(2 * height)
      let lower = 1 - (Double(2 * row) + 1.5) / Double(2 * height)
      // Two shades a cell where the map has two samples a cell, else one.
      cells[column, row] =
        key.mode != .cells
        ? Cell(
          glyph: "▀", foreground: theme.fillColor(shade: upper),
          background: theme.fillColor(shade: lower))
        : Cell(" ", background: theme.fillColor(shade: (upper + lower) / 2))
    }
    let values = levels.values
    guard values.count >= 2 else { return [] }
    let count = min(5, values.count, height / 3)
    guard count >= 2 else { return [] }
    var labels: [ContourLabel] = []
    var lastRow = -2
    // From the lowest level up: bottom rows first, each label at least a row clear of the last.
    for index in 0..<count {
      let level = (index * (values.count - 1)) / (count - 1)
      let value = values[level]
      guard let shade = levels.continuousShade(of: value) else { continue }
      let row = min(max(Int(((1 - shade) * Double(height)).rounded(.down)), 0), height - 1)
      guard abs(row - lastRow) >= 2 else { continue }
      lastRow = row
      let text = NumberFormat.compact(value, digits: 2)
      let start = column - text.count
      guard start >= 0 else { continue }
      labels.append(ContourLabel(level: level, column: start, row: row, text: text))
    }
    return labels
  }

  /// Whether contour lines are drawn: in colour when the theme gives them a
  /// colour, without colour when the theme asks for them over the glyph ramp.
  static func drawsContours(key: HeatmapKey, theme: Theme) -> Bool {
    key.isColored && !theme.colorRamp.isEmpty
      ? theme.contourColor != .none : theme.drawsMonochromeContours
  }

  /// Draws the contour lines' braille dots over the fill: in colour, each level
  /// in the theme's contour shade of the band above it, in front of the map's
  /// own colour there (a half-block cell's two samples averaged at 24 bits, else
  /// its lower one), so the map stays visible around and behind the dots;
  /// without colour the dots take the cell, since a cell shows one glyph and a
  /// line of dots reads as a line where a ramp glyph under it would not.
  /// Returns each level's line colour.
  private static func draw(
    _ contours: ContourLines, over cells: inout Canvas, levels: LevelSet, key: HeatmapKey,
    theme: Theme
  ) -> [Color] {
    let colored = key.isColored && !theme.colorRamp.isEmpty
    // One colour per level, worked out once: deriving a shade searches the palette.
    let lines = (0..<levels.values.count).map { level -> Color in
      guard colored else { return .terminalDefault }
      let above = theme.fillColor(shade: levels.shade(ofBand: level + 1))
      return theme.contourColor.color(over: above) ?? .terminalDefault
    }
    contours.grid.forEachDrawnCell(usesASCII: key.usesASCII) { column, row, glyph, level in
      let cell = cells[column, row]
      var background = cell.background
      if BlockCells.isBlock(cell.glyph), let upper = cell.foreground.rgb,
        let lower = cell.background.rgb
      {
        background = Color(rgb: Self.average(upper, lower), fallback: cell.background)
      }
      let line = lines[min(max(level, 0), lines.count - 1)]
      cells[column, row] = Cell(
        glyph: glyph, foreground: colored ? line.distinct(from: background) : line,
        background: colored ? background : .terminalDefault)
    }
    return lines
  }

  /// The mean of two packed 0xRRGGBB colours, channel by channel.
  private static func average(_ one: UInt32, _ other: UInt32) -> UInt32 {
    var mean: UInt32 = 0
    for shift: UInt32 in [0, 8, 16] {
      let sum = ((one >> shift) & 0xFF) + ((other >> shift) & 0xFF)
      mean |= (sum / 2) << shift
    }
    return mean
  }

  /// The sample points: cell centres, x_i = x0 + (i + ½)(x1 − x0)/W and
  /// y_j = y1 − (j + ½)(y1 − y0)/H, row-major with row 0 at the top.
  public static func samplePoints(view: ViewBox, columns: Int, rows: Int) -> [Point] {
    guard columns > 0, rows > 0 else { return [] }
    var points: [Point] = []
    points.reserveCapacity(columns * rows)
    for row in 0..<rows {
      let y = view.yMax - (Double(row) + 0.5) * (view.yMax - view.yMin) / Double(rows)
      for column in 0..<columns {
        let x = view.xMin + (Double(column) + 0.5) * (view.xMax - view.xMin) / Double(columns)
        points.append(Point(x: x, y: y))
      }
    }
    return points
  }

  /// The band of the sample at (column, row), nil outside or where f is undefined.
  public func band(column: Int, row: Int) -> Int? {
    guard column >= 0, column < key.sampleColumns, row >= 0, row < key.sampleRows else {
      return nil
    }
    return bands[row * key.sampleColumns + column]
  }

  /// Draws one sample per cell: in colour, each band's colour as the cell's
  /// background with no glyph (at 24 bits a colour that follows log f
  /// continuously); without colour, the theme's glyph ramp (light for low f,
  /// dense for high f). Contour lines are drawn over it afterwards.
  ///
  /// `rowStride` and `columnStride` read the top-left sample of each cell's samples
  /// when half blocks, quadrants or sextants cannot be shown.
  private static func drawCells(
    samples: [Double], bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme,
    rowStride: Int = 1, columnStride: Int = 1
  ) -> Canvas {
    var canvas = Canvas(width: key.width, height: key.height)
    let width = key.width
    let continuous = isContinuous(key: key, theme: theme)
    /// The band's colour with a 24-bit colour that follows f continuously.
    func smooth(_ value: Double, band: Color) -> Color {
      guard let shade = levels.continuousShade(of: value),
        let rgb = theme.fillColor(shade: shade).rgb
      else { return band }
      return Color(rgb: rgb, fallback: band)
    }
    let colored = key.isColored && !theme.colorRamp.isEmpty
    let bandCount = levels.bandCount
    let fills = (0..<bandCount).map { band -> Color in
      colored ? theme.fillColor(shade: levels.shade(ofBand: band)) : .terminalDefault
    }
    let fillGlyphs = (0..<bandCount).map { band -> Character in
      colored ? " " : theme.fillGlyph(shade: levels.shade(ofBand: band), ascii: key.usesASCII)
    }
    let undefined = Cell(
      key.usesASCII ? theme.asciiUndefinedGlyph : theme.undefinedGlyph,
      foreground: theme.undefinedColor,
      background: colored ? theme.undefinedBackground : .terminalDefault)
    for row in 0..<key.height {
      for column in 0..<width {
        let sample = row * rowStride * key.sampleColumns + column * columnStride
        guard let band = bands[sample] else {
          canvas[column, row] = undefined
          continue
        }
        let index = min(max(band, 0), bandCount - 1)
        var fill = Cell(fillGlyphs[index], background: fills[index])
        if continuous { fill.background = smooth(samples[sample], band: fills[index]) }
        canvas[column, row] = fill
      }
    }
    return canvas
  }

  /// Whether the fill follows log f continuously: 24-bit colour and a colour ramp.
  static func isContinuous(key: HeatmapKey, theme: Theme) -> Bool {
    key.colorDepth == .truecolor && !theme.colorRamp.isEmpty
  }

  /// The colour of sample `index`: its band's fill, or — when the theme and mode draw
  /// log f continuously — the continuous shade with that fill as the fallback. Shared by the
  /// half-block and the quadrant/sextant (`BlockCells`) drawings.
  static func sampleColor(
    samples: [Double], bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme
  ) -> (Int) -> Color {
    let continuous = isContinuous(key: key, theme: theme)
    let fills = (0..<levels.bandCount).map { theme.fillColor(shade: levels.shade(ofBand: $0)) }
    return { index in
      guard let band = bands[index] else { return theme.undefinedColor }
      let fill = fills[min(max(band, 0), fills.count - 1)]
      guard continuous, let shade = levels.continuousShade(of: samples[index]),
        let rgb = theme.fillColor(shade: shade).rgb
      else { return fill }
      return Color(rgb: rgb, fallback: fill)
    }
  }

  /// Draws two samples per cell as `▀`: the upper sample's colour in front, the
  /// lower one's behind; each the band's colour, and at 24 bits a colour that
  /// follows log f continuously.
  private static func drawHalfBlocks(
    samples: [Double], bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme
  ) -> Canvas {
    var canvas = Canvas(width: key.width, height: key.height)
    let color = sampleColor(samples: samples, bands: bands, levels: levels, key: key, theme: theme)
    for row in 0..<key.height {
      for column in 0..<key.width {
        let upper = color((2 * row) * key.width + column)
        let lower = color((2 * row + 1) * key.width + column)
        canvas[column, row] = Cell(glyph: "▀", foreground: upper, background: lower)
      }
    }
    return canvas
  }
}
