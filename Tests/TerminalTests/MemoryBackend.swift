import Plot

@testable import Terminal

/// A terminal in memory: input from a queue, output into a grid, for tests of `Terminal`.
///
/// It behaves as ncurses does where `Terminal` depends on it: written cells show
/// at `refresh`, a pair's colours are looked up when the screen is looked at (so
/// redefining a pair recolours what shows it, as on a real terminal), and the
/// pair table refuses numbers beyond its size.
final class MemoryBackend: TerminalBackend {
  /// One cell as written: its glyph, attributes and colour pair.
  struct Write: Hashable {
    var glyph: Unicode.Scalar
    var attributes: Cell.Attributes
    var pair: Int32
    var column: Int
    var row: Int
  }

  var size: (width: Int, height: Int)
  var pendingSignal: Int32?
  /// What the next reads return, in order; `.nothing` once it is empty.
  var inputs: [TerminalInput] = []
  /// The timeout of every read, in milliseconds.
  private(set) var readTimeouts: [Int32] = []
  /// The cells written since the last refresh.
  private(set) var unrefreshed: [Write] = []
  /// The cells written before each refresh, one list per refresh.
  private(set) var frames: [[Write]] = []
  /// The colour pairs as last defined.
  private(set) var pairDefinitions: [Int32: ColorPairTable.Key] = [:]
  /// How many times each pair number was defined.
  private(set) var definitionCounts: [Int32: Int] = [:]
  /// Pair numbers above this are refused, as a terminal's table has a size.
  var lastPair: Int32
  private(set) var forgetCount = 0
  private(set) var stopCount = 0
  /// What the screen shows after the last refresh, row-major.
  private(set) var screen: [Write?]

  init(width: Int, height: Int, lastPair: Int32 = 255) {
    size = (width, height)
    self.lastPair = lastPair
    screen = Array(repeating: nil, count: width * height)
  }

  func read(timeoutMilliseconds: Int32) -> TerminalInput {
    readTimeouts.append(timeoutMilliseconds)
    return inputs.isEmpty ? .nothing : inputs.removeFirst()
  }

  /// Queues the characters of `text` as the terminal would send them.
  func type(_ text: String) {
    inputs += text.unicodeScalars.map { .character($0.value) }
  }

  /// Wide characters (CJK, fullwidth forms) take two columns, controls none.
  func columns(of glyph: Unicode.Scalar) -> Int {
    if glyph.value < 32 || (0x7F..<0xA0).contains(glyph.value) { return -1 }
    if (0x1100...0x115F).contains(glyph.value) || (0x2E80...0xA4CF).contains(glyph.value)
      || (0xFF00...0xFF60).contains(glyph.value)
    {
      return 2
    }
    return 1
  }

  func definePair(_ number: Int32, foreground: Int32, background: Int32) -> Bool {
    guard number >= 1, number <= lastPair else { return false }
    pairDefinitions[number] = ColorPairTable.Key(foreground: foreground, background: background)
    definitionCounts[number, default: 0] += 1
    return true
  }

  func put(
    _ glyph: Unicode.Scalar, attributes: Cell.Attributes, pair: Int32, column: Int, row: Int
  ) {
    unrefreshed.append(
      Write(glyph: glyph, attributes: attributes, pair: pair, column: column, row: row))
  }

  func forgetScreen() { forgetCount += 1 }

  private(set) var suspendCount = 0
  func suspend() { suspendCount += 1 }

  func refresh() {
    let (width, height) = size
    if screen.count != width * height { screen = Array(repeating: nil, count: width * height) }
    for write in unrefreshed where write.column < width && write.row < height {
      screen[write.row * width + write.column] = write
    }
    frames.append(unrefreshed)
    unrefreshed = []
  }

  func stop() { stopCount += 1 }

  /// The text the screen shows, row by row.
  var lines: [String] {
    let (width, height) = size
    return (0..<height).map { row in
      String(
        String.UnicodeScalarView((0..<width).map { screen[row * width + $0]?.glyph ?? " " }))
    }
  }

  /// The colours a cell shows now: its pair's current definition (nil: pair 0, the defaults).
  func colors(column: Int, row: Int) -> ColorPairTable.Key? {
    guard let write = screen[row * size.width + column], write.pair != 0 else { return nil }
    return pairDefinitions[write.pair]
  }
}
