/// One character cell of the screen: a glyph, its colours and attributes.
///
/// Everything optiscope draws ends up as a grid of these, so tests can compare
/// pictures exactly and the terminal can send only the cells that changed.
public struct Cell: Hashable, Sendable {
  /// A single-column glyph (ASCII, box drawing, block elements or braille).
  public var character: Character
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  public init(
    _ character: Character = " ",
    foreground: Color = .terminalDefault,
    background: Color = .terminalDefault,
    attributes: Attributes = []
  ) {
    self.character = character
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// An empty cell in the terminal's default colours.
  public static let blank = Cell()

  /// Text attributes that survive on monochrome terminals too.
  public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
  }
}
