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
///
/// Text that holds a control or a bidirectional override (see `DisplayText`)
/// is laid out as `DisplayText` shows it, `\e` for ESC and so on: every
/// string that reaches a cell passes here, so a label, a theme description
/// or an echoed input cannot put an escape sequence on the screen, into
/// `render` output or into a cast, and widths are measured as drawn.
public struct CellScalars: Sequence, IteratorProtocol {
  private var scalars: String.UnicodeScalarView.Iterator?
  private var characters: String.Iterator?

  public init(_ text: String) {
    var walk = Self.walk(of: text)
    var text = text
    if walk == .escaped {
      text = DisplayText.escaped(text)
      walk = Self.walk(of: text)
    }
    if walk == .scalars {
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
    switch walk(of: text) {
    case .scalars: text.unicodeScalars.count
    case .characters: text.count
    case .escaped: count(in: DisplayText.escaped(text))
    }
  }

  /// How a text is walked into cells.
  enum Walk {
    /// Scalar by scalar: every scalar is a character of its own.
    case scalars
    /// Character by character: some scalars join the one before.
    case characters
    /// As `DisplayText` shows it: some scalar must not reach the screen raw.
    case escaped
  }

  /// How `text` is walked: by scalars when each lies in a range where no scalar joins
  /// the one before; by characters otherwise; escaped first when any needs escaping.
  @inline(__always)
  static func walk(of text: String) -> Walk {
    var walk = Walk.scalars
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0x20 && value < 0x7F { continue }
      if DisplayText.needsEscaping(scalar) { return .escaped }
      if !(value < 0x300 || (0x0370...0x0482).contains(value)
        || (0x2010...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value))
      {
        walk = .characters
      }
    }
    return walk
  }
}
