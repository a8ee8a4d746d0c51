import Plot

/// A colour as pixels show it: red, green and blue from 0 to 1.
///
/// The theme speaks in xterm colour indices (what a terminal can show); an image
/// can show any colour, so each index is turned into the colour xterm gives it.
public struct RGB: Hashable, Sendable {
  public var red: Double
  public var green: Double
  public var blue: Double

  // duplicates: a public memberwise init other modules call (shaped like FigureLayout's lets).
  public init(red: Double, green: Double, blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// The colour of an xterm 256-colour index in xterm's default palette.
  public init(xterm index: UInt8) {
    let value = XtermPalette.rgb(index)
    self.init(red: value.red / 255, green: value.green / 255, blue: value.blue / 255)
  }

  /// The colour a theme colour stands for, or `fallback` for the terminal's default.
  public init(_ color: Color, fallback: RGB) {
    if let index = color.index256 { self.init(xterm: index) } else { self = fallback }
  }

  /// The colour `fraction` of the way from `self` to `other`.
  public func mixed(with other: RGB, _ fraction: Double) -> RGB {
    RGB(
      red: red + (other.red - red) * fraction, green: green + (other.green - green) * fraction,
      blue: blue + (other.blue - blue) * fraction)
  }

  /// The channels as bytes, for palettes.
  public var bytes: (red: UInt8, green: UInt8, blue: UInt8) {
    func byte(_ channel: Double) -> UInt8 { UInt8(min(max(channel, 0), 1) * 255 + 0.5) }
    return (byte(red), byte(green), byte(blue))
  }

  public static let black = RGB(red: 0, green: 0, blue: 0)
  public static let white = RGB(red: 1, green: 1, blue: 1)
}
