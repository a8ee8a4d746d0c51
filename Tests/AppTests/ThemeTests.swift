import App
import OptimKit
import Plot
import Testing

/// Cycling themes with `t`, drawing in a theme's colours, and the colour and ASCII
/// decisions the program makes for the terminal it runs in (finding theme files:
/// RuntimeTests' `ThemeCatalogTests`).
@Suite struct ThemeTests {
  /// A theme as the runtime hands it to App: parsed from `text` as if read from
  /// `/themes/NAME.theme` (App itself reads no files).
  private func choice(_ name: String, _ text: String) -> ThemeChoice {
    let path = "/themes/\(name).theme"
    return ThemeChoice(
      name: name, path: path,
      result: Result { () throws(ThemeError) in try ThemeFile.parse(text, file: path, name: name) })
  }

  /// Fixture's race, in the look given.
  private func makeModel(
    themes: (choices: [ThemeChoice], index: Int) = ([.builtIn], 0),
    colorDepth: ColorDepth = .full256, usesASCII: Bool = false
  ) throws -> Model {
    let himmelblau = try #require(TestFunction.named("himmelblau"))
    let scene = Scene(
      function: FunctionChoice(himmelblau),
      specs: try Fixture.specs.map { try OptimizerSpec(parsing: $0) })
    return Model(
      scene: scene, width: 120, height: 40, themes: themes, colorDepth: colorDepth,
      usesASCII: usesASCII)
  }

  private let warm =
    "description = warm\nramp.256 = 52 88 124 160 196\nramp.16 = 0 1 9\nramp.8 = 0 1"
  private let cold = "description = cold\nramp.256 = 17 18 19 20 21\nramp.16 = 0 4 12\nramp.8 = 0 4"
  private let broken = "description = broken\n\nramp.256 = 17 18 300"

  @Test func tCyclesThemesAndABrokenOneKeepsTheCurrentTheme() throws {
    let choices = [
      .builtIn, choice("a-warm", warm), choice("b-broken", broken), choice("c-cold", cold),
    ]
    var model = try makeModel(themes: (choices, 0))
    #expect(model.theme == Theme.standard)
    (model, _) = Fixture.send([Fixture.key("t")], to: model)
    #expect(model.theme.summary == "warm")
    #expect(Fixture.screen(model).contains("theme 2/4: a-warm"))
    (model, _) = Fixture.send([Fixture.key("t")], to: model)
    #expect(model.theme.summary == "warm")
    #expect(model.message?.isError == true)
    #expect(
      model.message?.text
        == "theme b-broken not used: /themes/b-broken.theme:3: ramp.256: colour 300 is out of range 0–255"
    )
    (model, _) = Fixture.send([Fixture.key("t")], to: model)
    #expect(model.theme.summary == "cold")
    (model, _) = Fixture.send([Fixture.key("t")], to: model)
    #expect(model.theme == Theme.standard)
  }

  @Test func aNewThemeRedrawsTheMapInItsColours() throws {
    let model = try makeModel(themes: ([.builtIn, choice("warm", warm)], 1))
    let map = try #require(model.plan.maps.first)
    let canvas = view(model)
    let backgrounds = Set(
      (map.y..<(map.y + map.height)).flatMap { row in
        (map.x..<(map.x + map.width)).compactMap { canvas[$0, row].background.index256 }
      })
    // Bands in the warm ramp's reds (trails and markers add darker shadows of them).
    #expect(backgrounds.isSuperset(of: [52, 196]))
    #expect(backgrounds.isDisjoint(with: Theme.standard.colorRamp.full256))
  }

  @Test func withoutColourTheMapIsGlyphsOnTheTerminalsBackground() throws {
    let model = try makeModel(colorDepth: .none)
    let canvas = view(model)
    let map = try #require(model.plan.maps.first)
    let row = map.y + map.height / 2
    let cells = (map.x..<(map.x + map.width)).map { canvas[$0, row] }
    #expect(cells.allSatisfy { $0.background.isTerminalDefault })
    let glyphs = Set(cells.map(\.character))
    #expect(glyphs.intersection(Theme.standard.fillGlyphs).count >= 3)
  }

  @Test func asciiModelDrawsOnlyASCIIEverywhere() throws {
    var model = try makeModel(usesASCII: true)
    for function in FunctionChoice.catalog.indices {
      for layout in 0..<2 {
        let canvas = view(model)
        let bad = canvas.lines.joined().unicodeScalars.filter { $0.value > 0x7F }
        #expect(
          bad.isEmpty,
          "\(model.function.name) layout \(layout): \(String(String.UnicodeScalarView(bad)))")
        (model, _) = Fixture.send([Fixture.key("l")], to: model)
      }
      _ = function
      (model, _) = Fixture.send([.tick, .tick, Fixture.key("f")], to: model)
    }
    (model, _) = Fixture.send([Fixture.key("?")], to: model)
    #expect(Fixture.screen(model).contains("optiscope keys"))
    #expect(Fixture.screen(model).unicodeScalars.allSatisfy { $0.value <= 0x7F })
    (model, _) = Fixture.send(
      [Fixture.key("x"), Fixture.key("e")] + Fixture.typing("√π"), to: model)
    #expect(Fixture.screen(model).unicodeScalars.allSatisfy { $0.value <= 0x7F })
  }

  @Test func colourPolicy() {
    func depth(
      _ mode: ColorPolicy.Mode, colors: Int? = nil, tty: Bool = true, noColor: Bool = false,
      terminal: Int? = 256
    ) -> ColorDepth {
      ColorPolicy.depth(
        mode: mode, requestedColors: colors, isTerminal: tty, noColor: noColor,
        terminalColors: terminal)
    }
    #expect(depth(.never) == ColorDepth.none)
    #expect(depth(.never, colors: 256) == ColorDepth.none)
    #expect(depth(.auto) == .full256)
    #expect(depth(.auto, terminal: 8) == .eight)
    #expect(depth(.auto, terminal: 16) == .sixteen)
    #expect(depth(.auto, terminal: nil) == ColorDepth.none)  // vt100: no colours
    #expect(depth(.auto, tty: false) == ColorDepth.none)
    #expect(depth(.auto, noColor: true) == ColorDepth.none)
    #expect(depth(.auto, colors: 16) == .sixteen)
    #expect(depth(.always, tty: false, noColor: true) == .full256)
    #expect(depth(.always, terminal: 8) == .eight)
    #expect(depth(.always, terminal: nil) == .full256)
    #expect(depth(.always, colors: 8) == .eight)
    #expect(ColorPolicy.maximumDepth(mode: .never, requestedColors: 256) == ColorDepth.none)
    #expect(ColorPolicy.maximumDepth(mode: .auto, requestedColors: 16) == .sixteen)
    // The live screen may go up to 24 bits; the terminal caps it.
    #expect(ColorPolicy.maximumDepth(mode: .always, requestedColors: nil) == .truecolor)
  }

  @Test func trueColourIsAskedForOrAnnounced() {
    func depth(_ mode: ColorPolicy.Mode, colors: Int? = nil, truecolor: Bool) -> ColorDepth {
      ColorPolicy.depth(
        mode: mode, requestedColors: colors, isTerminal: true, noColor: false,
        terminalColors: 256, terminalHasTrueColor: truecolor)
    }
    #expect(depth(.auto, truecolor: true) == .truecolor)
    #expect(depth(.always, truecolor: true) == .truecolor)
    #expect(depth(.auto, truecolor: false) == .full256)
    #expect(depth(.never, truecolor: true) == ColorDepth.none)
    // --colors wins over what the terminal announces, both ways.
    #expect(depth(.auto, colors: 256, truecolor: true) == .full256)
    let twentyFour = ColorPolicy.colorCount(argument: "24bit")
    #expect(twentyFour.map { depth(.auto, colors: $0, truecolor: false) } == .truecolor)
    #expect(ColorPolicy.colorCount(argument: "truecolor") == twentyFour)
    #expect(ColorPolicy.colorCount(argument: "16") == 16)
    #expect(ColorPolicy.colorCount(argument: "12") == nil)
    #expect(ColorPolicy.announcesTrueColor(colorTerm: "truecolor"))
    #expect(ColorPolicy.announcesTrueColor(colorTerm: "24bit"))
    #expect(!ColorPolicy.announcesTrueColor(colorTerm: "yes"))
    #expect(!ColorPolicy.announcesTrueColor(colorTerm: nil))
  }
}
