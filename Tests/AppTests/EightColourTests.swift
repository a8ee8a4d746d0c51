import App
import OptimKit
import Plot
import Testing

/// Eleven optimizers on an 8-colour terminal (`TERM=xterm`): seven colours are
/// not enough, so an optimizer whose 16-colour fallback is bright is drawn bold
/// there (which such a terminal shows bright) and the others are not.
@Suite struct EightColourTests {
  /// The README's eleven optimizers on Rosenbrock, at 120×40 in 8 colours.
  static func model(depth: ColorDepth = .eight) throws -> Model {
    let optimizers = [
      "sgd:lr=0.001", "momentum:lr=0.0005", "nesterov:lr=0.0005", "adagrad:lr=1",
      "rmsprop:lr=0.02", "adadelta:lr=5", "adam:lr=0.1", "nadam:lr=0.1", "adamw:lr=0.1",
      "radam:lr=0.01", "adamax:lr=0.1",
    ]
    let scene = try SceneOptions(function: "rosenbrock", optimizers: optimizers).scene()
    return Model(
      scene: scene, width: 120, height: 40,
      themes: ([try TrueColourPictureTests.shipped("default")], 0), colorDepth: depth)
  }

  /// What a cell's foreground looks like at 8 colours: its colour and whether it is bold.
  struct Shown: Hashable {
    var color: Int?
    var bold: Bool

    init(_ cell: Cell) {
      color = cell.foreground.index(at: .eight)
      bold = cell.foreground.attributes(cell.attributes, at: .eight).contains(.bold)
    }
  }

  @Test("the legend's eleven glyphs are eleven different looks at 8 colours, and their names too")
  func legendGlyphsDiffer() throws {
    let model = try Self.model()
    let canvas = view(model)
    let legend = try #require(model.plan.legend)
    var glyphs: [Shown] = []
    var names: [Shown] = []
    for row in legend.y..<(legend.y + legend.height) {
      let glyph = canvas[legend.x + 1, row]
      guard model.theme.racers.contains(where: { $0.glyph == glyph.character }) else { continue }
      glyphs.append(Shown(glyph))
      names.append(Shown(canvas[legend.x + 3, row]))
    }
    #expect(glyphs.count == 11)
    #expect(Set(glyphs).count == 11, "\(glyphs)")
    #expect(Set(names).count == 11, "\(names)")
    // Eight of them are bold (bright), three are not: bold no longer marks them all.
    #expect(glyphs.filter(\.bold).count == 8)
  }

  @Test("after 150 steps the trails show ten or more looks at 8 colours, not seven")
  func trailsDiffer() throws {
    var model = try Self.model()
    _ = update(&model, .advance(steps: 150))
    let canvas = view(model)
    let map = try #require(model.plan.maps.first)
    func looks(in region: Region) -> Set<Shown> {
      var looks = Set<Shown>()
      for row in region.y..<(region.y + region.height) {
        for column in region.x..<(region.x + region.width) {
          let cell = canvas[column, row]
          // Trail dots, in an optimizer's colour (not the contour lines' black).
          guard (0x2801...0x28FF).contains(cell.glyph.value), cell.foreground.boldAtEight != nil
          else { continue }
          looks.insert(Shown(cell))
        }
      }
      return looks
    }
    // Trails cover one another where they run together, so one or two may not show.
    #expect(looks(in: map).count >= 10, "\(looks(in: map))")
  }

  @Test(
    "render's 8-colour text: a bright optimizer is bold, a dark one is not, despite `trail = bold`")
  func textEncoderFollowsTheRule() throws {
    let model = try Self.model()
    let theme = model.theme
    var canvas = Canvas(width: 2, height: 1)
    // Adadelta (bright yellow 11) and Nesterov (yellow 3): the same colour at 8 colours.
    canvas[0, 0] = Cell("✚", foreground: theme.racerStyle(5).color, attributes: [.bold])
    canvas[1, 0] = Cell("▲", foreground: theme.racerStyle(2).color, attributes: [.bold])
    #expect(TextEncoder.ansi(canvas, depth: .eight) == "\u{1B}[0;1;33m✚\u{1B}[0;33m▲\u{1B}[0m\n")
    // At 16 colours and more the cells are drawn as they are.
    #expect(
      TextEncoder.ansi(canvas, depth: .sixteen) == "\u{1B}[0;1;93m✚\u{1B}[0;1;33m▲\u{1B}[0m\n")
  }

  @Test(
    "after 300 steps no trail, marker or contour dot is drawn in its own background's colour",
    arguments: [ColorDepth.eight, .sixteen])
  func nothingVanishesIntoItsBand(depth: ColorDepth) throws {
    var model = try Self.model(depth: depth)
    _ = update(&model, .advance(steps: 300))
    let canvas = view(model)
    let map = try #require(model.plan.maps.first)
    var hidden: [String] = []
    var drawn = 0
    for row in map.y..<(map.y + map.height) {
      for column in map.x..<(map.x + map.width) {
        let cell = canvas[column, row]
        // The fill's own cells (half blocks, spaces) show two samples, not a glyph.
        let value = cell.glyph.value
        guard !(0x2580...0x259F).contains(value), !(0x1FB00...0x1FB3B).contains(value),
          cell.glyph != " "
        else { continue }
        drawn += 1
        let foreground = cell.foreground.index(at: depth)
        if foreground != nil, foreground == cell.background.index(at: depth) {
          hidden.append("\(cell.glyph) at \(column),\(row)")
        }
      }
    }
    #expect(drawn > 500)
    #expect(hidden.isEmpty, "\(hidden)")
  }
}
