import Foundation
import OptimKit
import Plot
import Testing

@testable import PlotImage

/// PlotImage draws to bytes; the executable's FileSink alone writes files (issue 14).
@Suite("image bytes")
struct ImageBytesTests {
  static let view = ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2)

  static func figure() -> Figure {
    Figure(
      title: "Bowl", formula: "x^2 + y^2", view: view, step: 3,
      trails: [
        FigureTrail(
          label: "adam", summary: "lr=0.1", value: 0.5, status: .running,
          color: RGB(red: 1, green: 0.5, blue: 0),
          points: [Point(x: 1.5, y: 1.5), Point(x: 1, y: 1.2), Point(x: 0.5, y: 0.4)])
      ], start: Point(x: 1.5, y: 1.5), minima: [Point(x: 0, y: 0)],
      scale: ColorScale(theme: .standard))
  }

  static func field(width: Int, height: Int) -> FigureField {
    let points = Heatmap.samplePoints(view: view, columns: width, rows: height)
    return FigureField(
      samples: points.map { $0.x * $0.x + $0.y * $0.y }, view: view, columns: width, rows: height)
  }

  /// The width and height in a PNG's IHDR chunk (bytes 16…23, big-endian).
  static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count > 24, Array(bytes[0..<8]) == signature,
      bytes[12..<16].elementsEqual("IHDR".utf8)
    else { return nil }
    func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
  }

  @Test("a PNG, SVG and PDF come back as bytes of their format, at the asked-for size")
  func formats() throws {
    let figure = Self.figure()
    let field = Self.field(width: 200, height: 160)
    let png = try ImageRenderer.data(figure, field: field, format: .png, width: 320, height: 256)
    #expect(Self.pngSize(png).map { [$0.0, $0.1] } == [320, 256])
    let svg = try ImageRenderer.data(figure, field: field, format: .svg, width: 320, height: 256)
    let svgText = String(decoding: svg, as: UTF8.self)
    #expect(svgText.contains("<svg"))
    #expect(svgText.contains("width=\"320px\""), "\(svgText.prefix(300))")
    let pdf = try ImageRenderer.data(figure, field: field, format: .pdf, width: 320, height: 256)
    #expect(pdf.starts(with: Array("%PDF-".utf8)))
    #expect(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
  }

  @Test("a GIF's bytes go to the writer it was given, whole when finished")
  func gifBytes() throws {
    var written: [UInt8] = []
    var calls = 0
    let recorder = try GIFRecorder(
      size: PixelSize(width: 160, height: 128), framesPerSecond: 10
    ) { bytes in
      written += bytes
      calls += 1
    }
    let field = Self.field(width: 80, height: 64)
    for _ in 0..<3 { try recorder.add(Self.figure(), field: field) }
    try recorder.finish()
    #expect(written.starts(with: Array("GIF89a".utf8)))
    #expect(written.last == 0x3B, "a GIF ends with its trailer ';'")
    #expect(Int(written[6]) | Int(written[7]) << 8 == 160)
    #expect(calls >= 3, "the bytes are handed over frame by frame, not kept to the end")
  }

  @Test("a writer's failure stops the GIF with its message")
  func gifWriteFailure() throws {
    struct Full: Error, CustomStringConvertible { var description: String { "disk full" } }
    let recorder = try GIFRecorder(size: PixelSize(width: 64, height: 64), framesPerSecond: 10) {
      _ in throw Full()
    }
    #expect(throws: ImageError.self) {
      try recorder.add(Self.figure(), field: Self.field(width: 32, height: 32))
    }
    #expect(throws: ImageError.self) { try recorder.finish() }
  }

  @Test("no PlotImage source opens, renames or removes a file: FileSink does that")
  func writesNoFiles() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "Sources/PlotImage")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.count > 5)
    let forbidden = [
      "rename(", "unlink(", " open(", "fopen(", "write_to_png(", "EGifOpenFileName",
      "EGifOpenFileHandle", "_surface_create(\"", "temporaryPath", "FileManager",
    ]
    for name in names where name.hasSuffix(".swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for word in forbidden { #expect(!text.contains(word), "\(name) uses \(word)") }
    }
  }
}
