import CNCursesW

/// The curses colour pairs in use: one per distinct (foreground, background), made on first use.
///
/// Curses draws colours only through numbered pairs, and the terminal has a
/// limited table of them (64 on an 8-colour xterm, 256 or more elsewhere).
/// Pairs are allocated lazily and cached, never re-initialised per frame;
/// once the table is full, a colour falls back to the closest pair that
/// already exists, and finally to the terminal's default colours — a picture
/// that degrades instead of a crash.
///
/// Pairs are made with ncurses' extended calls (`init_extended_pair`), so a
/// direct-colour terminal (colour numbers are 0xRRGGBB) and pair tables larger
/// than a C short both work.
struct ColorPairTable {
  /// Colour numbers as curses takes them: an index (or 0xRRGGBB on a
  /// direct-colour terminal), or -1 for the terminal default.
  struct Key: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// Pair numbers given out so far.
  private var pairs: [Key: Int32] = [:]
  private var nextPair: Int32 = 1
  /// The highest pair number this terminal accepts (pair 0 is fixed to the defaults).
  private let lastPair: Int32
  /// Whether -1 (the terminal's own colour) is usable; otherwise white on black stands in.
  private let hasDefaultColors: Bool
  /// How many colours the terminal has: indices at or above this are never sent.
  private let colorCount: Int

  init(pairCount: Int, colorCount: Int, hasDefaultColors: Bool) {
    self.lastPair = Int32(max(0, min(pairCount - 1, Int(Int32.max))))
    self.colorCount = colorCount
    self.hasDefaultColors = hasDefaultColors
  }

  /// The pair number showing `foreground` on `background` (nil: terminal default).
  mutating func pair(foreground: Int?, background: Int?) -> Int32 {
    let key = Key(
      foreground: curses(foreground, defaultIndex: 7),
      background: curses(background, defaultIndex: 0))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let existing = pairs[key] { return existing }
    if nextPair <= lastPair, init_extended_pair(nextPair, key.foreground, key.background) == OK {
      let number = nextPair
      nextPair += 1
      pairs[key] = number
      return number
    }
    // The table is full: keep the foreground (it carries glyphs and trails),
    // then the background, then give up on colour for this cell.
    if let sameForeground = pairs.first(where: { $0.key.foreground == key.foreground }) {
      return sameForeground.value
    }
    if let sameBackground = pairs.first(where: { $0.key.background == key.background }) {
      return sameBackground.value
    }
    return 0
  }

  /// A colour number curses accepts on this terminal.
  private func curses(_ index: Int?, defaultIndex: Int32) -> Int32 {
    guard let index, index >= 0, index < colorCount, index <= Int(Int32.max) else {
      return hasDefaultColors ? -1 : defaultIndex
    }
    return Int32(index)
  }
}
