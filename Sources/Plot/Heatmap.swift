import OptimKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The function sampled over the plot area, its level set, and the finished cells.
///
/// Sampling is the expensive part of a frame, so a heatmap is made once per
/// function, view, size, colour style and theme and then pasted into every frame.
public struct Heatmap: Sendable {
  public let key: HeatmapKey
  /// The theme the cells were drawn with.
  public let theme: Theme
  /// f at the sample points, row-major, `key.sampleRows` rows of `key.width`.
  public let samples: [Double]
  public let levels: LevelSet
  /// The band of each sample (nil where f is undefined), row-major like `samples`.
  public let bands: [Int?]
  /// The drawn fill and contour lines, `key.width` × `key.height` cells.
  public let cells: Canvas

  /// Samples `objective` at the cell centres of the plot area and draws it.
  public init(objective: any Objective, key: HeatmapKey, theme: Theme) {
    let points = Self.samplePoints(view: key.view, columns: key.width, rows: key.sampleRows)
    self.init(samples: points.map { objective.value(at: $0) }, key: key, theme: theme)
  }

  /// A heatmap from given samples (`key.sampleRows` rows of `key.width`, row 0 at the top).
  public init(samples: [Double], key: HeatmapKey, theme: Theme) {
    self.init(samples: samples, levels: LevelSet(samples: samples), key: key, theme: theme)
  }

  /// A heatmap of given samples over given levels (tests choose levels by hand).
  init(samples: [Double], levels: LevelSet, key: HeatmapKey, theme: Theme) {
    self.key = key
    self.theme = theme
    self.samples = samples
    self.levels = levels
    let bands = samples.map { levels.band(of: $0) }
    self.bands = bands
    switch key.mode {
    case .cells:
      cells = Self.drawCells(
        samples: samples, bands: bands, levels: levels, key: key, theme: theme)
    case .halfBlocks where key.isColored && !key.usesASCII && !theme.colorRamp.isEmpty:
      cells = Self.drawHalfBlocks(
        samples: samples, bands: bands, levels: levels, key: key, theme: theme)
    case .halfBlocks:
      cells = Self.drawCells(
        samples: samples, bands: bands, levels: levels, key: key, theme: theme, rowStride: 2)
    }
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
    guard column >= 0, column < key.width, row >= 0, row < key.sampleRows else { return nil }
    return bands[row * key.width + column]
  }

  /// Draws one sample per cell: in colour, each band's colour as the cell's
  /// background with no glyph, and a contour line in a shade of that colour on
  /// the high side of a band change where the two bands get the same colour
  /// at the depth shown (a short ramp, or 16 and 8 colours), so every level
  /// shows exactly once, as a change of colour or as a line; without colour,
  /// the theme's glyph ramp (light for low f, dense for high f), with contour
  /// lines at every band change if the theme asks for them.
  ///
  /// `rowStride` 2 reads the upper sample of half-block rows when half blocks
  /// cannot be shown.
  private static func drawCells(
    samples: [Double], bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme,
    rowStride: Int = 1
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
    let glyphs = theme.contourGlyphs(ascii: key.usesASCII)
    let drawsContours = colored ? theme.contourColor != .none : theme.drawsMonochromeContours
    // Colours per band, worked out once: deriving a contour shade searches the palette.
    let bandCount = levels.bandCount
    let fills = (0..<bandCount).map { band -> Color in
      colored ? theme.fillColor(shade: levels.shade(ofBand: band)) : .terminalDefault
    }
    let lines = fills.map { colored ? theme.contourColor.color(over: $0) : nil }
    // What a band's colour comes to at the depth shown: bands that look alike need a line.
    let looks = fills.map { $0.index(at: key.colorDepth) }
    let fillGlyphs = (0..<bandCount).map { band -> Character in
      colored ? " " : theme.fillGlyph(shade: levels.shade(ofBand: band), ascii: key.usesASCII)
    }
    let undefined = Cell(
      key.usesASCII ? theme.asciiUndefinedGlyph : theme.undefinedGlyph,
      foreground: theme.undefinedColor,
      background: colored ? theme.undefinedBackground : .terminalDefault)
    /// The band at (column, row), nil off the map or where f is undefined.
    func bandAt(_ column: Int, _ row: Int) -> Int? {
      guard column >= 0, column < width, row >= 0, row < key.height else { return nil }
      return bands[row * rowStride * width + column]
    }
    for row in 0..<key.height {
      for column in 0..<width {
        guard let band = bandAt(column, row) else {
          canvas[column, row] = undefined
          continue
        }
        let index = min(max(band, 0), bandCount - 1)
        var fill = Cell(fillGlyphs[index], background: fills[index])
        if continuous {
          fill.background = smooth(samples[row * rowStride * width + column], band: fills[index])
        }
        guard drawsContours else {
          canvas[column, row] = fill
          continue
        }
        let left = bandAt(column - 1, row)
        let right = bandAt(column + 1, row)
        let up = bandAt(column, row - 1)
        let down = bandAt(column, row + 1)
        /// Whether the band drops on one side and stays on the other, to a band
        /// that looks the same (in colour, a band of another colour needs no line).
        func edge(_ one: Int?, _ other: Int?) -> Bool {
          guard let one, let other else { return false }
          let lower: Int
          if one < band && other == band {
            lower = one
          } else if other < band && one == band {
            lower = other
          } else {
            return false
          }
          return !colored || looks[min(max(lower, 0), bandCount - 1)] == looks[index]
        }
        // A contour line runs along the high side of a band change, perpendicular
        // to the direction in which the band grows, where the band is at least two
        // cells thick; thinner bands (steep slopes) keep their fill so that the
        // lines do not merge into a solid hatch.
        guard edge(left, right) || edge(up, down) else {
          canvas[column, row] = fill
          continue
        }
        let glyph = contourGlyph(
          dx: Double((right ?? band) - (left ?? band)) / 2,
          dy: Double((up ?? band) - (down ?? band)) / 4, glyphs: glyphs)
        canvas[column, row] = Cell(
          glyph, foreground: lines[index] ?? .terminalDefault, background: fill.background)
      }
    }
    return canvas
  }

  /// Whether the fill follows log f continuously: 24-bit colour and a colour ramp.
  private static func isContinuous(key: HeatmapKey, theme: Theme) -> Bool {
    key.colorDepth == .truecolor && !theme.colorRamp.isEmpty
  }

  /// The line glyph perpendicular to a band gradient (dx to the right, dy upwards,
  /// both per unit of physical length: a cell is about twice as tall as wide).
  static func contourGlyph(dx: Double, dy: Double, glyphs: Theme.ContourGlyphs) -> Character {
    if dx == 0 && dy == 0 { return glyphs.horizontal }
    let angle = atan2(dy, dx) * 180 / Double.pi  // gradient direction, −180…180
    let folded = angle < 0 ? angle + 180 : angle  // 0…180: a line has no sense of direction
    switch folded {
    case ..<22.5, 157.5...: return glyphs.vertical
    case 22.5..<67.5: return glyphs.falling
    case 67.5..<112.5: return glyphs.horizontal
    default: return glyphs.rising
    }
  }

  /// Draws two samples per cell as `▀`: the upper sample's colour in front, the
  /// lower one's behind; each the band's colour, and at 24 bits a colour that
  /// follows log f continuously.
  private static func drawHalfBlocks(
    samples: [Double], bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme
  ) -> Canvas {
    var canvas = Canvas(width: key.width, height: key.height)
    let continuous = isContinuous(key: key, theme: theme)
    let fills = (0..<levels.bandCount).map { theme.fillColor(shade: levels.shade(ofBand: $0)) }
    func color(_ index: Int) -> Color {
      guard let band = bands[index] else { return theme.undefinedColor }
      let fill = fills[min(max(band, 0), fills.count - 1)]
      guard continuous, let shade = levels.continuousShade(of: samples[index]),
        let rgb = theme.fillColor(shade: shade).rgb
      else { return fill }
      return Color(rgb: rgb, fallback: fill)
    }
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
