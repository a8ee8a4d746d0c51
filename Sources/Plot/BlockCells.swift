/// Draws a heatmap of 2 × 2 (quadrant) or 2 × 3 (sextant) samples a cell, each cell a
/// block element in the two colours that show its samples best.
///
/// A cell shows two colours, so its samples are split in two groups: of every split
/// (8 of four samples, 32 of six), the one whose groups' colours lie closest to their
/// samples' (least squared RGB distance) is drawn, the smaller group in front as the
/// glyph's blocks and the larger behind, so that what a trail leaves visible around
/// its dots is the colour of most of the cell. Each group's colour is the colour of
/// its sample nearest the group's mean, so every fallback of it is a real ramp colour;
/// at 24 bits it is the mean itself.
enum BlockCells {
  /// The quadrant glyph of each set of samples in front (bit k: sample k, row-major:
  /// upper left, upper right, lower left, lower right).
  static let quadrantGlyphs: [Unicode.Scalar] = [
    " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
  ]

  /// The sextant glyph of a set of samples in front (bit k: sample k of the 2 × 3,
  /// row-major); U+1FB00… leaves out the halves and the full block, which are older.
  static func sextantGlyph(_ mask: Int) -> Unicode.Scalar {
    switch mask {
    case 0: return " "
    case 21: return "▌"
    case 42: return "▐"
    case 63: return "█"
    default:
      let skipped = (mask > 21 ? 1 : 0) + (mask > 42 ? 1 : 0)
      return Unicode.Scalar(UInt32(0x1FB00 + mask - 1 - skipped)) ?? "█"
    }
  }

  /// Whether a glyph is a block cell of the heatmap (two samples' colours in one cell):
  /// a half block, quadrant or sextant.
  static func isBlock(_ glyph: Unicode.Scalar) -> Bool {
    switch glyph.value {
    case 0x2580, 0x2584, 0x2588, 0x258C, 0x2590, 0x2596...0x259F, 0x1FB00...0x1FB3B: true
    default: false
    }
  }

  /// The splits tried for `count` samples: the set in front, never the larger group
  /// (and of two equal halves the one with sample 0), so each split comes once.
  static func splits(count: Int) -> [Int] {
    (0..<(1 << count)).filter { mask in
      let size = mask.nonzeroBitCount
      return 2 * size < count || (2 * size == count && mask & 1 == 1)
    }
  }

  static func draw(
    samples: [Double], bands: [Int?], levels: LevelSet, key: HeatmapKey, theme: Theme
  ) -> Canvas {
    var canvas = Canvas(width: key.width, height: key.height)
    let (across, down) = key.mode.samplesPerCell
    let count = across * down
    let continuous = Heatmap.isContinuous(key: key, theme: theme)
    let color = Heatmap.sampleColor(
      samples: samples, bands: bands, levels: levels, key: key, theme: theme)
    let splits = Self.splits(count: count)
    let sampleColumns = key.sampleColumns
    var colors = Array(repeating: Color.terminalDefault, count: count)
    var channels = Array(repeating: (r: 0.0, g: 0.0, b: 0.0), count: count)
    for row in 0..<key.height {
      for column in 0..<key.width {
        for k in 0..<count {
          let index = (row * down + k / across) * sampleColumns + column * across + k % across
          colors[k] = color(index)
          let packed = colors[k].trueColor ?? 0
          channels[k] = (
            Double((packed >> 16) & 0xFF), Double((packed >> 8) & 0xFF), Double(packed & 0xFF)
          )
        }
        if colors.allSatisfy({ $0 == colors[0] }) {
          canvas[column, row] = Cell(glyph: " ", foreground: colors[0], background: colors[0])
          continue
        }
        var best = (mask: 0, error: Double.infinity)
        for mask in splits {
          var error = 0.0
          for group in [mask, ~mask & ((1 << count) - 1)] where group != 0 {
            var sum = (r: 0.0, g: 0.0, b: 0.0)
            var squares = 0.0
            for k in 0..<count where group & (1 << k) != 0 {
              let c = channels[k]
              sum = (sum.r + c.r, sum.g + c.g, sum.b + c.b)
              squares += c.r * c.r + c.g * c.g + c.b * c.b
            }
            let size = Double(group.nonzeroBitCount)
            error += squares - (sum.r * sum.r + sum.g * sum.g + sum.b * sum.b) / size
          }
          if error < best.error - 1e-9 { best = (mask, error) }
        }
        let front = groupColor(best.mask, colors: colors, channels: channels, exact: continuous)
        let back = groupColor(
          ~best.mask & ((1 << count) - 1), colors: colors, channels: channels, exact: continuous)
        let glyph =
          key.mode == .sextants ? sextantGlyph(best.mask) : quadrantGlyphs[best.mask & 15]
        canvas[column, row] = Cell(
          glyph: glyph, foreground: front ?? back ?? .terminalDefault,
          background: back ?? .terminalDefault)
      }
    }
    return canvas
  }

  /// The colour of a group of samples: its sample's colour nearest the group's mean,
  /// with the mean as the 24-bit colour when `exact`; nil for an empty group.
  private static func groupColor(
    _ group: Int, colors: [Color], channels: [(r: Double, g: Double, b: Double)], exact: Bool
  ) -> Color? {
    let members = colors.indices.filter { group & (1 << $0) != 0 }
    guard let first = members.first else { return nil }
    let size = Double(members.count)
    let mean = members.reduce((r: 0.0, g: 0.0, b: 0.0)) { sum, k in
      (sum.r + channels[k].r / size, sum.g + channels[k].g / size, sum.b + channels[k].b / size)
    }
    func distance(_ k: Int) -> Double {
      let c = channels[k]
      return (c.r - mean.r) * (c.r - mean.r) + (c.g - mean.g) * (c.g - mean.g)
        + (c.b - mean.b) * (c.b - mean.b)
    }
    let nearest = members.min { distance($0) < distance($1) } ?? first
    guard exact, members.count > 1 else { return colors[nearest] }
    let packed =
      (UInt32(mean.r.rounded()) << 16) | (UInt32(mean.g.rounded()) << 8)
      | UInt32(mean.b.rounded())
    return Color(rgb: packed, fallback: colors[nearest])
  }
}
