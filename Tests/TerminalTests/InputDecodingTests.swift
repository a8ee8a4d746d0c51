import Testing

@testable import Terminal

/// What the characters after an ESC make: mouse reports in either xterm encoding, or keys.
///
/// ncurses decodes the encoding its terminfo entry names; these are the reports of
/// the other encoding, which used to reach the key handler as `[`, `<`, `0`, `;`…
@Suite("Input decoding without a terminal")
struct InputDecodingTests {
  /// The scalar values of `text`, as `get_wch` returns them one by one.
  private func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  /// Feeds `text` (what followed the ESC) one character at a time, as the terminal
  /// does, and returns the first reading that is not `.incomplete`.
  private func reading(_ text: String) -> MouseReport.Reading {
    var read: [UInt32] = []
    for code in codes(text) {
      read.append(code)
      let result = MouseReport.read(read)
      if result != .incomplete { return result }
    }
    return .incomplete
  }

  @Test("an SGR (1006) press of the left button is a click at the 0-based cell")
  func sgrPress() {
    #expect(reading("[<0;41;13M") == .report(.press(column: 40, row: 12)))
    // Shift, Meta or Ctrl held: still the left button.
    #expect(reading("[<4;1;1M") == .report(.press(column: 0, row: 0)))
    #expect(reading("[<16;200;60M") == .report(.press(column: 199, row: 59)))
  }

  @Test("SGR releases, other buttons and the wheel are read and dropped")
  func sgrOther() {
    #expect(reading("[<0;41;13m") == .report(.other))
    #expect(reading("[<2;41;13M") == .report(.other))
    #expect(reading("[<64;41;13M") == .report(.other))
    // The wheel's motion bit pattern (64 + 32) is not the pointer's.
    #expect(reading("[<96;41;13M") == .report(.other))
    // Broken reports are still report bytes: dropped, not typed.
    #expect(reading("[<0;41M") == .report(.other))
    #expect(reading("[<0;4x") == .report(.other))
    #expect(reading("[<" + String(repeating: "1", count: 40)) == .report(.other))
  }

  @Test("an X10 (\\E[M) press is a click; its release and the wheel are dropped")
  func x10() {
    let press =
      "[M" + String(UnicodeScalar(32)) + String(UnicodeScalar(33 + 40)!)
      + String(UnicodeScalar(33 + 12)!)
    #expect(reading(press) == .report(.press(column: 40, row: 12)))
    let release = "[M" + String(UnicodeScalar(35)) + "!!"
    #expect(reading(release) == .report(.other))
    let wheel = "[M" + String(UnicodeScalar(96)) + "!!"
    #expect(reading(wheel) == .report(.other))
    // Columns beyond 95 come as UTF-8 characters (mode 1005) or Latin-1 bytes.
    let wide = "[M " + String(UnicodeScalar(33 + 150)!) + "!"
    #expect(reading(wide) == .report(.press(column: 150, row: 0)))
  }

  @Test("motion under any-motion tracking (1003), in either encoding, is the pointer's cell")
  func motion() {
    // 32 + 3: no button held; 32 + 0: moving with the left button down; Shift held.
    #expect(reading("[<35;41;13M") == .report(.motion(column: 40, row: 12)))
    #expect(reading("[<32;1;1M") == .report(.motion(column: 0, row: 0)))
    #expect(reading("[<39;5;6M") == .report(.motion(column: 4, row: 5)))
    let x10 =
      "[M" + String(UnicodeScalar(32 + 35)!) + String(UnicodeScalar(33 + 40)!)
      + String(UnicodeScalar(33 + 12)!)
    #expect(reading(x10) == .report(.motion(column: 40, row: 12)))
  }

  @Test("ESC then anything else is not a report: Esc and the keys as typed")
  func notReports() {
    #expect(MouseReport.read(codes("x")) == .notAReport)
    #expect(MouseReport.read(codes("[A")) == .notAReport)
    #expect(MouseReport.read(codes("[")) == .incomplete)
    #expect(MouseReport.read([]) == .incomplete)
    #expect(MouseReport.isStartOfReport(codes("[<0;1")))
    #expect(MouseReport.isStartOfReport(codes("[M")))
    #expect(!MouseReport.isStartOfReport(codes("[")))
    #expect(!MouseReport.isStartOfReport(codes("[A")))
  }

  @Test("control characters: Ctrl and a letter for the input line, the named ones as keys")
  func controlCharacters() {
    #expect(Terminal.event(forCharacter: 1) == .key(.control("a")))
    #expect(Terminal.event(forCharacter: 5) == .key(.control("e")))
    #expect(Terminal.event(forCharacter: 11) == .key(.control("k")))
    #expect(Terminal.event(forCharacter: 21) == .key(.control("u")))
    #expect(Terminal.event(forCharacter: 23) == .key(.control("w")))
    #expect(Terminal.event(forCharacter: 3) == .interrupt)
    #expect(Terminal.event(forCharacter: 8) == .key(.backspace))
    #expect(Terminal.event(forCharacter: 127) == .key(.backspace))
    #expect(Terminal.event(forCharacter: 9) == .key(.tab))
    #expect(Terminal.event(forCharacter: 13) == .key(.enter))
    #expect(Terminal.event(forCharacter: 27) == .key(.escape))
    #expect(Terminal.event(forCharacter: 0) == nil)
    #expect(Terminal.event(forCharacter: 28) == nil)
    #expect(Terminal.event(forCharacter: 0x71) == .character("q"))
  }
}
