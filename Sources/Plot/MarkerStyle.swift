/// How a fixed point of the map is marked: the start point or a known minimum.
public struct MarkerStyle: Hashable, Sendable {
  public var glyph: Character
  /// The glyph used when only ASCII may be drawn.
  public var asciiGlyph: Character
  public var color: Color
  public var attributes: Cell.Attributes

  public init(
    glyph: Character, asciiGlyph: Character, color: Color, attributes: Cell.Attributes = [.bold]
  ) {
    self.glyph = glyph
    self.asciiGlyph = asciiGlyph
    self.color = color
    self.attributes = attributes
  }
}
