/// The heatmap's colours from low f to high f, one list per colour depth.
///
/// A 256-colour terminal can show a smooth, perceptually ordered ramp; a
/// 16- or 8-colour one only a few steps of it. Keeping one list per depth
/// lets a theme choose the best few basic colours itself instead of having
/// them guessed, and the lists may differ in length.
public struct ColorRamp: Hashable, Sendable {
  /// xterm 256-colour indices, low f first.
  public var full256: [UInt8]
  /// ANSI colours 0–15, low f first.
  public var sixteen: [UInt8]
  /// ANSI colours 0–7, low f first.
  public var eight: [UInt8]
  /// 24-bit colour stops (0xRRGGBB), low f first, between which a 24-bit
  /// terminal's colour is interpolated continuously; empty: the 256-colour
  /// list's xterm colours serve as the stops.
  public var rgb: [UInt32]

  public init(full256: [UInt8], sixteen: [UInt8], eight: [UInt8], rgb: [UInt32] = []) {
    self.full256 = full256
    self.sixteen = sixteen
    self.eight = eight.map { $0 % 8 }
    self.rgb = rgb
  }

  /// No ramp: the heatmap is drawn with glyphs alone.
  public static let none = ColorRamp(full256: [], sixteen: [], eight: [])

  /// Whether the ramp has no colours (a monochrome theme).
  public var isEmpty: Bool { full256.isEmpty || sixteen.isEmpty || eight.isEmpty }

  /// The colour for a shade in 0…1, carrying its entry of every depth's list
  /// and, for 24-bit terminals, the colour interpolated between the stops.
  public func color(shade: Double) -> Color {
    guard !isEmpty else { return .terminalDefault }
    var color = Color(
      index256: Self.pick(full256, shade: shade), index16: Self.pick(sixteen, shade: shade),
      index8: Self.pick(eight, shade: shade))
    color.rgb = Self.interpolate(rgb.isEmpty ? full256.map(XtermPalette.packed) : rgb, shade: shade)
    return color
  }

  /// The colour `shade` (0…1, non-finite counts as 0) of the way along `stops`,
  /// mixed linearly in RGB between the two stops around it.
  static func interpolate(_ stops: [UInt32], shade: Double) -> UInt32? {
    guard let first = stops.first else { return nil }
    guard stops.count > 1 else { return first }
    let clamped = shade.isFinite ? min(max(shade, 0), 1) : 0
    let position = clamped * Double(stops.count - 1)
    let lower = min(Int(position.rounded(.down)), stops.count - 2)
    let t = position - Double(lower)
    let a = stops[lower]
    let b = stops[lower + 1]
    func channel(_ shift: UInt32) -> UInt32 {
      let low = Double(a >> shift & 0xFF)
      let high = Double(b >> shift & 0xFF)
      return UInt32((low + (high - low) * t).rounded()) << shift
    }
    return channel(16) | channel(8) | channel(0)
  }

  /// The entry of `ramp` for a shade in 0…1 (non-finite shades count as 0).
  static func pick<Element>(_ ramp: [Element], shade: Double) -> Element? {
    guard !ramp.isEmpty else { return nil }
    let clamped = shade.isFinite ? min(max(shade, 0), 1) : 0
    return ramp[Int((clamped * Double(ramp.count - 1)).rounded())]
  }
}
