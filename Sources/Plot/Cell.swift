/// One character cell of the screen: a glyph, its colours and attributes.
///
/// Everything optiscope draws ends up as a grid of these, so tests can compare
/// pictures exactly and the terminal can send only the cells that changed.
///
/// The glyph is one Unicode scalar, not a `Character`: a cell is one column
/// wide, so a grapheme cluster's extra scalars (combining marks, variation
/// selectors) have nothing to add there, and a cell without references is
/// plain bytes — a frame of thousands of cells is then created, copied,
/// compared and written without a retain or a release, which is what makes
/// recording hundreds of frames a second cheap.
public struct Cell: Hashable, Sendable {
  /// A single-column glyph (ASCII, box drawing, block elements or braille).
  public var glyph: Unicode.Scalar
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  /// A cell showing `glyph`.
  public init(
    glyph: Unicode.Scalar,
    foreground: Color = .terminalDefault,
    background: Color = .terminalDefault,
    attributes: Attributes = []
  ) {
    self.glyph = glyph
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// A cell showing `character`'s first scalar (the one that takes the column).
  public init(
    _ character: Character = " ",
    foreground: Color = .terminalDefault,
    background: Color = .terminalDefault,
    attributes: Attributes = []
  ) {
    self.init(
      glyph: Self.glyph(of: character), foreground: foreground, background: background,
      attributes: attributes)
  }

  /// The glyph as a `Character`, for code that reads or writes text.
  public var character: Character {
    get { Character(glyph) }
    set { glyph = Self.glyph(of: newValue) }
  }

  /// The scalar a character shows in one cell: its first (the base of a cluster).
  static func glyph(of character: Character) -> Unicode.Scalar {
    character.unicodeScalars.first ?? " "
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
