/// The curses colour pairs in use: one per distinct (foreground, background), made on first use.
///
/// Curses draws colours only through numbered pairs, and the terminal has a
/// limited table of them (64 on an 8-colour xterm, 256 or more elsewhere).
/// Pairs are allocated lazily and cached, never re-initialised per frame.
/// `Terminal` holds (`retain`) a pair for every cell on the screen drawn with
/// it and lets it go (`release`) when the cell is written over, so once the
/// table is full, a new colour takes the pair that has gone longest without a
/// cell — a long session through many themes and zooms keeps its colours
/// right. Only when every pair is on the screen does a colour fall back to the
/// closest pair that exists, and finally to the terminal's default colours — a
/// picture that degrades instead of a crash.
///
/// Redefining a pair recolours every cell the terminal shows with it, which is
/// why only a pair no cell holds is ever taken for another colour.
///
/// Pairs are defined by the caller (with ncurses' extended calls,
/// `init_extended_pair`, so a direct-colour terminal — colour numbers are
/// 0xRRGGBB — and pair tables larger than a C short both work).
struct ColorPairTable {
  /// Colour numbers as curses takes them: an index (or 0xRRGGBB on a
  /// direct-colour terminal), or -1 for the terminal default.
  struct Key: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// A pair no cell holds, since the moment `stamp` (stale once the pair is held again).
  private struct Idle {
    var pair: Int32
    var stamp: Int
  }

  /// Pair numbers given out so far.
  private var pairs: [Key: Int32] = [:]
  /// The colours of each pair given out, by pair number (pair 0 unused).
  private var keys: [Key?] = [nil]
  /// How many cells on the screen hold each pair, by pair number.
  private var holders: [Int] = [0]
  /// When each pair last became idle (-1: held, or never used), by pair number.
  private var idleSince: [Int] = [-1]
  /// Pairs that became idle, oldest first; entries whose stamp no longer matches are stale.
  private var idle: [Idle] = []
  private var idleStart = 0
  private var clock = 0
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

  /// How many pairs have been defined (the table's size in use).
  var definedCount: Int { Int(nextPair) - 1 }

  /// The colours pair `number` was last defined with, if it was.
  func colors(ofPair number: Int32) -> Key? {
    number > 0 && Int(number) < keys.count ? keys[Int(number)] : nil
  }

  /// The pair number showing `foreground` on `background` (nil: terminal default).
  ///
  /// `define` defines a pair on the terminal (number and colours) and says whether
  /// it could; it is called only for a pair that is new or taken for new colours.
  /// The caller holds the pair it gets with `retain` before asking for another.
  mutating func pair(
    foreground: Int?, background: Int?, define: (Int32, Key) -> Bool
  ) -> Int32 {
    let key = Key(
      foreground: curses(foreground, defaultIndex: 7),
      background: curses(background, defaultIndex: 0))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let existing = pairs[key] { return existing }
    if nextPair <= lastPair, define(nextPair, key) {
      let number = nextPair
      nextPair += 1
      pairs[key] = number
      keys.append(key)
      holders.append(0)
      idleSince.append(-1)
      return number
    }
    if let reused = takeIdlePair(), define(reused, key) {
      if let old = keys[Int(reused)] { pairs[old] = nil }
      keys[Int(reused)] = key
      pairs[key] = reused
      return reused
    }
    // Every pair is on the screen: keep the foreground (it carries glyphs and
    // trails), then the background, then give up on colour for this cell.
    if let sameForeground = pairs.first(where: { $0.key.foreground == key.foreground }) {
      return sameForeground.value
    }
    if let sameBackground = pairs.first(where: { $0.key.background == key.background }) {
      return sameBackground.value
    }
    return 0
  }

  /// A cell on the screen now shows pair `number`.
  mutating func retain(_ number: Int32) {
    guard number > 0, Int(number) < holders.count else { return }
    holders[Int(number)] += 1
    idleSince[Int(number)] = -1
  }

  /// A cell that showed pair `number` is written over.
  mutating func release(_ number: Int32) {
    guard number > 0, Int(number) < holders.count, holders[Int(number)] > 0 else { return }
    holders[Int(number)] -= 1
    guard holders[Int(number)] == 0 else { return }
    clock += 1
    idleSince[Int(number)] = clock
    idle.append(Idle(pair: number, stamp: clock))
    if idle.count - idleStart > 2 * max(16, Int(lastPair)) { compactIdle() }
  }

  /// How many entries the idle list has, stale ones included (bounded; for tests).
  var idleEntryCount: Int { idle.count - idleStart }

  /// How many cells hold pair `number`.
  func holderCount(ofPair number: Int32) -> Int {
    number > 0 && Int(number) < holders.count ? holders[Int(number)] : 0
  }

  /// The pair that has gone longest without a cell, taken off the idle list.
  private mutating func takeIdlePair() -> Int32? {
    while idleStart < idle.count {
      let entry = idle[idleStart]
      idleStart += 1
      if holders[Int(entry.pair)] == 0, idleSince[Int(entry.pair)] == entry.stamp {
        idleSince[Int(entry.pair)] = -1
        if idleStart > 1024, idleStart * 2 > idle.count { compactIdle() }
        return entry.pair
      }
    }
    idle.removeAll(keepingCapacity: true)
    idleStart = 0
    return nil
  }

  /// Drops the stale entries of the idle list, which keeps it within twice the table.
  private mutating func compactIdle() {
    idle = idle[idleStart...].filter {
      holders[Int($0.pair)] == 0 && idleSince[Int($0.pair)] == $0.stamp
    }
    idleStart = 0
  }

  /// A colour number curses accepts on this terminal.
  private func curses(_ index: Int?, defaultIndex: Int32) -> Int32 {
    guard let index, index >= 0, index < colorCount, index <= Int(Int32.max) else {
      return hasDefaultColors ? -1 : defaultIndex
    }
    return Int32(index)
  }
}
