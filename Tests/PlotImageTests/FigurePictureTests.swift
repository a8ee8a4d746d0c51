import Testing

@testable import OptimKit
@testable import Plot
@testable import PlotImage

/// One figure, two renderers (issue 14): the pixel renderer draws the very `Picture` the
/// cell renderer draws, with only the colours its own.
@Suite("figure of a picture")
struct FigurePictureTests {
  static let view = ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2)

  /// A trail as a race keeps it: waypoints on the bowl x² + y², thinned past 3,072.
  static func trail(count: Int) -> Trail {
    var trail = Trail()
    for step in 0..<count {
      let t = Double(step) / Double(count)
      let point = Point(x: 1.5 * (1 - t), y: 1.5 * (1 - t) * (1 - t))
      trail.append(
        Waypoint(step: step, position: point, value: point.x * point.x + point.y * point.y))
    }
    return trail
  }

  static func picture() -> Picture {
    let adam = RacerDrawing(
      label: "adam", styleIndex: 2, waypoints: trail(count: 4_000),
      hyperparameterSummary: "lr=0.1", value: 0.01)
    var sgd = RacerDrawing(
      label: "sgd", styleIndex: 5, trail: [Point(x: -1.5, y: 1), Point(x: -1, y: 0.5)],
      status: .diverged, value: 3)
    sgd.isVisible = true
    return Picture(
      title: "Bowl", formula: "x^2 + y^2", view: view, racers: [adam, sgd],
      start: Point(x: 1.5, y: 1.5), minima: [Point(x: 0, y: 0)], step: 4_000)
  }

  @Test("the figure holds the picture itself: a race's trail is still shared, not copied")
  func figureHoldsThePicture() throws {
    let picture = Self.picture()
    let figure = Figure(picture: picture, theme: .standard)
    let before = try #require(picture.racers[0].sharedParts)
    let held = try #require(figure.picture.racers[0].sharedParts)
    func address(_ array: [Waypoint]) -> UnsafeRawPointer? {
      array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
    #expect(address(held.older) == address(before.older))
    #expect(address(held.newer) == address(before.newer))
    #expect(figure.title == picture.title && figure.step == picture.step)
    #expect(
      figure.trailColors
        == picture.racers.map {
          RGB(Theme.standard.racerStyle($0.styleIndex).color, fallback: .black)
        })
  }

  @Test("a figure of a picture and one of the same parts draw the same PNG bytes")
  func bothWaysDrawTheSame() throws {
    let figure = Figure(picture: Self.picture(), theme: .standard)
    let parts = Figure(
      title: figure.title, formula: figure.formula, view: figure.view, step: figure.step,
      trails: figure.trails, start: figure.start, minima: figure.minima, scale: figure.scale,
      background: figure.background, text: figure.text, dimText: figure.dimText,
      startColor: figure.startColor, minimumColor: figure.minimumColor)
    let field = ImageBytesTests.field(width: 120, height: 100)
    let drawn = try ImageRenderer.data(figure, field: field, format: .png, width: 300, height: 240)
    let again = try ImageRenderer.data(parts, field: field, format: .png, width: 300, height: 240)
    #expect(drawn == again)
    #expect(parts.picture.racers.map(\.label) == ["adam", "sgd"])
    #expect(parts.trailColors == figure.trailColors)
  }
}
