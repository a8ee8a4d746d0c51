extension Theme {
  /// The built-in default: a viridis-like ramp (dark blue-purple valleys,
  /// yellow peaks) on the terminal's dark background, with thirteen bright
  /// optimizer colours chosen to stand out on every band, each with its own glyph.
  ///
  /// The same look as `themes/default.theme` (a test keeps the two equal), and
  /// compiled in so that the program works with no themes folder at all.
  public static let standard: Theme = {
    var theme = Theme(
      name: "default", summary: "viridis-like ramp on a dark background (the built-in default)")
    theme.background = .terminalDefault
    theme.text = .xterm(252, 7, 7)
    theme.heading = .xterm(255, 15, 7)
    theme.dimText = .xterm(245, 8, 7)
    theme.statusForeground = .xterm(255, 15, 7)
    theme.statusBackground = .xterm(236, 0, 4)
    theme.warning = .xterm(214, 11, 3)
    theme.error = .xterm(203, 9, 1)
    theme.border = .xterm(240, 8, 7)
    theme.colorRamp = ColorRamp(
      full256: [53, 53, 61, 61, 60, 67, 66, 66, 37, 36, 35, 78, 113, 148, 184, 220],
      sixteen: [0, 4, 12, 6, 2, 10, 3, 11],
      eight: [0, 4, 6, 2, 3],
      rgb: [
        0x44_0154, 0x48_186A, 0x47_2D7B, 0x42_4086, 0x3B_528B, 0x33_638D, 0x2C_728E, 0x26_828E,
        0x21_918C, 0x1F_A088, 0x28_AE80, 0x3F_BC73, 0x5E_C962, 0x84_D44B, 0xAD_DC30, 0xD8_E219,
        0xFD_E725,
      ])
    theme.fillGlyphs = Array(" .,:;-=+*#")
    theme.asciiFillGlyphs = Array(" .,:;-=+*#")
    theme.contourColor = .darker(30)
    theme.contourGlyphs = .lines
    theme.asciiContourGlyphs = .ascii
    theme.drawsMonochromeContours = false
    theme.undefinedGlyph = "╳"
    theme.asciiUndefinedGlyph = "x"
    theme.undefinedColor = .xterm(240, 8, 7)
    theme.undefinedBackground = .xterm(234, 0, 0)
    // duplicates: the standard themes' racer tables are data, alike in shape only.
    theme.racers = [
      RacerStyle(color: .xterm(203, 9, 1), glyph: "●", asciiGlyph: "1"),
      RacerStyle(color: .xterm(231, 15, 7), glyph: "■", asciiGlyph: "2"),
      RacerStyle(color: .xterm(214, 3, 3), glyph: "▲", asciiGlyph: "3"),
      RacerStyle(color: .xterm(207, 13, 5), glyph: "◆", asciiGlyph: "4"),
      RacerStyle(color: .xterm(51, 14, 6), glyph: "★", asciiGlyph: "5"),
      RacerStyle(color: .xterm(226, 11, 3), glyph: "✚", asciiGlyph: "6"),
      RacerStyle(color: .xterm(120, 10, 2), glyph: "✖", asciiGlyph: "7"),
      RacerStyle(color: .xterm(117, 12, 4), glyph: "◉", asciiGlyph: "8"),
      RacerStyle(color: .xterm(177, 5, 5), glyph: "▼", asciiGlyph: "9"),
      RacerStyle(color: .xterm(223, 8, 0), glyph: "◀", asciiGlyph: "A"),
      RacerStyle(color: .xterm(147, 6, 6), glyph: "▶", asciiGlyph: "B"),
      RacerStyle(color: .xterm(196, 1, 1), glyph: "◈", asciiGlyph: "C"),
      RacerStyle(color: .xterm(250, 7, 7), glyph: "✦", asciiGlyph: "D"),
    ]
    theme.trailAttributes = [.bold]
    theme.shadow = .darker(30)
    theme.start = MarkerStyle(glyph: "○", asciiGlyph: "S", color: .xterm(231, 15, 7))
    theme.minimum = MarkerStyle(glyph: "◇", asciiGlyph: "M", color: .xterm(231, 15, 7))
    theme.currentAttributes = [.bold]
    return theme
  }()
}
