import OptimKit
import Testing

@testable import Plot

/// The loss chart and legend with losses at the ends of the range of doubles,
/// where f − f* overflows (found by the key storm: a crash on an infinite position).
@Suite struct ExtremeLossTests {
  static let histories: [[Double]] = [
    [1e308, 0, -1e308],
    [-1.7e308, 1.7e308],
    [1.7e308, -1.7e308, .nan, 1e308],
    [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 5],
  ]

  @Test(arguments: histories)
  func chartDrawsWithoutNonFiniteText(history: [Double]) {
    let racers = [
      RacerDrawing(
        label: "adam", styleIndex: 0, trail: history.map { _ in Point(x: 0, y: 0) },
        lossHistory: history),
      RacerDrawing(label: "sgd", styleIndex: 1, trail: [.zero, .zero], lossHistory: [3, 2]),
    ]
    for minimumValue in [nil, 0.0, -1e308] {
      var canvas = Canvas(width: 30, height: 8)
      LossPanel(racers: racers, minimumValue: minimumValue, theme: .standard, usesASCII: false)
        .draw(into: &canvas, area: Region(x: 0, y: 0, width: 30, height: 8))
      let text = canvas.lines.joined(separator: "\n").lowercased()
      #expect(
        !text.contains("nan") && !text.contains("inf"),
        "\(history) f*=\(String(describing: minimumValue))\n\(text)")
      // The axis still has both labels and the line ends in the racers' glyphs.
      #expect(canvas.lines[1].contains("┤"))
      #expect(text.contains(String(Theme.standard.racerStyle(1).glyph)))
    }
  }
}
