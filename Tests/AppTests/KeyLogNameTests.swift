import App
import Testing

/// Every key a user can press is logged in a form that reads back as the same key.
@Suite("Keys in a log: every key reads back exactly")
struct KeyLogNameTests {
  /// Lone marks, joiners, selectors and modifiers that joined the space before them.
  static let joiners: [Unicode.Scalar] = [
    "\u{301}", "\u{303}", "\u{200D}", "\u{FE0F}", "\u{1F3FB}",
  ]

  @Test("a lone combining mark, joiner, variation selector or skin tone is logged as U+XXXX")
  func joinersAreSpelledOut() {
    for scalar in Self.joiners {
      let message = Msg.key(.character(Character(scalar)))
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let expected = "key U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      #expect(message.logText == expected)
      #expect(Msg(logText: expected) == message)
    }
  }

  @Test("every single-scalar key of the first planes, and emoji sequences, read back as themselves")
  func everyKeyRoundTrips() {
    var scalars = (0x20...0x3400).compactMap(Unicode.Scalar.init)
    scalars += (0x1F300...0x1FAFF).compactMap(Unicode.Scalar.init)
    scalars += (0xE0000...0xE007F).compactMap(Unicode.Scalar.init)
    var characters = scalars.map { Character($0) }
    characters += ["e\u{301}", "👍🏽", "🇫🇷", "👩‍👩‍👧", "❤️", "\r\n"]
    var failures: [String] = []
    for character in characters {
      let message = Msg.key(.character(character))
      guard let text = message.logText else { continue }
      // Through a whole log line: the writer's line, split as the reader splits it.
      let line = LogEvent.input(message).text
      let body = String(line.dropFirst(2).dropLast())
      if Msg(logText: body) != message || text != body {
        failures.append(character.unicodeScalars.map { String($0.value, radix: 16) }.joined())
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(20))")
  }

  @Test("a log written before keys were spelled out (a raw mark after the space) still reads")
  func oldFormReads() {
    for scalar in Self.joiners {
      let old = "key " + String(scalar)
      #expect(Msg(logText: old) == .key(.character(Character(scalar))), "\(scalar.value)")
    }
  }

  @Test("a recording with joiner keys pressed verifies, and the old form of its log reads too")
  func recordingWithJoinersVerifies() throws {
    let keys = Self.joiners.map { Msg.key(.character(Character($0))) }
    let log = try CraftedLogTests.genuineLog([.tick, Fixture.key(" ")] + keys + [.tick])
    for scalar in Self.joiners {
      #expect(log.contains("\n> key U+"))
      #expect(!log.contains("> key " + String(scalar)))
    }
    let parsed = try RecordingLog(parsing: log, name: "j.log")
    #expect(try LogVerifier.verify(parsed) == .identical(frames: parsed.frames.count))
    var old = log
    for scalar in Self.joiners {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      old = old.replacingOccurrences(of: "> key \(name)\n", with: "> key \(String(scalar))\n")
    }
    #expect(old != log)
    let reread = try RecordingLog(parsing: old, name: "old.log")
    #expect(reread.events == parsed.events)
  }
}
