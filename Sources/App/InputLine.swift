/// The line the user types into after `e` (a new expression) or `s` (a start point).
///
/// Visible at the bottom of the screen while open; Enter submits, Esc cancels,
/// and a refused entry stays open with the reason shown next to it. It edits
/// like readline's basics — the cursor moves with Left/Right, Home/End,
/// Ctrl-A/Ctrl-E; Backspace, Delete, Ctrl-W, Ctrl-U and Ctrl-K delete; Up/Down
/// walk the entries of this session — because a long expression with a typo
/// should be fixed, not typed again.
///
/// The text holds at most `maximumLength` characters, the length an expression
/// may have: keys beyond it are refused in constant time (a pasted megabyte is
/// read key by key) and the line says so.
public struct InputLine: Hashable, Sendable {
  /// What the typed text is for.
  public enum Purpose: Hashable, Sendable {
    case expression
    case start

    /// The prompt shown before the text.
    public var prompt: String {
      switch self {
      case .expression: return "f(x,y) = "
      case .start: return "start x,y = "
      }
    }
  }

  /// The most characters the line holds: the longest expression the parser accepts.
  public static let maximumLength = 1000

  public var purpose: Purpose
  /// The text, one element per typed character, so that the cursor moves by
  /// what was typed and the length is known without counting.
  public private(set) var characters: [Character]
  /// Where typing inserts: 0 before the first character, `characters.count` after the last.
  public private(set) var cursor: Int
  /// Why the last submitted text was refused, shown after it.
  public var error: String?
  /// Whether the last key was refused because the line is full, which the line then says.
  public private(set) var isAtLimit = false
  /// Earlier entries of this session for the same purpose, oldest first, for Up/Down.
  public let history: [String]
  /// The entry of `history` shown while walking it; nil for the line being written.
  private var historyPosition: Int?
  /// The line being written, kept while Up/Down show earlier entries.
  private var draft: [Character] = []

  /// A line for `purpose`, prefilled with `text` (cut to `maximumLength`) and the cursor after it.
  public init(
    purpose: Purpose, text: String = "", history: [String] = [], error: String? = nil
  ) {
    self.purpose = purpose
    characters = Array(text.prefix(Self.maximumLength))
    cursor = characters.count
    self.history = history
    self.error = error
  }

  /// The text as one string.
  public var text: String { String(characters) }

  /// Applies an editing key; false for a key that does not edit (Enter, Esc, Tab…).
  public mutating func edit(_ key: Key) -> Bool {
    let wasAtLimit = isAtLimit
    isAtLimit = false
    switch key {
    case .character(let character):
      guard characters.count < Self.maximumLength else {
        isAtLimit = true
        return true
      }
      characters.insert(character, at: cursor)
      cursor += 1
    case .left, .control("b"): cursor = max(0, cursor - 1)
    case .right, .control("f"): cursor = min(characters.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = characters.count
    case .backspace, .control("h"):
      guard cursor > 0 else { break }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .control("d"):
      guard cursor < characters.count else { break }
      characters.remove(at: cursor)
    case .control("w"): deleteWordBeforeCursor()
    case .control("u"):
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .control("k"): characters.removeSubrange(cursor...)
    case .up: showHistory(older: true)
    case .down: showHistory(older: false)
    default:
      isAtLimit = wasAtLimit
      return false
    }
    error = nil
    return true
  }

  /// Ctrl-W: deletes the spaces before the cursor and the word before them, as readline does.
  private mutating func deleteWordBeforeCursor() {
    var start = cursor
    while start > 0, characters[start - 1].isWhitespace { start -= 1 }
    while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
    characters.removeSubrange(start..<cursor)
    cursor = start
  }

  /// Up (`older`) or Down: the previous or next entry of the session, skipping any that
  /// reads as the line already shown; Down past the newest comes back to the line being written.
  private mutating func showHistory(older: Bool) {
    let shown = characters
    var position = historyPosition ?? history.count
    repeat {
      position += older ? -1 : 1
    } while history.indices.contains(position) && Array(history[position]) == shown
    if older {
      guard position >= 0 else { return }
      if historyPosition == nil { draft = characters }
      historyPosition = position
      characters = Array(history[position].prefix(Self.maximumLength))
    } else {
      guard historyPosition != nil else { return }
      if position < history.count {
        historyPosition = position
        characters = Array(history[position].prefix(Self.maximumLength))
      } else {
        historyPosition = nil
        characters = draft
      }
    }
    cursor = characters.count
  }
}
