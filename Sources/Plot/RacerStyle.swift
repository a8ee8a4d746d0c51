/// How one optimizer looks: its colour and its glyph, so it can be told apart
/// by shape alone on a monochrome terminal or by a colour-blind user.
public struct RacerStyle: Hashable, Sendable {
  public var color: Color
  /// A single-column glyph for the current position and the legend.
  public var glyph: Character
  /// The glyph used when only ASCII may be drawn.
  public var asciiGlyph: Character
}
