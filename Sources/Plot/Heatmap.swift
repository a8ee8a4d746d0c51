import Foundation
import OptimKit

/// The function sampled over the plot area, its level set, and the finished cells.
///
/// Sampling is the expensive part of a frame, so a heatmap is made once per
/// function, view, size and theme and then pasted into every frame.
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
    self.key = key
    self.theme = theme
    self.samples = samples
    let levels = LevelSet(samples: samples)
    self.levels = levels
    let bands = samples.map { levels.band(of: $0) }
    self.bands = bands
    switch key.mode {
    case .cells:
      cells = Self.drawCells(bands: bands, levels: levels, key: key, theme: theme)
    case .halfBlocks:
      cells = Self.drawHalfBlocks(bands: bands, levels: levels, key: key, theme: theme)
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

  private static func drawCells(bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme)
    -> Canvas
  {
    var canvas = Canvas(width: key.width, height: key.height)
    let width = key.width
    for row in 0..<key.height {
      for column in 0..<width {
        guard let band = bands[row * width + column] else {
          canvas[column, row] = Cell(theme.undefinedGlyph, foreground: theme.undefinedColor)
          continue
        }
        /// The neighbour's band, or nil off the map or where f is undefined.
        func neighbour(_ dx: Int, _ dy: Int) -> Int? {
          let x = column + dx
          let y = row + dy
          guard x >= 0, x < width, y >= 0, y < key.height else { return nil }
          return bands[y * width + x]
        }
        let shade = levels.shade(ofBand: band)
        let background = theme.fillBackground(shade: shade)
        let left = neighbour(-1, 0)
        let right = neighbour(1, 0)
        let up = neighbour(0, -1)
        let down = neighbour(0, 1)
        /// Whether the band drops on one side and stays on the other.
        func edge(_ one: Int?, _ other: Int?) -> Bool {
          guard let one, let other else { return false }
          return (one < band && other == band) || (other < band && one == band)
        }
        // A contour line runs along the high side of a band change, perpendicular
        // to the direction in which the band grows, where the band is at least two
        // cells thick; thinner bands (steep slopes) keep their fill so that the
        // lines do not merge into a solid hatch.
        let acrossX = edge(left, right)
        let acrossY = edge(up, down)
        if acrossX || acrossY {
          let glyph = contourGlyph(
            dx: Double((right ?? band) - (left ?? band)) / 2,
            dy: Double((up ?? band) - (down ?? band)) / 4, glyphs: theme.contourGlyphs)
          let color = theme.contourColor ?? theme.fillColor(shade: shade)
          canvas[column, row] = Cell(glyph, foreground: color, background: background)
        } else {
          canvas[column, row] = Cell(
            theme.fillGlyph(shade: shade), foreground: theme.fillColor(shade: shade),
            background: background)
        }
      }
    }
    return canvas
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

  private static func drawHalfBlocks(
    bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme
  ) -> Canvas {
    var canvas = Canvas(width: key.width, height: key.height)
    func color(_ band: Int?) -> Color {
      guard let band else { return theme.undefinedColor }
      return theme.fillColor(shade: levels.shade(ofBand: band))
    }
    for row in 0..<key.height {
      for column in 0..<key.width {
        let upper = bands[(2 * row) * key.width + column]
        let lower = bands[(2 * row + 1) * key.width + column]
        canvas[column, row] = Cell("▀", foreground: color(upper), background: color(lower))
      }
    }
    return canvas
  }
}
