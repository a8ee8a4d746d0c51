/// The 256 colours of an animated GIF of a figure, and the nearest of them to any pixel.
///
/// A fixed palette built from what the figure can show keeps the colour map smooth
/// and exact: every band's colour and its contour-line shades, every optimizer's
/// colour and its darker edge, the page and text colours, a grey ramp for
/// anti-aliased text, and the rest filled with evenly spaced colours of the ramp.
struct GIFPalette {
  /// The colours as 0xRRGGBB, exactly 256; the last is kept for `transparent`.
  let colors: [UInt32]
  /// The index that frames after the first use for "unchanged": the frame below shows through.
  static let transparent: UInt8 = 255
  /// Pixels already looked up, for speed: most frames repeat the same few colours.
  private var nearestCache: [UInt32: UInt8] = [:]

  init(figure: Figure, field: FigureField) {
    var colors: [UInt32] = []
    func add(_ color: RGB) {
      let pixel = FigurePainter.pixel(color) & 0x00FF_FFFF
      if colors.count < 255, !colors.contains(pixel) { colors.append(pixel) }
    }
    let bands = (0..<field.levels.bandCount).map {
      figure.scale.color(shade: field.levels.shade(ofBand: $0))
    }
    bands.forEach(add)
    // Contour lines are black at half opacity, anti-aliased: full and partial cover.
    bands.forEach { add($0.mixed(with: .black, 0.5)) }
    bands.forEach { add($0.mixed(with: .black, 0.25)) }
    for color in figure.trailColors {
      add(color)
      add(color.mixed(with: .black, 0.55))
    }
    [
      figure.background, figure.text, figure.dimText, figure.startColor, figure.minimumColor,
      .black, .white, RGB(xterm: 214), RGB(xterm: 234),
    ].forEach(add)
    for step in 0..<24 {
      let grey = Double(step) / 23
      add(RGB(red: grey, green: grey, blue: grey))
    }
    let free = 255 - colors.count
    for step in 0..<max(free, 0) {
      add(figure.scale.color(shade: Double(step) / Double(max(free - 1, 1))))
    }
    while colors.count < 256 { colors.append(0) }
    self.colors = colors
  }

  /// The index of the palette colour nearest to a cairo RGB24 pixel.
  mutating func index(of pixel: UInt32) -> UInt8 {
    let key = pixel & 0x00FF_FFFF
    if let known = nearestCache[key] { return known }
    let red = Int(key >> 16)
    let green = Int((key >> 8) & 0xFF)
    let blue = Int(key & 0xFF)
    var best = 0
    var bestDistance = Int.max
    for (index, color) in colors.enumerated() where index != Int(Self.transparent) {
      let dr = red - Int(color >> 16)
      let dg = green - Int((color >> 8) & 0xFF)
      let db = blue - Int(color & 0xFF)
      // Weighted towards green, to which the eye is most sensitive.
      let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
      if distance < bestDistance {
        bestDistance = distance
        best = index
      }
    }
    let found = UInt8(best)
    nearestCache[key] = found
    return found
  }
}
