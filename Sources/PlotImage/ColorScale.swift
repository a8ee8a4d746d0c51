import Plot

/// The theme's heatmap ramp as a continuous colour scale from low f (0) to high f (1).
///
/// A terminal picks the nearest of the ramp's few colours; an image interpolates
/// between them, so bands get the colours a terminal would show them in, smoothed.
/// A monochrome theme (no ramp) gets a grey scale.
public struct ColorScale: Hashable, Sendable {
  /// The colours at evenly spaced shades, low f first (at least two).
  public let stops: [RGB]

  public init(stops: [RGB]) {
    switch stops.count {
    case 0:
      self.stops = [RGB(red: 0.1, green: 0.1, blue: 0.1), RGB(red: 0.9, green: 0.9, blue: 0.9)]
    case 1: self.stops = [stops[0], stops[0]]
    default: self.stops = stops
    }
  }

  /// The scale of a theme's 256-colour ramp.
  public init(theme: Theme) {
    self.init(stops: theme.colorRamp.full256.map { RGB(xterm: $0) })
  }

  /// The colour at a shade in 0…1 (non-finite shades count as 0).
  public func color(shade: Double) -> RGB {
    let clamped = shade.isFinite ? min(max(shade, 0), 1) : 0
    let position = clamped * Double(stops.count - 1)
    let lower = min(Int(position), stops.count - 2)
    return stops[lower].mixed(with: stops[lower + 1], position - Double(lower))
  }
}
