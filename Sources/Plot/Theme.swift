/// Everything about the picture's look that a user may want to change.
///
/// A plain struct of named fields, so a theme file can later be read straight
/// into it; `Theme.standard` is the built-in default that is always available.
public struct Theme: Hashable, Sendable {
  /// A name for the theme, shown to the user and part of the heatmap cache key.
  public var name: String
  /// Fill glyphs from the lowest band (lightest) to the highest (densest).
  public var fillGlyphs: [Character]
  /// Fill colours from low to high f; used as the glyphs' foreground.
  public var fillColors: [Color]
  /// Optional background ramp from low to high f, or empty for the terminal's background.
  public var fillBackgrounds: [Color]
  /// Contour-line glyphs: horizontal, vertical, rising (╱) and falling (╲) lines.
  public var contourGlyphs: ContourGlyphs
  /// The contour lines' colour, or nil to draw them in the colour of their band.
  public var contourColor: Color?
  /// The look of cells where f is undefined (NaN or ±∞).
  public var undefinedGlyph: Character
  public var undefinedColor: Color
  /// One style per optimizer, used in order and repeated when there are more optimizers.
  public var racers: [RacerStyle]
  public var start: MarkerStyle
  public var minimum: MarkerStyle
  /// Plain panel text, headings, secondary text and the status bar.
  public var text: Color
  public var heading: Color
  public var dimText: Color
  public var statusForeground: Color
  public var statusBackground: Color
  /// Notices (e.g. "shifted log scale", "diverged") and errors.
  public var warning: Color
  public var error: Color
  /// Separators and frames between panels.
  public var border: Color

  /// The contour-line glyphs by direction.
  public struct ContourGlyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var rising: Character
    public var falling: Character

    public init(horizontal: Character, vertical: Character, rising: Character, falling: Character) {
      self.horizontal = horizontal
      self.vertical = vertical
      self.rising = rising
      self.falling = falling
    }
  }

  public init(
    name: String, fillGlyphs: [Character], fillColors: [Color], fillBackgrounds: [Color],
    contourGlyphs: ContourGlyphs, contourColor: Color?, undefinedGlyph: Character,
    undefinedColor: Color, racers: [RacerStyle], start: MarkerStyle, minimum: MarkerStyle,
    text: Color, heading: Color, dimText: Color, statusForeground: Color,
    statusBackground: Color, warning: Color, error: Color, border: Color
  ) {
    self.name = name
    self.fillGlyphs = fillGlyphs
    self.fillColors = fillColors
    self.fillBackgrounds = fillBackgrounds
    self.contourGlyphs = contourGlyphs
    self.contourColor = contourColor
    self.undefinedGlyph = undefinedGlyph
    self.undefinedColor = undefinedColor
    self.racers = racers
    self.start = start
    self.minimum = minimum
    self.text = text
    self.heading = heading
    self.dimText = dimText
    self.statusForeground = statusForeground
    self.statusBackground = statusBackground
    self.warning = warning
    self.error = error
    self.border = border
  }

  /// The style of the optimizer with this index (palette repeats when exhausted).
  public func racerStyle(_ index: Int) -> RacerStyle {
    guard !racers.isEmpty else {
      return RacerStyle(color: .terminalDefault, glyph: "●", asciiGlyph: "o")
    }
    return racers[((index % racers.count) + racers.count) % racers.count]
  }

  /// The fill glyph for a shade in 0…1.
  public func fillGlyph(shade: Double) -> Character {
    Self.pick(fillGlyphs, shade: shade) ?? " "
  }

  /// The fill colour for a shade in 0…1.
  public func fillColor(shade: Double) -> Color {
    Self.pick(fillColors, shade: shade) ?? .terminalDefault
  }

  /// The fill background for a shade in 0…1 (the terminal's own when the ramp is empty).
  public func fillBackground(shade: Double) -> Color {
    Self.pick(fillBackgrounds, shade: shade) ?? .terminalDefault
  }

  private static func pick<Element>(_ ramp: [Element], shade: Double) -> Element? {
    guard !ramp.isEmpty else { return nil }
    let clamped = shade.isFinite ? min(max(shade, 0), 1) : 0
    return ramp[Int((clamped * Double(ramp.count - 1)).rounded())]
  }

  /// The built-in default: a viridis-like ramp on the terminal's dark background,
  /// eleven bright optimizer colours each with its own glyph.
  public static let standard = Theme(
    name: "default",
    fillGlyphs: [" ", "·", "·", ":", ":", "-", "=", "+", "*", "#", "%", "@"],
    fillColors: [
      .xterm(96, fallback: 5), .xterm(97, fallback: 5), .xterm(103, fallback: 4),
      .xterm(67, fallback: 4), .xterm(66, fallback: 6), .xterm(73, fallback: 6),
      .xterm(72, fallback: 2), .xterm(108, fallback: 2), .xterm(144, fallback: 3),
    ],
    fillBackgrounds: [
      .xterm(53, fallback: 0), .xterm(54, fallback: 0), .xterm(60, fallback: 0),
      .xterm(24, fallback: 0), .xterm(23, fallback: 0), .xterm(30, fallback: 0),
      .xterm(29, fallback: 0), .xterm(65, fallback: 0), .xterm(101, fallback: 0),
    ],
    contourGlyphs: ContourGlyphs(horizontal: "─", vertical: "│", rising: "╱", falling: "╲"),
    contourColor: nil,
    undefinedGlyph: "╳",
    undefinedColor: .xterm(238, fallback: 8),
    racers: [
      RacerStyle(color: .xterm(196, fallback: 9), glyph: "●", asciiGlyph: "o"),
      RacerStyle(color: .xterm(51, fallback: 14), glyph: "■", asciiGlyph: "x"),
      RacerStyle(color: .xterm(226, fallback: 11), glyph: "▲", asciiGlyph: "+"),
      RacerStyle(color: .xterm(201, fallback: 13), glyph: "◆", asciiGlyph: "*"),
      RacerStyle(color: .xterm(46, fallback: 10), glyph: "★", asciiGlyph: "#"),
      RacerStyle(color: .xterm(208, fallback: 3), glyph: "✚", asciiGlyph: "@"),
      RacerStyle(color: .xterm(231, fallback: 15), glyph: "✖", asciiGlyph: "%"),
      RacerStyle(color: .xterm(33, fallback: 12), glyph: "◉", asciiGlyph: "&"),
      RacerStyle(color: .xterm(213, fallback: 5), glyph: "▼", asciiGlyph: "$"),
      RacerStyle(color: .xterm(154, fallback: 2), glyph: "◀", asciiGlyph: "="),
      RacerStyle(color: .xterm(141, fallback: 4), glyph: "▶", asciiGlyph: "~"),
    ],
    start: MarkerStyle(glyph: "○", asciiGlyph: "S", color: .xterm(46, fallback: 10)),
    minimum: MarkerStyle(glyph: "◇", asciiGlyph: "M", color: .xterm(39, fallback: 12)),
    text: .xterm(252, fallback: 7),
    heading: .xterm(255, fallback: 15),
    dimText: .xterm(244, fallback: 8),
    statusForeground: .xterm(255, fallback: 15),
    statusBackground: .xterm(237, fallback: 4),
    warning: .xterm(214, fallback: 11),
    error: .xterm(203, fallback: 9),
    border: .xterm(240, fallback: 8)
  )
}
