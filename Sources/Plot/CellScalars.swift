/// The scalars of a text that each take a cell of the screen: the first scalar of each
/// user-perceived character (`Character`), in order.
///
/// Walking a string's `Character`s costs some twenty times more than walking
/// its scalars, and the legend and status line are laid out in every frame.
/// Most text (ASCII, Latin, Greek, punctuation, arrows, mathematical signs,
/// box drawing, blocks, shapes, braille) has one scalar per character, and is
/// walked scalar by scalar; any other text is walked character by character,
/// so that marks, emoji sequences, flags, Hangul syllables written in jamo
/// and the like each take the one cell they take as text.
public struct CellScalars: Sequence, IteratorProtocol {
  private var scalars: String.UnicodeScalarView.Iterator?
  private var characters: String.Iterator?

  public init(_ text: String) {
    if Self.isOneScalarPerCharacter(text) {
      scalars = text.unicodeScalars.makeIterator()
    } else {
      characters = text.makeIterator()
    }
  }

  @inline(__always)
  public mutating func next() -> Unicode.Scalar? {
    if scalars != nil { return scalars?.next() }
    return characters?.next().map { $0.unicodeScalars.first ?? " " }
  }

  /// How many cells `text` takes.
  public static func count(in text: String) -> Int {
    isOneScalarPerCharacter(text) ? text.unicodeScalars.count : text.count
  }

  /// Whether every scalar of `text` is a character of its own: each lies in a range
  /// where no scalar joins the one before (carriage return, which pairs with a line
  /// feed, excluded).
  @inline(__always)
  static func isOneScalarPerCharacter(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      let value = scalar.value
      return (value < 0x300 && value != 0x0D) || (0x0370...0x0482).contains(value)
        || (0x2010...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value)
    }
  }
}
