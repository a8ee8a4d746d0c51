/// A colour as the picture asks for it, with the fallbacks a weaker terminal needs.
///
/// The picture is composed once and shown on terminals of very different
/// abilities, so a cell's colour carries an optional 24-bit colour, its
/// 256-colour index, a 16-colour fallback and an 8-colour fallback; the
/// terminal (or the text encoder) picks the one its depth allows. `nil`
/// means the terminal's own default colour.
public struct Color: Hashable, Sendable {
  /// The exact colour as 0xRRGGBB for 24-bit terminals; nil: the 256-colour
  /// index's xterm colour stands in.
  public var rgb: UInt32?
  /// An xterm 256-colour index, or nil for the terminal's default.
  public var index256: UInt8?
  /// A 0–15 ANSI colour used when only 16 colours are available.
  public var index16: UInt8?
  /// A 0–7 ANSI colour used when only 8 colours are available.
  public var index8: UInt8?
  /// At 8 colours, whether a cell drawn in this colour is bold (true) or not
  /// (false), whatever its own attributes; nil leaves them alone.
  ///
  /// An 8-colour terminal shows a bold colour as its bright twin, so this is
  /// the 16-colour fallback's brightness where only 8 colours exist: the
  /// optimizers' colours carry it (see `Theme.racerStyle`), which makes
  /// fourteen of them distinct at 8 colours instead of seven.
  public var boldAtEight: Bool?

  /// A colour whose 8-colour fallback is the 16-colour one without its brightness.
  public init(index256: UInt8?, index16: UInt8?) {
    self.init(index256: index256, index16: index16, index8: index16.map { $0 % 8 })
  }

  /// A colour with every fallback given.
  public init(index256: UInt8?, index16: UInt8?, index8: UInt8?) {
    self.index256 = index256
    self.index16 = index16
    self.index8 = index8.map { $0 % 8 }
  }

  /// A 24-bit colour with the fallbacks of `fallback` for weaker terminals.
  public init(rgb: UInt32, fallback: Color) {
    self = fallback
    self.rgb = rgb & 0xFF_FFFF
  }

  /// The terminal's default foreground or background.
  public static let terminalDefault = Color(index256: nil, index16: nil)

  /// A colour given by its 256-colour index and 16-colour fallback.
  public static func xterm(_ index256: UInt8, fallback index16: UInt8) -> Color {
    Color(index256: index256, index16: index16)
  }

  /// A colour given by its 256-colour index and its 16- and 8-colour fallbacks.
  public static func xterm(_ index256: UInt8, _ index16: UInt8, _ index8: UInt8) -> Color {
    Color(index256: index256, index16: index16, index8: index8)
  }

  /// One of the 16 basic ANSI colours, used as is at every depth.
  public static func ansi(_ index16: UInt8) -> Color {
    Color(index256: index16, index16: index16)
  }

  /// Whether this is the terminal's default colour at every depth.
  public var isTerminalDefault: Bool {
    rgb == nil && index256 == nil && index16 == nil && index8 == nil
  }

  /// This colour, drawn bold at 8 colours exactly when its 16-colour fallback
  /// is a bright one (8–15), so its brightness survives there.
  public var brightAtEight: Color {
    var color = self
    color.boldAtEight = index16.map { $0 >= 8 }
    return color
  }

  /// This colour with its 8- and 16-colour fallbacks moved off `other`'s where the two are
  /// the same colour, so a glyph and the cell behind it never show in one colour.
  ///
  /// Fewer colours than a theme's ramp make a contour line's shade (a darker band)
  /// collapse onto its band, black on black in the valley: the line takes the colour that
  /// stands out. An optimizer's trail keeps its own colour, which is what tells it apart,
  /// so where it crosses a band of that colour the band gives way under it. At 256 and
  /// 24-bit nothing changes.
  public func distinct(from other: Color) -> Color {
    var color = self
    if let index = index8, index == other.index8 { color.index8 = Self.contrast8(index) }
    if let index = index16, index == other.index16 { color.index16 = Self.contrast16(index) }
    return color
  }

  /// White for black, black for every other of the 8 colours.
  static func contrast8(_ index: UInt8) -> UInt8 { index == 0 ? 7 : 0 }

  /// Black for the light ANSI colours (yellow, cyan, white, the bright ones but grey),
  /// bright white for the dark ones.
  static func contrast16(_ index: UInt8) -> UInt8 {
    [0, 1, 2, 4, 5, 8].contains(index) ? 15 : 0
  }

  /// The attributes a cell with this foreground shows at `depth`: `attributes`,
  /// with bold set or cleared by `boldAtEight` at 8 colours.
  public func attributes(_ attributes: Cell.Attributes, at depth: ColorDepth) -> Cell.Attributes {
    guard depth == .eight, let bold = boldAtEight else { return attributes }
    var shown = attributes
    if bold { shown.insert(.bold) } else { shown.remove(.bold) }
    return shown
  }

  /// The colour index to use at a given depth, or nil for the terminal default;
  /// at 24 bits, the 256-colour index (see `trueColor` for the exact colour).
  public func index(at depth: ColorDepth) -> Int? {
    switch depth {
    case .none: return nil
    case .eight: return index8.map { Int($0) }
    case .sixteen: return index16.map { Int($0) }
    case .full256, .truecolor: return index256.map { Int($0) }
    }
  }

  /// The 24-bit colour (0xRRGGBB) to show on a 24-bit terminal: the exact one,
  /// else the xterm colour of the 256-colour index, or nil for the terminal default.
  public var trueColor: UInt32? {
    if let rgb { return rgb }
    return index256.map { XtermPalette.packed($0) }
  }
}

/// How many colours the output can show.
public enum ColorDepth: Int, Sendable, CaseIterable, Comparable {
  case none = 0
  case eight = 8
  case sixteen = 16
  case full256 = 256
  /// 24-bit colour (ANSI `38;2;r;g;b`), 16,777,216 colours.
  case truecolor = 16_777_216

  public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

  /// The best depth a terminal reporting `colors` colours supports.
  public init(colors: Int) {
    switch colors {
    case 16_777_216...: self = .truecolor
    case 256..<16_777_216: self = .full256
    case 16..<256: self = .sixteen
    case 8..<16: self = .eight
    default: self = .none
    }
  }

  /// Whether any colour is shown at all.
  public var hasColor: Bool { self != .none }
}
