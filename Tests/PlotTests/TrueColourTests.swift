import Plot
import Testing

/// 24-bit colours: ramps blended between stops, written as `38;2;R;G;B`.
@Suite struct TrueColourTests {
  @Test func rampsBlendBetweenTheirStops() {
    let ramp = ColorRamp(
      full256: [16, 231], sixteen: [0, 15], eight: [0, 7], rgb: [0x00_0000, 0xFF_FF00])
    #expect(ramp.color(shade: 0).rgb == 0x00_0000)
    #expect(ramp.color(shade: 1).rgb == 0xFF_FF00)
    #expect(ramp.color(shade: 0.5).rgb == 0x80_8000)
    #expect(ramp.color(shade: .nan).rgb == 0)
    // Without stops of its own, the 256-colour list's xterm colours are the stops.
    let plain = ColorRamp(full256: [16, 231], sixteen: [0, 15], eight: [0, 7])
    #expect(plain.color(shade: 0.5).rgb == 0x80_8080)
    // The fallbacks stay the lists' own entries.
    #expect(ramp.color(shade: 0.9).index256 == 231)
  }

  @Test func textEncoderWritesTwentyFourBitColours() {
    var canvas = Canvas(width: 2, height: 1)
    canvas[0, 0] = Cell(
      glyph: "▀", foreground: Color(rgb: 0x12_3456, fallback: .xterm(17, fallback: 4)),
      background: .xterm(196, fallback: 9))
    canvas[1, 0] = Cell(glyph: "x")
    #expect(
      TextEncoder.ansi(canvas, depth: .truecolor)
        == "\u{1B}[0;38;2;18;52;86;48;2;255;0;0m▀\u{1B}[0mx\n")
    // The same canvas at 256 colours uses the indices.
    #expect(TextEncoder.ansi(canvas, depth: .full256) == "\u{1B}[0;38;5;17;48;5;196m▀\u{1B}[0mx\n")
  }

  @Test func levelSetShadesContinuously() {
    let levels = LevelSet(levels: [1, 10, 100], minimum: 0.5, maximum: 1000)
    #expect(levels.continuousShade(of: 1) == 0)
    #expect(levels.continuousShade(of: 100) == 1)
    #expect(abs((levels.continuousShade(of: 10) ?? 0) - 0.5) < 1e-12)
    #expect(levels.continuousShade(of: 0.1) == 0)
    #expect(levels.continuousShade(of: 1e9) == 1)
    #expect(levels.continuousShade(of: .nan) == nil)
    // At a band's log-midpoint the continuous shade is the band's own.
    let middle = (levels.continuousShade(of: 10.0.squareRoot()) ?? 0)
    #expect(abs(middle - levels.shade(ofBand: 1)) < 1e-12)
  }

  @Test func depthOfADirectColourTerminal() {
    #expect(ColorDepth(colors: 16_777_216) == .truecolor)
    #expect(ColorDepth(colors: 256) == .full256)
    #expect(ColorDepth.truecolor > .full256)
  }
}
