/// A colour worked out from the band colour under it: contour lines and trail
/// backgrounds over a coloured heatmap.
///
/// The band colours already show the levels; contour lines only need to
/// separate neighbouring bands that look alike, so by default they are a
/// shade of their band's own colour rather than a colour of their own. A
/// darker shade behind a trail keeps bright trail colours readable on
/// every band, light ones included.
public enum DerivedColor: Hashable, Sendable {
  /// Nothing: no contour lines in colour, or the band's own colour behind a trail.
  case none
  /// A shade of the band's colour this many L* units (0–100) lighter.
  case lighter(Double)
  /// A shade of the band's colour this many L* units (0–100) darker.
  case darker(Double)
  /// One fixed colour everywhere.
  case fixed(Color)

  /// The L* step of `lighter` and `darker` when a theme file gives no amount:
  /// enough to see a line, little enough to keep it quiet.
  public static let defaultStep = 9.0

  /// The colour over (or instead of) a band of colour `background`, or nil for none.
  public func color(over background: Color) -> Color? {
    switch self {
    case .none: return nil
    case .fixed(let color): return color
    case .lighter(let step), .darker(let step):
      let lighter: Bool
      if case .lighter = self { lighter = true } else { lighter = false }
      let shadow = !lighter && step >= XtermPalette.shadowStep
      return Color(
        index256: background.index256.map {
          XtermPalette.shifted($0, by: step, lighter: lighter)
        },
        index16: background.index16.map {
          shadow ? 0 : XtermPalette.shifted16($0, lighter: lighter)
        },
        index8: background.index8.map {
          shadow ? 0 : XtermPalette.shifted8($0, lighter: lighter)
        })
    }
  }
}
