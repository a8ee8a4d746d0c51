/// A reproducible stream of random user input for the key-storm test: keys, typed
/// garbage in the input lines, mouse clicks and window resizes.
///
/// Every key the program knows is in the mix, plus keys it does not know, but
/// never `q` or Ctrl-C outside an input line: the storm must end with the
/// program still running so that its final `q` can be checked. The typed
/// garbage never spells "nan" or "inf", so those words on screen can only come
/// from the program.
struct KeyStorm {
  /// One thing the user does.
  enum Action {
    /// tmux key names or single characters, sent in one command.
    case keys([String])
    /// Text typed into an input line, sent literally.
    case text(String)
    /// A left click at a screen cell (0-based).
    case click(column: Int, row: Int)
    case resize(width: Int, height: Int)
  }

  /// The one-character commands of the program (see `?`), except `q`.
  static let commandKeys = [
    "Space", "n", ".", "r", "[", "]", "+", "=", "-", "_", "b", "B", "v", "V", "m", "M",
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "z", "Z", "0", "f", "F", "l", "t", "?", "d",
  ]
  /// Keys with tmux names, and characters the program does not use.
  static let otherKeys = [
    "Tab", "BTab", "Up", "Down", "Left", "Right", "Escape", "Enter", "BSpace", "DC", "Home",
    "End", "PPage", "NPage", "x", "k", "#", "é", "@", "~", "C-a", "C-e", "C-w", "C-u", "C-k",
  ]
  /// Pieces of an expression typed after `e`: valid, invalid, overflowing (1e308^2),
  /// undefined (0/0, log of a negative) and non-ASCII.
  static let expressionPieces = [
    "x", "y", "2", "10", "^", "*", "+", "-", "/", "(", ")", "sin(", "cos(", "exp(", "log(",
    "sqrt(", "abs(", "1e308", "0/0", " ", ".", "@", "é", "💥", ",", "x^2 + y^2", "-x*y",
  ]
  /// Pieces of a start point typed after `s`.
  static let pointPieces = [
    "1", "-2", ".5", ",", "1e999", "-1e308", "(", ")", "x", " ", "0", "3,4", "1e-320",
  ]
  /// Window sizes the storm switches between, from too small to large.
  static let sizes = [(80, 24), (20, 6), (200, 60), (40, 12), (39, 11), (10, 3), (120, 40)]

  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// SplitMix64: a small, good, reproducible generator.
  private mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

  private mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[below(elements.count)]
  }

  /// The next few actions on a window of `width` × `height` cells, and how many keys they count as.
  mutating func nextActions(width: Int, height: Int) -> (actions: [Action], keys: Int) {
    let roll = below(1000)
    switch roll {
    case 0..<6:
      let size = pick(Self.sizes)
      return ([.resize(width: size.0, height: size.1)], 1)
    case 6..<80:
      return ([.click(column: below(width), row: below(height))], 1)
    case 80..<150:
      // An input line: open it, type garbage, then usually Enter or Escape
      // (sometimes neither: the next keys are typed into it).
      let isExpression = below(2) == 0
      let pieces = isExpression ? Self.expressionPieces : Self.pointPieces
      let text = (0..<below(8)).map { _ in pick(pieces) }.joined()
      let ending = [["Enter"], ["Escape"], ["BSpace", "Enter"], []][below(4)]
      var actions: [Action] = [.keys([isExpression ? "e" : "s"])]
      if !text.isEmpty { actions.append(.text(text)) }
      if !ending.isEmpty { actions.append(.keys(ending)) }
      return (actions, 1 + text.count + ending.count)
    default:
      let count = 1 + below(40)
      let keys = (0..<count).map { _ in
        below(3) == 0 ? pick(Self.otherKeys) : pick(Self.commandKeys)
      }
      return ([.keys(keys)], count)
    }
  }
}
