import App
import Foundation
import OptimKit
import Plot
import Testing

/// The map in 24-bit colour and half blocks, as `render --color always` draws it
/// on a terminal that announces 24-bit colour (the done-when checks).
@Suite struct TrueColourPictureTests {
  /// Rosenbrock's default race (the scene `render` draws without options).
  static func model(
    width: Int = 120, height: Int = 40, depth: ColorDepth = .truecolor,
    cells: HeatmapMode = .halfBlocks, theme: String = "default"
  ) throws -> Model {
    let scene = try SceneOptions(function: "rosenbrock").scene()
    return Model(
      scene: scene, width: width, height: height, themes: ([try shipped(theme)], 0),
      colorDepth: depth, cells: cells)
  }

  /// A theme file of the package's `themes/` folder, read and handed over as the
  /// runtime's catalog would (App reads no files).
  static func shipped(_ name: String) throws -> ThemeChoice {
    let path = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("themes/\(name).theme").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return ThemeChoice(
      name: name, path: path, result: .success(try ThemeFile.parse(text, file: path, name: name)))
  }

  /// The map's cells of a frame, row by row.
  static func mapCells(_ canvas: Canvas, of model: Model) throws -> [Cell] {
    let map = try #require(model.plan.maps.first)
    var cells: [Cell] = []
    for row in map.y..<(map.y + map.height) {
      for column in map.x..<(map.x + map.width) { cells.append(canvas[column, row]) }
    }
    return cells
  }

  @Test("Rosenbrock at 120×40 in 24-bit colour: ≥ 100 colours, ≥ half the cells two samples")
  func rosenbrockUsesManyColoursAndTwoSamplesACell() throws {
    let model = try Self.model()
    let cells = try Self.mapCells(view(model), of: model)
    var colours = Set<UInt32>()
    for cell in cells {
      if let rgb = cell.foreground.rgb { colours.insert(rgb) }
      if let rgb = cell.background.rgb { colours.insert(rgb) }
    }
    #expect(colours.count >= 100, "\(colours.count) distinct 24-bit colours")
    let twoSamples = cells.filter { $0.glyph == "▀" && $0.foreground.rgb != nil }
    #expect(twoSamples.count * 2 >= cells.count, "\(twoSamples.count) of \(cells.count)")
  }

  @Test("at 256 colours the same map has one colour per band, and full cells one sample a cell")
  func fewerColoursKeepBands() throws {
    let model = try Self.model(depth: .full256)
    let cells = try Self.mapCells(view(model), of: model)
    let indices = Set(cells.flatMap { [$0.foreground.index256, $0.background.index256] })
    let ramp = Set(model.theme.colorRamp.full256.map { Optional($0) })
    // Only ramp colours (and the optimizers' and markers' over them) are used.
    #expect(indices.intersection(ramp).count >= 5)
    #expect(cells.filter { $0.glyph == "▀" }.count * 2 >= cells.count)
    let full = try Self.model(depth: .truecolor, cells: .cells)
    #expect(try Self.mapCells(view(full), of: full).allSatisfy { $0.glyph != "▀" })
  }

  @Test("without colour, half cells ask for nothing: the glyph ramp as with full cells")
  func noColourMeansGlyphRamp() throws {
    let half = try Self.model(depth: .none, cells: .halfBlocks)
    let full = try Self.model(depth: .none, cells: .cells)
    #expect(view(half).lines == view(full).lines)
    let mono = try Self.model(depth: .truecolor, cells: .halfBlocks, theme: "mono")
    let monoFull = try Self.model(depth: .truecolor, cells: .cells, theme: "mono")
    #expect(view(mono).lines == view(monoFull).lines)
  }

  @Test("the colour follows log f continuously: neighbouring samples of one band differ")
  func colourIsContinuousWithinABand() throws {
    let model = try Self.model(cells: .cells)
    let cells = try Self.mapCells(view(model), of: model)
    // Cells of one 256-colour band that get more than one 24-bit colour.
    var perBand: [UInt8: Set<UInt32>] = [:]
    for cell in cells {
      guard let index = cell.background.index256, let rgb = cell.background.rgb else { continue }
      perBand[index, default: []].insert(rgb)
    }
    #expect(perBand.values.filter { $0.count > 3 }.count >= 5)
  }
}

/// Trails over the map, the loss chart's step axis and the header, on the default race.
@Suite struct RacePictureTests {
  @Test("after 300 steps ≥ 90% of the cells a trail passes through keep the map's colour")
  func trailsKeepTheMapsColour() throws {
    for depth in [ColorDepth.truecolor, .full256] {
      let start = try TrueColourPictureTests.model(depth: depth)
      var raced = start
      _ = update(&raced, .advance(steps: 300))
      let before = try TrueColourPictureTests.mapCells(view(start), of: start)
      let after = try TrueColourPictureTests.mapCells(view(raced), of: raced)
      let trailCells = after.indices.filter { (0x2801...0x28FF).contains(after[$0].glyph.value) }
      #expect(trailCells.count >= 50, "\(depth): \(trailCells.count) trail cells")
      let kept = trailCells.filter { after[$0].background == before[$0].background }
      #expect(
        kept.count * 10 >= trailCells.count * 9, "\(depth): \(kept.count) of \(trailCells.count)")
    }
  }

  @Test("the loss chart's step axis ends at the last step, also once the history is thinned")
  func lossChartEndsAtTheLastStep() throws {
    for steps in [3000, 20_000] {
      var model = try TrueColourPictureTests.model(depth: .none)
      _ = update(&model, .advance(steps: steps))
      let lines = view(model).lines
      let axis = try #require(lines.first { $0.contains("     0 ") && $0.contains("step ") })
      #expect(axis.hasSuffix(" step \(steps)"), "\(axis)")
    }
  }

  @Test("at 40×12 after 780 steps the header keeps the whole step number")
  func headerKeepsTheStep() throws {
    var model = try TrueColourPictureTests.model(width: 40, height: 12, depth: .none)
    _ = update(&model, .advance(steps: 780))
    #expect(view(model).lines[0] == " Rosenbrock  (1−x)² … │ step 780 ? help ")
    let wide = try TrueColourPictureTests.model(width: 120, height: 40, depth: .none)
    #expect(view(wide).lines[0].hasSuffix(" keys act on: all · ? help "))
  }
}
