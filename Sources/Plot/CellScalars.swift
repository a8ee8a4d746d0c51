/// The scalars of a text that each take a cell of the screen, in order.
///
/// A cell shows one scalar: the first of each user-perceived character.
/// Walking a string's `Character`s would find those exactly, but costs some
/// twenty times more than walking its scalars, and the legend and status
/// line are laid out in every frame; so the scalars are walked, and the ones
/// that only continue the character before are passed over: combining marks
/// and other extenders, a joiner and the emoji it joins on (the parts of an
/// emoji sequence), skin-tone modifiers, and the second half of a flag.
public struct CellScalars: Sequence, IteratorProtocol {
  private var scalars: String.UnicodeScalarView.Iterator
  /// Whether the last scalar was a zero-width joiner, so the next one joins on.
  private var joins = false
  /// Whether the last cell began with a regional indicator still without its pair.
  private var opensFlag = false
  /// Whether a cell has begun: a mark at the very start is a character of its own.
  private var hasCell = false

  public init(_ text: String) {
    scalars = text.unicodeScalars.makeIterator()
  }

  @inline(__always)
  public mutating func next() -> Unicode.Scalar? {
    while let scalar = scalars.next() {
      let value = scalar.value
      if value < 0x300 || !hasCell {
        hasCell = true
        joins = false
        opensFlag = (0x1F1E6...0x1F1FF).contains(value)
        return scalar
      }
      if value == 0x200D {
        joins = true
        continue
      }
      if joins {
        joins = false
        // A joiner holds emoji together (👨‍👩‍👧); anything else starts its own cell.
        if value >= 0x2000 && scalar.properties.isEmoji { continue }
      }
      // Greek, punctuation, arrows, mathematical signs, box drawing, blocks, shapes and
      // braille (what optiscope itself draws) never continue a character: no lookup.
      if (0x0370...0x0482).contains(value) || (0x2010...0x20CF).contains(value)
        || (0x2100...0x2BFF).contains(value)
      {
        opensFlag = false
        return scalar
      }
      let properties = scalar.properties
      if properties.isGraphemeExtend || properties.generalCategory == .spacingMark
        || (0x1F3FB...0x1F3FF).contains(value)
      {
        continue
      }
      if (0x1F1E6...0x1F1FF).contains(value) {
        if opensFlag {
          opensFlag = false
          continue
        }
        opensFlag = true
        return scalar
      }
      opensFlag = false
      return scalar
    }
    return nil
  }

  /// How many cells `text` takes.
  public static func count(in text: String) -> Int {
    var count = 0
    for _ in CellScalars(text) { count += 1 }
    return count
  }
}
