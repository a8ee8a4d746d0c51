/// The value syntaxes of theme files: colours, colour lists, glyphs, attributes.
///
/// A colour is `default` (the terminal's own), `A/B/C` (a 256-colour index
/// 0–255, its 16-colour fallback 0–15 and its 8-colour fallback 0–7), or one
/// basic colour `N` (0–15) used at every depth (N − 8 at 8 colours).
/// Lists are separated by spaces or commas; `none` is an empty list.
enum ThemeValue {
  /// What is wrong with a value, without file or line (the parser adds them).
  struct Problem: Error, Sendable {
    var problem: String
    init(_ problem: String) { self.problem = problem }
  }

  static func color(_ text: String) throws(Problem) -> Color {
    let value = text.lowercased()
    if value == "default" { return .terminalDefault }
    let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    switch parts.count {
    case 1 where Int(parts[0]) != nil:
      let basic = try number(parts[0], limit: 15, what: "basic colour")
      return Color(index256: basic, index16: basic, index8: basic % 8)
    case 3:
      return Color(
        index256: try number(parts[0], limit: 255, what: "256-colour index"),
        index16: try number(parts[1], limit: 15, what: "16-colour fallback"),
        index8: try number(parts[2], limit: 7, what: "8-colour fallback"))
    default:
      throw Problem("'\(text)' is not a colour (write default, N, or A/B/C as 256/16/8 colours)")
    }
  }

  /// A list of colour indices 0…limit, or `none`.
  static func colorList(_ text: String, limit: UInt8) throws(Problem) -> [UInt8] {
    let items = try rampItems(text)
    var colors: [UInt8] = []
    for item in items { colors.append(try number(item, limit: limit, what: "colour")) }
    return colors
  }

  /// A list of 24-bit colours `#rrggbb`, or `none`.
  static func rgbList(_ text: String) throws(Problem) -> [UInt32] {
    let items = try rampItems(text)
    var colors: [UInt32] = []
    for item in items {
      guard item.count == 7, item.first == "#", let value = UInt32(item.dropFirst(), radix: 16)
      else { throw Problem("'\(item)' is not a 24-bit colour (write #rrggbb)") }
      colors.append(value)
    }
    return colors
  }

  /// The words of a colour ramp, 2 to 64 of them from low to high f; none for `none`.
  private static func rampItems(_ text: String) throws(Problem) -> [String] {
    if text.lowercased() == "none" { return [] }
    let items = words(text)
    guard items.count >= 2 else {
      throw Problem("needs at least 2 colours from low to high f (or none)")
    }
    guard items.count <= 64 else { throw Problem("has \(items.count) colours, at most 64") }
    return items
  }

  static func number(_ text: String, limit: UInt8, what: String) throws(Problem) -> UInt8 {
    guard let value = Int(text) else { throw Problem("'\(text)' is not a number") }
    guard (0...Int(limit)).contains(value), let small = UInt8(exactly: value) else {
      throw Problem("\(what) \(value) is out of range 0–\(limit)")
    }
    return small
  }

  /// One glyph: a single printable character, one column wide (ASCII when asked).
  static func glyph(_ text: String, ascii: Bool) throws(Problem) -> Character {
    guard text.count == 1, let character = text.first else {
      throw Problem("'\(text)' is not one glyph")
    }
    try check(character, ascii: ascii, allowSpace: false)
    return character
  }

  /// A row of glyphs written together, e.g. `" .:-=+*#%@"`.
  static func glyphs(_ text: String, ascii: Bool, count: ClosedRange<Int>) throws(Problem)
    -> [Character]
  {
    let characters = Array(text)
    guard count.contains(characters.count) else {
      throw Problem(
        "has \(characters.count) glyphs, needs \(count.lowerBound) to \(count.upperBound)")
    }
    for character in characters { try check(character, ascii: ascii, allowSpace: true) }
    return characters
  }

  /// Four line glyphs: horizontal, vertical, rising, falling (spaces between them allowed).
  static func contourGlyphs(_ text: String, ascii: Bool) throws(Problem) -> Theme.ContourGlyphs {
    let characters = Array(text.filter { $0 != " " })
    guard characters.count == 4 else {
      throw Problem("needs 4 glyphs (horizontal vertical rising falling), got \(characters.count)")
    }
    for character in characters { try check(character, ascii: ascii, allowSpace: false) }
    return Theme.ContourGlyphs(
      horizontal: characters[0], vertical: characters[1], rising: characters[2],
      falling: characters[3])
  }

  /// `none`, `lighter [STEP]`, `darker [STEP]` (STEP in L* units, 1–60) or a colour.
  static func derivedColor(_ text: String) throws(Problem) -> DerivedColor {
    let parts = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    guard let first = parts.first else {
      throw Problem("expected lighter, darker, none or a colour")
    }
    switch first {
    case "none" where parts.count == 1: return .none
    case "lighter", "darker":
      var step = DerivedColor.defaultStep
      if parts.count == 2 {
        guard let amount = Double(parts[1]), (1...60).contains(amount) else {
          throw Problem("'\(parts[1])' is not a step from 1 to 60 (L* units)")
        }
        step = amount
      } else if parts.count > 2 {
        throw Problem("expected \(first) or \(first) STEP, got '\(text)'")
      }
      return first == "lighter" ? .lighter(step) : .darker(step)
    default:
      do {
        return .fixed(try color(text))
      } catch {
        throw Problem("'\(text)' is not lighter [STEP], darker [STEP], none or a colour")
      }
    }
  }

  static func boolean(_ text: String) throws(Problem) -> Bool {
    switch text.lowercased() {
    case "yes", "true", "on": return true
    case "no", "false", "off": return false
    default: throw Problem("'\(text)' is not yes or no")
    }
  }

  /// Attribute words: bold, dim, underline, reverse, or none.
  static func attributes(_ text: String) throws(Problem) -> Cell.Attributes {
    var attributes: Cell.Attributes = []
    for word in words(text.replacingPlus()) {
      switch word.lowercased() {
      case "none": continue
      case "bold": attributes.insert(.bold)
      case "dim": attributes.insert(.dim)
      case "underline": attributes.insert(.underline)
      case "reverse": attributes.insert(.reverse)
      default: throw Problem("'\(word)' is not an attribute (bold, dim, underline, reverse, none)")
      }
    }
    return attributes
  }

  /// `COLOUR GLYPH ASCII`: an optimizer's colour, glyph and ASCII glyph.
  static func racer(_ text: String) throws(Problem) -> RacerStyle {
    let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard parts.count == 3 else {
      throw Problem("expected COLOUR GLYPH ASCII, e.g. 196/9/1 ● o, got '\(text)'")
    }
    return RacerStyle(
      color: try color(parts[0]), glyph: try glyph(parts[1], ascii: false),
      asciiGlyph: try glyph(parts[2], ascii: true))
  }

  /// `COLOUR GLYPH ASCII [ATTRIBUTES…]`: a marker.
  static func marker(_ text: String) throws(Problem) -> MarkerStyle {
    let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard parts.count >= 3 else {
      throw Problem("expected COLOUR GLYPH ASCII [ATTRIBUTES], e.g. 231/15/7 ○ S bold")
    }
    return MarkerStyle(
      glyph: try glyph(parts[1], ascii: false), asciiGlyph: try glyph(parts[2], ascii: true),
      color: try color(parts[0]),
      attributes: try attributes(parts.dropFirst(3).joined(separator: " ")))
  }

  /// Refuses control characters, combining marks and, when asked, anything but printable ASCII.
  private static func check(_ character: Character, ascii: Bool, allowSpace: Bool)
    throws(Problem)
  {
    if character == " " {
      guard allowSpace else { throw Problem("a space is not a visible glyph") }
      return
    }
    guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first
    else { throw Problem("'\(character)' is more than one character") }
    if ascii {
      guard (0x21...0x7E).contains(scalar.value) else {
        throw Problem("'\(character)' is not printable ASCII")
      }
      return
    }
    switch scalar.properties.generalCategory {
    case .control, .format, .nonspacingMark, .spacingMark, .enclosingMark, .lineSeparator,
      .paragraphSeparator, .spaceSeparator, .unassigned, .privateUse, .surrogate:
      throw Problem("U+\(String(scalar.value, radix: 16, uppercase: true)) is not a visible glyph")
    default:
      // East Asian wide characters and emoji take two columns and would shift the row.
      if scalar.properties.isEmojiPresentation || (0x1100...0x115F).contains(scalar.value)
        || (0x2E80...0xA4CF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value)
        || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
        || (0xFFE0...0xFFE6).contains(scalar.value) || scalar.value >= 0x1F300
      {
        throw Problem("'\(character)' is two columns wide; glyphs must be one column")
      }
    }
  }

  /// Items separated by spaces or commas.
  private static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
  }
}

extension String {
  /// Attribute lists may be written `bold+underline`.
  fileprivate func replacingPlus() -> String {
    String(map { $0 == "+" ? " " : $0 })
  }
}
