import OptimKit
import Plot
import Testing

@testable import PlotImage

/// The sampled function behind a figure: its levels and its marching-squares contours.
@Suite("figure field")
struct FigureFieldTests {
  /// f = x² + y² on [-2, 2]², sampled 80 × 80.
  static let view = ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2)
  static let field: FigureField = {
    let points = Heatmap.samplePoints(view: view, columns: 80, rows: 80)
    return FigureField(
      samples: points.map { $0.x * $0.x + $0.y * $0.y }, view: view, columns: 80, rows: 80)
  }()

  @Test("the levels are the text heatmap's: LevelSet of the same samples")
  func levelsFollowTheRecipe() {
    let field = Self.field
    #expect(field.levels == LevelSet(samples: field.samples))
    #expect(field.contours.count == field.levels.values.count)
  }

  @Test("every contour point of a paraboloid lies on its level's circle")
  func contoursLieOnTheirLevels() {
    let field = Self.field
    var checked = 0
    for (level, segments) in zip(field.levels.values, field.contours) {
      let radius = level.squareRoot()
      // Circles that fit in the view are closed curves of many segments.
      if radius < 1.8 { #expect(segments.count / 4 > Int(radius * 20)) }
      var index = 0
      while index + 1 < segments.count {
        // Grid units to the plane: 80 samples over 4 units, row 0 at the top.
        let x = -2 + segments[index] * 4 / 80
        let y = 2 - segments[index + 1] * 4 / 80
        // Linear interpolation of a quadratic: off by at most about a cell's curvature error.
        #expect(abs((x * x + y * y).squareRoot() - radius) < 0.02, "level \(level) at (\(x), \(y))")
        checked += 1
        index += 2
      }
    }
    #expect(checked > 1000)
  }

  @Test("undefined samples draw no contours through them")
  func undefinedSamples() {
    let samples: [Double] = [1, 2, .nan, 4, 1, 2, 3, 4, 1, 2, 3, 4]
    let field = FigureField(samples: samples, view: Self.view, columns: 4, rows: 3)
    for segments in field.contours {
      var index = 0
      while index + 1 < segments.count {
        // The NaN sample's cells are those touching grid point (2.5, 0.5).
        let x = segments[index]
        let y = segments[index + 1]
        #expect(!(x > 1.5 && x < 3.5 && y < 1.5), "segment through the undefined sample")
        index += 2
      }
    }
  }

  @Test("the colour scale runs through the theme's ramp, interpolated between its colours")
  func colorScale() {
    let scale = ColorScale(theme: .standard)
    let ramp = Theme.standard.colorRamp.full256
    #expect(scale.color(shade: 0) == RGB(xterm: ramp[0]))
    #expect(scale.color(shade: 1) == RGB(xterm: ramp[ramp.count - 1]))
    let between = scale.color(shade: 0.5 / Double(ramp.count - 1))
    #expect(between == RGB(xterm: ramp[0]).mixed(with: RGB(xterm: ramp[1]), 0.5))
  }

  @Test("ticks fall on round values 1, 2 or 5 × 10ⁿ apart")
  func ticks() {
    #expect(FigurePainter.ticks(-2, 2, count: 4) == [-2, -1, 0, 1, 2])
    #expect(FigurePainter.ticks(-1, 3, count: 8) == [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3])
    #expect(FigurePainter.ticks(0.013, 0.09, count: 3) == [0.02, 0.04, 0.06, 0.08])
    #expect(FigurePainter.ticks(1, 1, count: 3).isEmpty)
  }

  @Test("--pixels reads WxH and refuses the malformed and the out of range")
  func pixelSize() throws {
    #expect(try PixelSize(parsing: "640x480") == PixelSize(width: 640, height: 480))
    #expect(try PixelSize(parsing: "640×480") == PixelSize(width: 640, height: 480))
    for bad in ["640", "x480", "10x10", "640x480x2", "9000x100", "ax b"] {
      #expect(throws: ImageError.self) { try PixelSize(parsing: bad) }
    }
  }

  @Test("a figure of a picture takes each racer's theme colour and its plane trail")
  func figureOfPicture() {
    let trail = [Point(x: -1, y: 1), Point(x: -0.5, y: 0.5)]
    let picture = Picture(
      title: "Bowl", formula: "x^2+y^2", view: Self.view,
      racers: [
        RacerDrawing(label: "adam", styleIndex: 2, trail: trail, hyperparameterSummary: "lr=0.1")
      ], start: trail[0], minima: [Point(x: 0, y: 0)])
    let figure = Figure(picture: picture, theme: .standard)
    #expect(figure.trails.count == 1)
    #expect(figure.trails[0].points == trail)
    #expect(figure.trails[0].color == RGB(Theme.standard.racerStyle(2).color, fallback: .black))
    #expect(figure.trails[0].summary == "lr=0.1")
    #expect(figure.minima == [Point(x: 0, y: 0)])
    #expect(figure.view == Self.view)
  }

  @Test("the GIF palette holds every band's colour exactly")
  func paletteHoldsBands() {
    let field = Self.field
    let figure = Figure(
      title: "Bowl", formula: "", view: Self.view, scale: ColorScale(theme: .standard))
    var palette = GIFPalette(figure: figure, field: field)
    #expect(palette.colors.count == 256)
    for band in 0..<field.levels.bandCount {
      let pixel = FigurePainter.pixel(figure.scale.color(shade: field.levels.shade(ofBand: band)))
      let index = palette.index(of: pixel)
      #expect(palette.colors[Int(index)] == pixel & 0x00FF_FFFF)
    }
  }
}
