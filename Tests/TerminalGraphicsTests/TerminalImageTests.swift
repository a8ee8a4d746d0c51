import Foundation
import OptimKit
import Plot
import PlotImage
import Testing

@testable import TerminalGraphics

/// The map as an image for the terminal: kitty's chunked PNG and libsixel's sixels,
/// each read back by a real decoder at the map's size.
@Suite("terminal images")
struct TerminalImageTests {
  static let view = ViewBox(xMin: -2, xMax: 2, yMin: -1, yMax: 3)

  /// Rosenbrock's valley with two trails.
  static func figure() -> Figure {
    Figure(
      title: "Rosenbrock", formula: "(1 - x)^2 + 100 (y - x^2)^2", view: view, step: 20,
      trails: [
        FigureTrail(
          label: "adam", summary: "", value: 1, status: .running,
          color: RGB(red: 1, green: 0.4, blue: 0.1),
          points: (0..<20).map { Point(x: -1.5 + Double($0) * 0.1, y: 2 - Double($0) * 0.05) }),
        FigureTrail(
          label: "sgd", summary: "", value: 2, status: .running,
          color: RGB(red: 0.3, green: 0.8, blue: 1),
          points: (0..<20).map { Point(x: -1.5 + Double($0) * 0.05, y: 2 - Double($0) * 0.08) }),
      ], start: Point(x: -1.5, y: 2), minima: [Point(x: 1, y: 1)],
      scale: ColorScale(theme: .standard))
  }

  static let objective: any Objective = TestFunction.named("rosenbrock")!.expression

  /// A map region of 70 × 30 cells of 9 × 18 pixels.
  static let columns = 70
  static let rows = 30
  static let cell = CellSize(width: 9, height: 18)

  @Test("the kitty sequence decodes, chunk by chunk, to a PNG of the map's size")
  func kittyDecodesToThePNG() throws {
    let image = MapImage()
    let width = Self.columns * Self.cell.width
    let height = Self.rows * Self.cell.height
    try image.draw(Self.figure(), objective: Self.objective, width: width, height: height)
    let png = try image.png()
    let sequence = KittyImage.place(png: png, id: 7, columns: Self.columns, rows: Self.rows)
    let parsed = KittySequence(sequence)
    #expect(
      parsed.commands.count == (png.count * 4 / 3 + KittyImage.chunkSize - 1) / KittyImage.chunkSize
    )
    #expect(parsed.commands.count > 1, "a whole map takes several chunks")
    let first = try #require(parsed.commands.first)
    #expect(first.control["a"] == "T" && first.control["f"] == "100" && first.control["i"] == "7")
    #expect(first.control["c"] == "70" && first.control["r"] == "30")
    #expect(first.control["q"] == "2" && first.control["C"] == "1")
    for command in parsed.commands.dropLast() {
      #expect(command.control["m"] == "1")
      #expect(command.payload.count == KittyImage.chunkSize)
    }
    #expect(parsed.commands.last?.control["m"] == "0")
    let data = try #require(parsed.imageData)
    #expect(data == png)
    let reading = try ImageReaders.png(data)
    #expect(reading.hasPrefix("\(width)x\(height) PNG "), "\(reading)")
    let colors = Int(reading.split(separator: " ").last ?? "") ?? 0
    #expect(colors > 20, "a heatmap with trails has many colours: \(reading)")
  }

  @Test("deleting the image names its id and frees its data")
  func kittyDelete() {
    let parsed = KittySequence(KittyImage.delete(id: 7))
    #expect(parsed.commands.count == 1)
    #expect(parsed.commands.first?.control == ["a": "d", "d": "I", "i": "7", "q": "2"])
  }

  @Test("base64 matches Foundation's for every length remainder")
  func base64() {
    for length in 0..<10 {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 200) }
      #expect(
        String(decoding: Base64.encode(bytes), as: UTF8.self) == Data(bytes).base64EncodedString())
    }
  }

  @Test("libsixel's sixel2png reads the sixel image back at the map's size", arguments: [256, 16])
  func sixelDecodes(colors: Int) throws {
    let image = MapImage()
    let width = Self.columns * Self.cell.width
    let height = Self.rows * Self.cell.height / 6 * 6
    try image.draw(Self.figure(), objective: Self.objective, width: width, height: height)
    let sixel = try SixelEncoder(colors: colors).encode(
      rgb: image.rgb(), width: width, height: height)
    #expect(sixel.starts(with: [0x1B, UInt8(ascii: "P")]), "a DCS sequence")
    #expect(Array(sixel.suffix(2)) == [0x1B, UInt8(ascii: "\\")], "ended by ST")
    let reading = try ImageReaders.sixel(sixel)
    #expect(reading.hasPrefix("\(width)x\(height) PNG "), "\(reading)")
    let read = Int(reading.split(separator: " ").last ?? "") ?? 0
    #expect(read > colors / 2 && read <= colors, "\(reading)")
  }

  @Test("a palette kept from the backdrop and the trails' colours encodes later frames")
  func keptPalette() throws {
    let image = MapImage()
    let (width, height) = (420, 300)
    var figure = Self.figure()
    try image.draw(figure, objective: Self.objective, width: width, height: height)
    let encoder = SixelEncoder(colors: 256)
    let sample = image.paletteSample(colors: figure.trails.map(\.color) + [.white, .black])
    #expect(sample.width == width && sample.height > height)
    try encoder.preparePalette(sample: sample.rgb, width: sample.width, height: sample.height)
    figure.trails[0].points.append(Point(x: 1, y: 1))
    try image.draw(figure, objective: Self.objective, width: width, height: height)
    let reading = try ImageReaders.sixel(
      try encoder.encode(rgb: image.rgb(), width: width, height: height))
    #expect(reading.hasPrefix("\(width)x\(height) PNG "), "\(reading)")
    #expect((Int(reading.split(separator: " ").last ?? "") ?? 0) > 20, "\(reading)")
  }

  @Test("an unchanged frame is told apart from a changed one")
  func changes() throws {
    let image = MapImage()
    var figure = Self.figure()
    #expect(try image.draw(figure, objective: Self.objective, width: 300, height: 200))
    #expect(try !image.draw(figure, objective: Self.objective, width: 300, height: 200))
    #expect(image.changedRect == nil)
    figure.trails[0].points.append(Point(x: 0.8, y: 0.9))
    #expect(try image.draw(figure, objective: Self.objective, width: 300, height: 200))
    // Only around the new segment: from the trail's last point (0.4, 1.05) to (0.8, 0.9),
    // in a 4 × 4 view over 300 × 200 pixels, with the line's width and the end disc.
    let part = try #require(image.changedRect)
    #expect(part.width < 80 && part.height < 60, "\(part)")
    let x = Double(part.x + part.width / 2) / 300 * 4 - 2
    let y = 3 - Double(part.y + part.height / 2) / 200 * 4
    #expect(abs(x - 0.6) < 0.3 && abs(y - 0.98) < 0.3, "\(part) around (\(x), \(y))")
    #expect(image.rgb(part).count == part.width * part.height * 3)
    #expect(try image.draw(figure, objective: Self.objective, width: 310, height: 200))
    #expect(image.width == 310 && image.rgb().count == 310 * 200 * 3)
  }

  @Test("a placement saves the cursor, goes to the cell (1-based) and restores it")
  func placement() {
    let bytes = ImagePlacement.at(column: 0, row: 1, Array("IMG".utf8))
    #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}7\u{1B}[2;1HIMG\u{1B}8")
  }
}
