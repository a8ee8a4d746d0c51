/// Everything about the picture's look that a user may want to change.
///
/// A plain struct of named fields, read from a theme file (see `ThemeFile`)
/// or built in code; `Theme.standard` is the built-in default that is always
/// available, so a missing themes folder never stops the program. One theme
/// serves every terminal: colours carry 256-, 16- and 8-colour values, glyphs
/// an ASCII twin, and without colour the heatmap falls back to its glyph ramp.
public struct Theme: Hashable, Sendable {
  /// A name for the theme, shown to the user and part of the heatmap cache key.
  public var name: String
  /// One line saying what the theme is for, shown by `optiscope themes`.
  public var summary: String

  // MARK: Screen

  /// The colour behind panels and text (the terminal's own when default).
  public var background: Color
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

  // MARK: Heatmap

  /// The band colours from low to high f, filled in as cell backgrounds.
  public var colorRamp: ColorRamp
  /// Fill glyphs from the lowest band (lightest) to the highest (densest), used
  /// when there is no colour to carry the picture.
  public var fillGlyphs: [Character]
  /// The fill glyphs when only ASCII may be drawn.
  public var asciiFillGlyphs: [Character]
  /// The colour of contour lines over coloured bands (or none).
  public var contourColor: DerivedColor
  /// Contour-line glyphs: horizontal, vertical, rising (╱) and falling (╲) lines.
  public var contourGlyphs: ContourGlyphs
  /// The contour-line glyphs when only ASCII may be drawn.
  public var asciiContourGlyphs: ContourGlyphs
  /// Whether contour lines are drawn over the glyph ramp when there is no colour.
  public var drawsMonochromeContours: Bool
  /// The look of cells where f is undefined (NaN or ±∞).
  public var undefinedGlyph: Character
  public var asciiUndefinedGlyph: Character
  public var undefinedColor: Color
  public var undefinedBackground: Color

  // MARK: Optimizers and markers

  /// One style per optimizer, used in order and repeated when there are more optimizers.
  public var racers: [RacerStyle]
  /// Attributes of the trails' dots (e.g. bold, so thin braille dots stand out on colour).
  public var trailAttributes: Cell.Attributes
  /// The background behind trails, markers and positions over coloured bands
  /// (none: the band's own), so they stay readable on light and dark bands alike.
  public var shadow: DerivedColor
  public var start: MarkerStyle
  public var minimum: MarkerStyle
  /// Attributes of each optimizer's glyph at its current position.
  public var currentAttributes: Cell.Attributes

  /// The contour-line glyphs by direction.
  public struct ContourGlyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var rising: Character
    public var falling: Character

    /// The four glyphs in file order: horizontal, vertical, rising, falling.
    public var all: [Character] { [horizontal, vertical, rising, falling] }

    /// `-`, `|`, `/` and `\`.
    public static let ascii = ContourGlyphs(
      horizontal: "-", vertical: "|", rising: "/", falling: "\\")
    /// Box-drawing lines `─`, `│`, `╱` and `╲`.
    public static let lines = ContourGlyphs(
      horizontal: "─", vertical: "│", rising: "╱", falling: "╲")
  }

  /// A plain monochrome theme: terminal colours, a glyph ramp, bold optimizers.
  ///
  /// The starting point of every theme file; `standard` and the shipped files
  /// set every field.
  public init(name: String, summary: String = "") {
    self.name = name
    self.summary = summary
    background = .terminalDefault
    text = .terminalDefault
    heading = .terminalDefault
    dimText = .terminalDefault
    statusForeground = .terminalDefault
    statusBackground = .terminalDefault
    warning = .terminalDefault
    error = .terminalDefault
    border = .terminalDefault
    colorRamp = .none
    fillGlyphs = Array(" .:-=+*#%@")
    asciiFillGlyphs = Array(" .:-=+*#%@")
    contourColor = .none
    contourGlyphs = .lines
    asciiContourGlyphs = .ascii
    drawsMonochromeContours = false
    undefinedGlyph = "╳"
    asciiUndefinedGlyph = "x"
    undefinedColor = .terminalDefault
    undefinedBackground = .terminalDefault
    racers = zip(Array("●■▲◆★✚✖◉▼◀▶◈✦"), Array("123456789ABCD")).map {
      RacerStyle(color: .terminalDefault, glyph: $0.0, asciiGlyph: $0.1)
    }
    trailAttributes = []
    shadow = .none
    start = MarkerStyle(glyph: "○", asciiGlyph: "S", color: .terminalDefault)
    minimum = MarkerStyle(glyph: "◇", asciiGlyph: "M", color: .terminalDefault)
    currentAttributes = [.bold]
  }

  /// The style of the optimizer with this index (palette repeats when exhausted).
  ///
  /// Its colour is bold at 8 colours exactly when its 16-colour fallback is
  /// bright: the trails are bold, and an 8-colour terminal shows bold as bright,
  /// so without this seven colours would have to tell eleven optimizers apart.
  public func racerStyle(_ index: Int) -> RacerStyle {
    guard !racers.isEmpty else {
      return RacerStyle(color: .terminalDefault, glyph: "●", asciiGlyph: "o")
    }
    var style = racers[((index % racers.count) + racers.count) % racers.count]
    style.color = style.color.brightAtEight
    return style
  }

  /// Whether the heatmap is drawn in colour at this depth (else with the glyph ramp).
  public func fillsWithColor(at depth: ColorDepth) -> Bool {
    depth.hasColor && !colorRamp.isEmpty
  }

  /// The fill glyph for a shade in 0…1.
  public func fillGlyph(shade: Double, ascii: Bool = false) -> Character {
    ColorRamp.pick(ascii ? asciiFillGlyphs : fillGlyphs, shade: shade) ?? " "
  }

  /// The band colour for a shade in 0…1 (the terminal's own when there is no ramp).
  public func fillColor(shade: Double) -> Color {
    colorRamp.color(shade: shade)
  }

  /// The contour glyphs to draw with.
  public func contourGlyphs(ascii: Bool) -> ContourGlyphs {
    ascii ? asciiContourGlyphs : contourGlyphs
  }
}
