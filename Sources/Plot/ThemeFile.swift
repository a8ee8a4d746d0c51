import OptimKit

/// Reads a theme from its human-editable text form.
///
/// A theme file is a list of `key = value` lines; blank lines and lines
/// whose first non-blank character is `#` are comments (there are no
/// comments after a value, so `#` can be a glyph). A value may be put in
/// double quotes to keep leading or trailing spaces (`\"` and `\\` inside).
/// Keys left out keep the built-in default's value, so a theme can be as
/// short as one line; the shipped themes set every key. The keys and their
/// values are listed in `ThemeFile.keys` and in the README ("Themes").
///
/// Every problem is refused with a `ThemeError` naming the file, the line
/// and the key: a line that is not `key = value`, an unknown or repeated key,
/// a colour out of range, a glyph that is not one character, fewer than
/// `minimumOptimizerCount` optimizer entries.
public enum ThemeFile {
  /// Themes must style at least this many optimizers before their palette repeats.
  public static let minimumOptimizerCount = 11

  /// The file name extension of theme files.
  public static let fileExtension = "theme"

  /// Parses `text` (the contents of `file`) into a theme called `name` (a theme's
  /// name is its file's name, so the two can never disagree).
  public static func parse(_ text: String, file: String, name: String, base: Theme = .standard)
    throws(ThemeError) -> Theme
  {
    var theme = base
    theme.name = name
    var seen: [String: Int] = [:]
    var optimizers: [Int: (line: Int, style: RacerStyle)] = [:]
    for (offset, line) in lines(of: text).enumerated() {
      let number = offset + 1
      let line = trimmed(line)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw ThemeError(
          file: file, line: number, problem: "expected 'key = value', got '\(clip(line))'")
      }
      let key = trimmed(line[..<equals]).lowercased()
      guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
        throw ThemeError(
          file: file, line: number, problem: "expected 'key = value', got '\(clip(line))'")
      }
      let value = try unquoted(
        trimmed(line[line.index(after: equals)...]), file: file, line: number, key: key)
      if let first = seen[key] {
        throw ThemeError(
          file: file, line: number, key: key, problem: "set twice (first on line \(first))")
      }
      seen[key] = number
      let fail = { (problem: String) in
        ThemeError(file: file, line: number, key: key, problem: problem)
      }
      if key.hasPrefix("optimizer.") {
        guard let index = Int(key.dropFirst("optimizer.".count)), (1...99).contains(index) else {
          throw fail("expected optimizer.1 to optimizer.99")
        }
        do {
          optimizers[index] = (number, try ThemeValue.racer(value))
        } catch {
          throw fail(error.problem)
        }
        continue
      }
      guard let entry = keys.first(where: { $0.name == key }) else {
        var problem = "unknown key"
        if let near = nearestKey(to: key) { problem += " (did you mean '\(near)'?)" }
        throw ThemeError(file: file, line: number, key: key, problem: problem)
      }
      do {
        try entry.apply(&theme, value)
      } catch let error as ThemeValue.Problem {
        throw fail(error.problem)
      } catch {
        throw fail("\(error)")
      }
    }
    if !optimizers.isEmpty {
      theme.racers = try palette(optimizers, file: file)
    }
    try checkRamp(theme.colorRamp, seen: seen, file: file)
    // A theme's own ramp without 24-bit stops is blended from its own colours,
    // not from the stops of the theme it was based on.
    if seen["ramp.256"] != nil && seen["ramp.rgb"] == nil { theme.colorRamp.rgb = [] }
    return theme
  }

  /// The optimizer entries in order: numbered 1, 2, 3, … without gaps, enough of them,
  /// and no glyph used twice (optimizers must differ by shape, not only by colour).
  private static func palette(
    _ entries: [Int: (line: Int, style: RacerStyle)], file: String
  ) throws(ThemeError) -> [RacerStyle] {
    let count = entries.keys.max() ?? 0
    if let gap = (1...count).first(where: { entries[$0] == nil }) {
      throw ThemeError(
        file: file, key: "optimizer.\(gap)",
        problem: "missing (entries are numbered 1, 2, 3, … without gaps)")
    }
    guard count >= minimumOptimizerCount else {
      throw ThemeError(
        file: file, key: "optimizer",
        problem: "\(count) entr\(count == 1 ? "y" : "ies"), need at least \(minimumOptimizerCount)")
    }
    var styles: [RacerStyle] = []
    for index in 1...count {
      guard let entry = entries[index] else { continue }
      let style = entry.style
      if let twin = styles.firstIndex(where: { $0.glyph == style.glyph }) {
        throw ThemeError(
          file: file, line: entry.line, key: "optimizer.\(index)",
          problem: "glyph \(style.glyph) is already optimizer.\(twin + 1)'s")
      }
      if let twin = styles.firstIndex(where: { $0.asciiGlyph == style.asciiGlyph }) {
        throw ThemeError(
          file: file, line: entry.line, key: "optimizer.\(index)",
          problem: "ASCII glyph \(style.asciiGlyph) is already optimizer.\(twin + 1)'s")
      }
      styles.append(style)
    }
    return styles
  }

  /// The three ramps must all be given or all be `none`.
  private static func checkRamp(_ ramp: ColorRamp, seen: [String: Int], file: String)
    throws(ThemeError)
  {
    let empties = [ramp.full256.isEmpty, ramp.sixteen.isEmpty, ramp.eight.isEmpty]
    guard empties.contains(true), empties.contains(false) else { return }
    let names = ["ramp.256", "ramp.16", "ramp.8"]
    let empty = names[empties.firstIndex(of: true) ?? 0]
    throw ThemeError(
      file: file, line: seen[empty], key: empty,
      problem: "is none while another ramp is not: give all three ramps, or none for all")
  }

  /// `value` without its double quotes, with `\"` and `\\` unescaped; bare values as they are.
  private static func unquoted(_ value: String, file: String, line: Int, key: String)
    throws(ThemeError) -> String
  {
    guard value.hasPrefix("\"") else { return value }
    var result = ""
    var escaped = false
    var closed = false
    for character in value.dropFirst() {
      if closed {
        throw ThemeError(
          file: file, line: line, key: key, problem: "text after the closing quote")
      }
      if escaped {
        result.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        closed = true
      } else {
        result.append(character)
      }
    }
    guard closed else {
      throw ThemeError(file: file, line: line, key: key, problem: "missing closing quote")
    }
    return result
  }

  /// The known key closest in spelling to a mistyped one, if any is close.
  static func nearestKey(to key: String) -> String? {
    let names = keys.map(\.name) + ["optimizer.1"]
    let scored = names.map { ($0, EditDistance.between($0, key)) }.min { $0.1 < $1.1 }
    guard let scored, scored.1 <= max(2, key.count / 4) else { return nil }
    return scored.0
  }

  /// `text` without leading and trailing whitespace.
  ///
  /// The lines of `text`, ended by "\n" or "\r\n" (as scene files and logs are).
  ///
  /// "\r\n" is one `Character`, so splitting at the character "\n" alone would
  /// read a file with Windows line endings as one long line.
  static func lines(of text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
  }

  /// Slices between the first and last non-space characters: building the
  /// string from a reversed view went character by character and was a third
  /// of the program's start-up time (every theme file's every line passes here).
  static func trimmed(_ text: Substring) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
      let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[first...last])
  }

  private static func clip(_ text: String) -> String {
    text.count > 40 ? String(text.prefix(39)) + "…" : text
  }

  // MARK: - Keys

  /// Every key a theme file may set (besides `optimizer.N`), with what it means and its value.
  public static let keys: [ThemeKey] = [
    ThemeKey("description", "one line shown by `optiscope themes`", "text") {
      $0.summary = $1
    },
    ThemeKey("background", "behind panels, text and the status bar", "colour") {
      $0.background = try ThemeValue.color($1)
    },
    // duplicates: one row per key (name, help, parser), alike in shape only.
    ThemeKey("text", "panel text and numbers", "colour") { $0.text = try ThemeValue.color($1) },
    ThemeKey("heading", "panel headings", "colour") { $0.heading = try ThemeValue.color($1) },
    ThemeKey("dim_text", "secondary text: hyper-parameters, axes, hints", "colour") {
      $0.dimText = try ThemeValue.color($1)
    },
    ThemeKey("status.foreground", "the top status line's text", "colour") {
      $0.statusForeground = try ThemeValue.color($1)
    },
    ThemeKey("status.background", "the top status line's background (also the help box)", "colour")
    { $0.statusBackground = try ThemeValue.color($1) },
    ThemeKey("warning", "notices: shifted log scale, paused, out of view", "colour") {
      $0.warning = try ThemeValue.color($1)
    },
    ThemeKey("error", "errors and diverged optimizers", "colour") {
      $0.error = try ThemeValue.color($1)
    },
    ThemeKey("border", "lines between the map and the panels", "colour") {
      $0.border = try ThemeValue.color($1)
    },
    ThemeKey("ramp.256", "band colours from low f to high f, 256-colour terminals", "colour list") {
      $0.colorRamp.full256 = try ThemeValue.colorList($1, limit: 255)
    },
    ThemeKey("ramp.16", "band colours for 16-colour terminals", "colour list") {
      $0.colorRamp.sixteen = try ThemeValue.colorList($1, limit: 15)
    },
    ThemeKey("ramp.8", "band colours for 8-colour terminals", "colour list") {
      $0.colorRamp.eight = try ThemeValue.colorList($1, limit: 7)
    },
    ThemeKey(
      "ramp.rgb", "24-bit colour stops from low f to high f, blended continuously", "#rrggbb list"
    ) { $0.colorRamp.rgb = try ThemeValue.rgbList($1) },
    ThemeKey("glyphs", "fill glyphs from low f to high f, used when there is no colour", "glyphs") {
      $0.fillGlyphs = try ThemeValue.glyphs($1, ascii: false, count: 2...64)
    },
    ThemeKey("glyphs.ascii", "the fill glyphs when only ASCII may be drawn", "ASCII glyphs") {
      $0.asciiFillGlyphs = try ThemeValue.glyphs($1, ascii: true, count: 2...64)
    },
    ThemeKey(
      "contour", "contour lines over colour: lighter, darker, none, or a colour", "derived colour"
    ) { $0.contourColor = try ThemeValue.derivedColor($1) },
    ThemeKey(
      "contour.glyphs", "contour lines: horizontal, vertical, rising, falling", "4 glyphs"
    ) { $0.contourGlyphs = try ThemeValue.contourGlyphs($1, ascii: false) },
    ThemeKey("contour.ascii", "the contour lines when only ASCII may be drawn", "4 ASCII glyphs") {
      $0.asciiContourGlyphs = try ThemeValue.contourGlyphs($1, ascii: true)
    },
    ThemeKey("contour.mono", "whether contour lines are drawn when there is no colour", "yes or no")
    { $0.drawsMonochromeContours = try ThemeValue.boolean($1) },
    ThemeKey("undefined.glyph", "where f is undefined (√ of a negative, ±∞)", "glyph") {
      $0.undefinedGlyph = try ThemeValue.glyph($1, ascii: false)
    },
    ThemeKey("undefined.ascii", "the undefined glyph when only ASCII may be drawn", "ASCII glyph") {
      $0.asciiUndefinedGlyph = try ThemeValue.glyph($1, ascii: true)
    },
    ThemeKey("undefined.color", "the undefined glyph's colour", "colour") {
      $0.undefinedColor = try ThemeValue.color($1)
    },
    ThemeKey("undefined.background", "the undefined cells' background", "colour") {
      $0.undefinedBackground = try ThemeValue.color($1)
    },
    ThemeKey("trail", "the trails' attributes", "attributes") {
      $0.trailAttributes = try ThemeValue.attributes($1)
    },
    ThemeKey(
      "shadow",
      "behind trails, markers and positions over colour: darker, lighter, none, or a colour",
      "derived colour"
    ) {
      $0.shadow = try ThemeValue.derivedColor($1)
    },
    ThemeKey("marker.start", "the start point", "colour glyph ascii [attributes]") {
      $0.start = try ThemeValue.marker($1)
    },
    ThemeKey("marker.minimum", "the known minima", "colour glyph ascii [attributes]") {
      $0.minimum = try ThemeValue.marker($1)
    },
    ThemeKey("marker.current", "each optimizer's current position", "attributes") {
      $0.currentAttributes = try ThemeValue.attributes($1)
    },
  ]
}
