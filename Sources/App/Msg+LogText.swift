extension Msg {
  /// The message as a recording's input line, without the leading `> `; nil for `.tick`,
  /// which a log counts rather than lists, and for what the runtime itself sends (a plug-in's
  /// news, a headless advance), which a log does not list as input.
  ///
  /// `key +`, `key space`, `key tab`, `key U+00E9`… (see `Key.logName`),
  /// `click COLUMN ROW`, `pointer COLUMN ROW`, `resize WIDTH HEIGHT`, `recording FILE`,
  /// `recording-stopped NOTE` / `recording-failed NOTE`, `notice NOTE` / `notice-error NOTE`.
  public var logText: String? {
    switch self {
    case .key(let key): return "key " + key.logName
    case .click(let column, let row): return "click \(column) \(row)"
    case .pointer(let column, let row): return "pointer \(column) \(row)"
    case .tick, .external, .advance: return nil
    case .resize(let width, let height): return "resize \(width) \(height)"
    case .recordingStarted(let file): return "recording " + LogText.oneLine(file)
    case .recordingStopped(let note):
      return (note.isError ? "recording-failed " : "recording-stopped ")
        + LogText.oneLine(note.text)
    case .notice(let note):
      return (note.isError ? "notice-error " : "notice ") + LogText.oneLine(note.text)
    }
  }

  /// Reads an input line written by `logText` (without the `> `); nil when it is not one.
  public init?(logText text: String) {
    let (word, rest) = Self.firstWord(of: text)
    switch word {
    case "key":
      guard let key = Key(logName: rest) else { return nil }
      self = .key(key)
    case "click":
      guard let numbers = Self.twoNumbers(rest) else { return nil }
      self = .click(column: numbers.0, row: numbers.1)
    case "pointer":
      guard let numbers = Self.twoNumbers(rest) else { return nil }
      self = .pointer(column: numbers.0, row: numbers.1)
    case "resize":
      guard let numbers = Self.twoNumbers(rest), numbers.0 >= 0, numbers.1 >= 0 else {
        return nil
      }
      self = .resize(width: numbers.0, height: numbers.1)
    case "recording": self = .recordingStarted(file: rest)
    case "recording-stopped": self = .recordingStopped(Message(rest))
    case "recording-failed": self = .recordingStopped(Message(rest, isError: true))
    case "notice": self = .notice(Message(rest))
    case "notice-error": self = .notice(Message(rest, isError: true))
    default: return nil
    }
  }

  /// The text up to the first space, and everything after that space.
  ///
  /// Split by scalars, not characters: in a log written before keys were
  /// spelled `U+XXXX`, a lone combining mark after the space (`key ́`) made one
  /// character of the two, so no space was found.
  private static func firstWord(of text: String) -> (String, String) {
    let scalars = text.unicodeScalars
    guard let space = scalars.firstIndex(of: " ") else { return (text, "") }
    return (
      String(scalars[..<space]), String(scalars[scalars.index(after: space)...])
    )
  }

  /// Two whole numbers separated by one space.
  private static func twoNumbers(_ text: String) -> (Int, Int)? {
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]) else {
      return nil
    }
    return (first, second)
  }
}

extension Key {
  /// The key's name in a log: the character itself when it is one printable scalar that
  /// stands on its own (`+`, `q`, `é`), else a word (`space`, `up`, `home`, `end`, `tab`,
  /// `backtab`, `escape`, `enter`, `backspace`, `delete`, `interrupt`), `ctrl-w` for Ctrl
  /// and a letter, or its scalars as `U+XXXX` (`U+0301`, `U+0065,U+0301`).
  ///
  /// A combining mark, joiner, variation selector or skin tone written as itself
  /// would join the space before it into one character (`key ́`) and read back as
  /// something else, so only what `printsAlone` allows is written as itself.
  public var logName: String {
    switch self {
    case .character(" "): return "space"
    case .character(let character):
      guard Self.printsAlone(character) else {
        return character.unicodeScalars.map { "U+" + Self.hex($0.value) }.joined(separator: ",")
      }
      return String(character)
    case .up: return "up"
    case .down: return "down"
    case .left: return "left"
    case .right: return "right"
    case .home: return "home"
    case .end: return "end"
    case .tab: return "tab"
    case .backTab: return "backtab"
    case .escape: return "escape"
    case .enter: return "enter"
    case .backspace: return "backspace"
    case .delete: return "delete"
    case .control(let letter): return "ctrl-" + String(letter)
    case .interrupt: return "interrupt"
    }
  }

  /// Reads a name written by `logName`.
  public init?(logName name: String) {
    switch name {
    case "space": self = .character(" ")
    case "up": self = .up
    case "down": self = .down
    case "left": self = .left
    case "right": self = .right
    case "home": self = .home
    case "end": self = .end
    case "tab": self = .tab
    case "backtab": self = .backTab
    case "escape": self = .escape
    case "enter": self = .enter
    case "backspace": self = .backspace
    case "delete": self = .delete
    case "interrupt": self = .interrupt
    default:
      if name.hasPrefix("ctrl-"), name.count == 6, let letter = name.last,
        ("a"..."z").contains(letter)
      {
        self = .control(letter)
      } else if name.hasPrefix("U+") {
        var scalars = String.UnicodeScalarView()
        for part in name.split(separator: ",") {
          guard part.hasPrefix("U+"), let value = UInt32(part.dropFirst(2), radix: 16),
            let scalar = Unicode.Scalar(value)
          else { return nil }
          scalars.append(scalar)
        }
        let text = String(scalars)
        guard text.count == 1, let character = text.first else { return nil }
        self = .character(character)
      } else {
        guard name.count == 1, let character = name.first else { return nil }
        self = .character(character)
      }
    }
  }

  /// Whether `character` can be logged as itself after a space: a single scalar that is
  /// a letter, digit, punctuation or symbol, and stays a character of its own after the
  /// space, so the line reads back to the same key.
  static func printsAlone(_ character: Character) -> Bool {
    guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first
    else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation,
      .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
      .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      let line = "key " + String(character)
      return line.count == 5 && line.last == character
    default:
      return false
    }
  }

  /// At least four upper-case hex digits, as in `U+00E9`.
  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
