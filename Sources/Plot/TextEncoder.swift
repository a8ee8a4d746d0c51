/// Turns a canvas into text: plain (no escape codes) or with ANSI colours.
///
/// The headless commands print frames with it, and the recorder logs them.
/// Every line is exactly the canvas's width; ANSI output changes the style only
/// where it changes and resets it at each line's end, so lines can be cut or
/// interleaved without colours bleeding.
///
/// Text reaches cells through `CellScalars`, which escapes controls; a cell
/// that holds one anyway (set glyph by glyph) is written as `?`, so the only
/// escape codes in the output are the encoder's own colour codes.
public enum TextEncoder {
  /// The canvas's characters: `height` lines of `width` columns, each ending in "\n".
  public static func plain(_ canvas: Canvas) -> String {
    var output = String.UnicodeScalarView()
    for row in 0..<canvas.height {
      for column in 0..<canvas.width { output.append(shown(canvas[column, row].glyph)) }
      output.append("\n")
    }
    return String(output)
  }

  /// `glyph`, or `?` for a control that must not reach a terminal raw.
  @inline(__always)
  static func shown(_ glyph: Unicode.Scalar) -> Unicode.Scalar {
    DisplayText.needsEscaping(glyph) ? "?" : glyph
  }

  /// The canvas with SGR colour codes for `depth` colours (attributes only for `.none`).
  public static func ansi(_ canvas: Canvas, depth: ColorDepth) -> String {
    var output = ""
    output.reserveCapacity(canvas.width * canvas.height * 4)
    for row in 0..<canvas.height {
      var current = Style.plain
      for column in 0..<canvas.width {
        let cell = canvas[column, row]
        let style = Style(cell: cell, depth: depth)
        if style != current {
          output += style.sequence
          current = style
        }
        output.unicodeScalars.append(shown(cell.glyph))
      }
      if current != .plain { output += "\u{1B}[0m" }
      output += "\n"
    }
    return output
  }

  /// The part of a cell's look that the output can show at a given depth.
  ///
  /// At 24 bits a colour is its 0xRRGGBB value, at other depths its index.
  private struct Style: Equatable {
    var foreground: Int?
    var background: Int?
    var attributes: Cell.Attributes
    var depth: ColorDepth

    static let plain = Style(foreground: nil, background: nil, attributes: [], depth: .none)

    init(foreground: Int?, background: Int?, attributes: Cell.Attributes, depth: ColorDepth) {
      self.foreground = foreground
      self.background = background
      self.attributes = attributes
      self.depth = depth
    }

    init(cell: Cell, depth: ColorDepth) {
      if depth == .truecolor {
        foreground = cell.foreground.trueColor.map { Int($0) }
        background = cell.background.trueColor.map { Int($0) }
      } else {
        foreground = cell.foreground.index(at: depth)
        background = cell.background.index(at: depth)
      }
      attributes = cell.foreground.attributes(cell.attributes, at: depth)
      self.depth = depth
    }

    static func == (a: Style, b: Style) -> Bool {
      a.foreground == b.foreground && a.background == b.background && a.attributes == b.attributes
    }

    /// A full restatement of the style: reset, then attributes and colours.
    var sequence: String {
      var codes = ["0"]
      if attributes.contains(.bold) { codes.append("1") }
      if attributes.contains(.dim) { codes.append("2") }
      if attributes.contains(.underline) { codes.append("4") }
      if attributes.contains(.reverse) { codes.append("7") }
      if let foreground { codes.append(code(foreground, base: 30, bright: 90)) }
      if let background { codes.append(code(background, base: 40, bright: 100)) }
      return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// "38;2;R;G;B" for 24 bits, "38;5;N" for 256 colours, else the basic
    /// (30–37) or bright (90–97) code.
    private func code(_ index: Int, base: Int, bright: Int) -> String {
      if depth == .truecolor {
        return "\(base + 8);2;\(index >> 16 & 0xFF);\(index >> 8 & 0xFF);\(index & 0xFF)"
      }
      if depth == .full256 { return "\(base + 8);5;\(index)" }
      return index < 8 ? String(base + index) : String(bright + index - 8)
    }
  }
}
