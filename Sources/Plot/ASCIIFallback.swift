/// ASCII stand-ins for the non-ASCII characters optiscope draws, one column for one.
///
/// In a non-UTF-8 locale (or with `--ascii`) every cell must be plain ASCII.
/// The picture already chooses ASCII glyphs where it can; this is the last
/// pass over the finished canvas, so that text from anywhere (a formula, a
/// hyper-parameter's Greek name, a help line) can never put a byte on the
/// screen that the terminal cannot show.
public enum ASCIIFallback {
  /// The ASCII character standing in for `character` (itself when already ASCII).
  public static func character(for character: Character) -> Character {
    if character.isASCII { return character }
    if let mapped = table[character] { return mapped }
    if let scalar = character.unicodeScalars.first {
      switch scalar.value {
      case 0x2800...0x28FF: return "."  // braille
      case 0x2500...0x257F: return "+"  // box drawing
      case 0x2580...0x259F: return "#"  // block elements
      case 0x25A0...0x25FF: return "o"  // geometric shapes
      case 0x2190...0x21FF: return ">"  // arrows
      default: break
      }
    }
    return "?"
  }

  /// Replaces every non-ASCII character of `canvas` with its stand-in.
  public static func apply(to canvas: inout Canvas) {
    for row in 0..<canvas.height {
      for column in 0..<canvas.width where !canvas[column, row].glyph.isASCII {
        canvas[column, row].character = character(for: canvas[column, row].character)
      }
    }
  }

  private static let table: [Character: Character] = [
    "─": "-", "━": "-", "│": "|", "┃": "|", "┤": "|", "├": "|", "┬": "+", "┴": "+", "┼": "+",
    "┌": "+", "┐": "+", "└": "+", "┘": "+", "╱": "/", "╲": "\\", "╳": "x",
    "·": ".", "•": "*", "…": "~", "−": "-", "–": "-", "—": "-", "×": "x", "÷": "/",
    "≥": ">", "≤": "<", "≈": "~", "±": "+", "∈": ":", "∇": "g", "√": "v", "∞": "8",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "↗": "/", "↖": "\\", "↙": "/", "↘": "\\", "↔": "-",
    "α": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "η": "n", "θ": "t", "λ": "l", "μ": "u",
    "π": "p", "ρ": "r", "σ": "s", "τ": "t", "φ": "f", "ω": "w",
    "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "½": "/", "°": "o",
    "é": "e", "è": "e", "ö": "o", "ü": "u", "ä": "a", "É": "E",
    "●": "o", "○": "o", "■": "#", "□": "#", "▲": "^", "▼": "v", "◀": "<", "▶": ">",
    "◆": "*", "◇": "o", "◉": "@", "◈": "*", "★": "*", "✦": "*", "✚": "+", "✖": "x",
  ]
}
