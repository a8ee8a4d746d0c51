import Plot
import Testing

@testable import Terminal

@Suite("Colour pairs: allocation, reuse and the table's limit")
struct ColorPairTableTests {
  /// A table whose definitions are collected in `defined`.
  private struct Table {
    var table: ColorPairTable
    var defined: [Int32: ColorPairTable.Key] = [:]
    var refuseAbove: Int32

    init(pairCount: Int, colorCount: Int = 256, hasDefaultColors: Bool = true) {
      table = ColorPairTable(
        pairCount: pairCount, colorCount: colorCount, hasDefaultColors: hasDefaultColors)
      refuseAbove = Int32(pairCount - 1)
    }

    /// The pair of the colours, held as a cell on the screen would hold it.
    mutating func hold(_ foreground: Int?, _ background: Int?) -> Int32 {
      let limit = refuseAbove
      var defined = self.defined
      let number = table.pair(foreground: foreground, background: background) { number, key in
        guard number <= limit else { return false }
        defined[number] = key
        return true
      }
      self.defined = defined
      table.retain(number)
      return number
    }
  }

  @Test("one pair per distinct pair of colours, made once; the defaults are pair 0")
  func allocation() {
    var pairs = Table(pairCount: 256)
    #expect(pairs.hold(nil, nil) == 0)
    #expect(pairs.hold(1, nil) == 1)
    #expect(pairs.hold(1, 4) == 2)
    #expect(pairs.hold(1, nil) == 1)
    #expect(
      pairs.defined == [
        1: .init(foreground: 1, background: -1), 2: .init(foreground: 1, background: 4),
      ])
    #expect(pairs.table.definedCount == 2)
    #expect(pairs.table.holderCount(ofPair: 1) == 2)
  }

  @Test("colours the terminal lacks are its default, or white on black without defaults")
  func unknownColours() {
    var pairs = Table(pairCount: 64, colorCount: 8)
    #expect(pairs.hold(200, 3) == 1)
    #expect(pairs.defined[1] == .init(foreground: -1, background: 3))
    var noDefaults = Table(pairCount: 64, colorCount: 8, hasDefaultColors: false)
    #expect(noDefaults.hold(nil, nil) == 1)
    #expect(noDefaults.defined[1] == .init(foreground: 7, background: 0))
  }

  @Test("a full table gives a new colour the pair that has gone longest without a cell")
  func reusesIdlePairs() {
    var pairs = Table(pairCount: 4)  // pairs 1…3
    #expect([pairs.hold(1, nil), pairs.hold(2, nil), pairs.hold(3, nil)] == [1, 2, 3])
    pairs.table.release(2)
    pairs.table.release(1)
    #expect(pairs.hold(4, nil) == 2)
    #expect(pairs.defined[2] == .init(foreground: 4, background: -1))
    #expect(pairs.hold(5, nil) == 1)
    // The old colours are gone from the table: asking again takes a pair anew.
    pairs.table.release(3)
    #expect(pairs.hold(2, nil) == 3)
    #expect(pairs.table.colors(ofPair: 3) == .init(foreground: 2, background: -1))
  }

  @Test("a pair held again is no longer idle; with every pair on screen the closest one stands in")
  func fallbackWhenAllHeld() {
    var pairs = Table(pairCount: 3)  // pairs 1 and 2
    #expect(pairs.hold(1, 0) == 1)
    #expect(pairs.hold(2, 6) == 2)
    pairs.table.release(1)
    #expect(pairs.hold(1, 0) == 1)
    // Nothing is idle: the same foreground, else the same background, else the defaults.
    #expect(pairs.hold(1, 5) == 1)
    #expect(pairs.hold(3, 6) == 2)
    #expect(pairs.hold(3, 3) == 0)
    #expect(pairs.defined[1] == .init(foreground: 1, background: 0))
    #expect(pairs.defined[2] == .init(foreground: 2, background: 6))
  }

  @Test("the idle list stays within twice the table however often pairs come and go")
  func idleListIsBounded() {
    var pairs = Table(pairCount: 8)
    for round in 0..<10_000 {
      let number = pairs.hold(round % 5, nil)
      pairs.table.release(number)
    }
    #expect(pairs.table.idleEntryCount <= 2 * 16 + 1)
  }

  @Test("a long session through more colours than pairs keeps every cell's colours right")
  func longSessionThroughTerminal() {
    // An 8-colour xterm has 64 pairs; here 8, so that 40 colours overflow it at once.
    let (terminal, backend) = TerminalFixture.terminal(
      width: 4, height: 1, pairCount: 8, colorCount: 256)
    for frame in 0..<40 {
      var canvas = Canvas(width: 4, height: 1)
      for column in 0..<4 {
        let index = UInt8((frame + column * 3) % 40 + 16)
        canvas[column, 0] = Cell("x", foreground: .xterm(index, fallback: 1))
      }
      terminal.draw(canvas)
      for column in 0..<4 {
        let expected = Int32(canvas[column, 0].foreground.index256 ?? 0)
        #expect(backend.colors(column: column, row: 0)?.foreground == expected, "frame \(frame)")
      }
    }
    #expect(backend.pairDefinitions.keys.allSatisfy { $0 >= 1 && $0 <= 7 })
  }
}
