import OptimKit
import Testing

@testable import Plot

/// ASGD's averaged point is drawn as a second, fainter (dim) trail in the racer's colour,
/// under the trail proper.
@Suite struct AveragedTrailTests {
  private func picture(averaged: [Point]) -> Picture {
    var racer = RacerDrawing(
      label: "asgd", styleIndex: 0,
      trail: [Point(x: -1.5, y: 1.5), Point(x: -1, y: 1.5), Point(x: -0.5, y: 1.5)],
      hyperparameterSummary: "lr=0.01", step: 2, value: 2, gradientNorm: 2,
      lossHistory: [4.5, 3, 2])
    racer.averagedTrail = averaged
    return Picture(
      title: "Sphere", formula: "x² + y²", function: "sphere",
      objective: FunctionObjective { x, y in x * x + y * y },
      view: ViewBox(xMin: -2, xMax: 2, yMin: -2, yMax: 2), racers: [racer],
      start: Point(x: -1.5, y: 1.5), minima: [], minimumValue: 0, step: 2)
  }

  @Test func averagedTrailIsADimLineInTheRacersColour() {
    let line = stride(from: -1.5, through: 1.5, by: 0.25).map { Point(x: $0, y: -1) }
    let with = picture(averaged: line).draw(width: 80, height: 24)
    let without = picture(averaged: []).draw(width: 80, height: 24)
    let color = Theme.standard.racerStyle(0).color
    var changed: [(x: Int, y: Int)] = []
    for y in 0..<with.height {
      for x in 0..<with.width where with[x, y] != without[x, y] {
        changed.append((x, y))
        // Every cell the second trail changed is a braille cell of the racer's colour, dimmed.
        let cell = with[x, y]
        #expect(cell.attributes.contains(.dim), "cell \(x),\(y)")
        #expect(cell.foreground == color, "cell \(x),\(y)")
        #expect((0x2801...0x28FF).contains(cell.glyph.value), "cell \(x),\(y): \(cell.glyph)")
        #expect(cell.background == without[x, y].background, "the map stays under it")
      }
    }
    // One horizontal run across the map (y = −1 is one row), as long as the line.
    #expect(Set(changed.map(\.y)).count == 1)
    #expect(changed.count >= 20)
    let xs = changed.map(\.x).sorted()
    #expect(xs.last! - xs.first! == xs.count - 1, "a connected run")
  }

  @Test func trailProperCoversTheAveragedTrail() {
    // The averaged trail on the same points as the trail: nothing of it shows.
    let trail = [Point(x: -1.5, y: 1.5), Point(x: -1, y: 1.5), Point(x: -0.5, y: 1.5)]
    let with = picture(averaged: trail).draw(width: 80, height: 24)
    let without = picture(averaged: []).draw(width: 80, height: 24)
    #expect(with.lines == without.lines)
    for y in 0..<with.height {
      for x in 0..<with.width { #expect(with[x, y] == without[x, y]) }
    }
  }
}
