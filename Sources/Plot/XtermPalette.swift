/// The colours behind xterm's 256 colour indices, for deriving lighter and
/// darker shades of a theme's colours.
///
/// Uses xterm's default palette; terminals differ in the first 16, which is
/// why shades of those are picked by rule (the bright or normal twin) rather
/// than by measured colour.
public enum XtermPalette {
  /// The red, green and blue (0–255) of a 256-colour index.
  public static func rgb(_ index: UInt8) -> (red: Double, green: Double, blue: Double) {
    let basic: [(Double, Double, Double)] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
      (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
      (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    let value = Int(index)
    if value < 16 { return basic[value] }
    if value < 232 {
      let levels: [Double] = [0, 95, 135, 175, 215, 255]
      let cube = value - 16
      return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    }
    let grey = Double(8 + (value - 232) * 10)
    return (grey, grey, grey)
  }

  /// The colour of a 256-colour index as 0xRRGGBB.
  static func packed(_ index: UInt8) -> UInt32 {
    let (red, green, blue) = rgb(index)
    return UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
  }

  /// The 256-colour index (16–255: the cube and the greys, which terminals agree
  /// on) closest to a 24-bit colour, by distance in RGB.
  static func nearest(_ packed: UInt32) -> UInt8 {
    let red = Double(packed >> 16 & 0xFF)
    let green = Double(packed >> 8 & 0xFF)
    let blue = Double(packed & 0xFF)
    var best: UInt8 = 16
    var bestDistance = Double.infinity
    for index in UInt8(16)...UInt8(255) {
      let (r, g, b) = rgb(index)
      let distance = (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
      if distance < bestDistance {
        bestDistance = distance
        best = index
      }
    }
    return best
  }

  /// CIE L*a*b* of every 256-colour index, computed once.
  private static let labTable: [(lightness: Double, a: Double, b: Double)] = (0...255).map {
    computeLab(UInt8($0))
  }

  /// CIE L*a*b* of a 256-colour index (sRGB, D65).
  static func lab(_ index: UInt8) -> (lightness: Double, a: Double, b: Double) {
    labTable[Int(index)]
  }

  private static func computeLab(_ index: UInt8) -> (lightness: Double, a: Double, b: Double) {
    let color = rgb(index)
    func linear(_ channel: Double) -> Double {
      let value = channel / 255
      return value <= 0.04045 ? value / 12.92 : Double.power((value + 0.055) / 1.055, 2.4)
    }
    let red = linear(color.red)
    let green = linear(color.green)
    let blue = linear(color.blue)
    let x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    let y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    let z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883
    func f(_ t: Double) -> Double { t > 0.008856 ? Double.root(t, 3) : 7.787 * t + 16.0 / 116.0 }
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
  }

  /// The colour (16–255) nearest in L*a*b* to `index` made `step` L* units lighter
  /// (or darker), keeping hue and chroma as far as the palette allows; never
  /// `index` itself, so a line always shows on its band. Where that way is
  /// closed (white lighter, black darker) the shade goes the other way.
  static func shifted(_ index: UInt8, by step: Double, lighter: Bool) -> UInt8 {
    let source = lab(index)
    let lightness = source.lightness + (lighter ? step : -step)
    // Darker colours hold less chroma; asking for the full chroma would pick a
    // colour barely darker than the band.
    let chroma = lighter || source.lightness <= 0 ? 1 : max(lightness, 0) / source.lightness
    let target = (lightness: lightness, a: source.a * chroma, b: source.b * chroma)
    var best = index
    var bestDistance = Double.infinity
    for candidate in UInt8(16)...UInt8(255) where candidate != index {
      let other = lab(candidate)
      // Only shades that go the asked way count; hue and chroma should stay close.
      let towards =
        lighter ? other.lightness > source.lightness : other.lightness < source.lightness
      guard towards else { continue }
      // Lightness counts double: a shade is first of all lighter or darker.
      let distance =
        4 * Double.power(other.lightness - target.lightness, 2)
        + Double.power(other.a - target.a, 2)
        + Double.power(other.b - target.b, 2)
      if distance < bestDistance {
        bestDistance = distance
        best = candidate
      }
    }
    if best == index { return shifted(index, by: step, lighter: !lighter) }
    return best
  }

  /// The bright twin of a basic colour for a lighter line (the normal twin for a darker one);
  /// where that way is closed (bright white lighter, black darker), the other twin.
  static func shifted16(_ index: UInt8, lighter: Bool) -> UInt8 {
    let value = index % 16
    switch (value, lighter) {
    case (8, true): return 7
    case (7, false): return 8
    case (0..<8, _): return value + 8
    default: return value - 8
    }
  }

  /// The 8 basic colours from darkest to lightest (as xterm shows them).
  static let basicByLightness: [UInt8] = [0, 4, 1, 5, 2, 6, 3, 7]

  /// The next lighter (or darker) of the 8 basic colours, for a line that
  /// stands out from its band without the glare of black or white on it;
  /// at the ends of the order, the neighbour the other way.
  static func shifted8(_ index: UInt8, lighter: Bool) -> UInt8 {
    let order = basicByLightness
    guard let position = order.firstIndex(of: index % 8) else { return 7 }
    var next = position + (lighter ? 1 : -1)
    if next < 0 || next >= order.count { next = position + (lighter ? -1 : 1) }
    return order[next]
  }

  /// A darker shade of at least this many L* units is a shadow: black at 16
  /// and 8 colours, where no nearer dark shade exists.
  static let shadowStep = 20.0
}
