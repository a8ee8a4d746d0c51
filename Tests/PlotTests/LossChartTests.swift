import OptimKit
import Testing

@testable import Plot

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loss chart's scales, its range on unbounded functions, its floor and the selected line.
@Suite struct LossChartTests {
  private let view = ViewBox(xMin: -1, xMax: 1, yMin: -1, yMax: 1)

  /// A racer with f = `values` after each step, at `positions` (in view by default).
  private func racer(
    _ values: [Double], style: Int = 0, positions: [Point]? = nil, isSelected: Bool = false
  ) -> RacerDrawing {
    RacerDrawing(
      label: "r\(style)", styleIndex: style,
      trail: positions ?? Array(repeating: Point(x: 0, y: 0), count: values.count),
      value: values.last ?? .nan, lossHistory: values, isSelected: isSelected)
  }

  private func draw(
    _ racers: [RacerDrawing], minimumValue: Double? = 0, scale: LossScale = .log,
    width: Int = 30, height: Int = 10
  ) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    LossPanel(
      racers: racers, minimumValue: minimumValue, scale: scale, view: view,
      theme: SnapshotTheme.theme, usesASCII: false
    ).draw(into: &canvas, area: Region(x: 0, y: 0, width: width, height: height))
    return canvas
  }

  @Test("on a linear scale: round ticks 1-2-5 apart from 0 to the top, f − f* in the title")
  func linearScale() {
    let values = (0...40).map { 100 * exp(-Double($0) / 8) }
    #expect(
      draw([racer(values)], scale: .linear).lines == [
        "f − f* (linear) vs step       ",
        "100┤⢣┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "   │⠈⢆                        ",
        "   │ ⠈⢆                       ",
        "   │  ⠈⢆                      ",
        " 50┤┈┈┈┈⠱⡀┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "   │     ⠑⠤⡀                  ",
        "   │       ⠈⠒⠤⣀⡀              ",
        "  0┤┈┈┈┈┈┈┈┈┈┈┈⠈⠉⠑⠒⠒⠤⠤⠤⠤⠤⢄⣀⣀⣀●",
        "   0     10     20     step 40",
      ])
  }

  @Test(
    "f unknown and unbounded: one optimizer running off the view to −1e200 leaves the range alone")
  func unboundedFunction() {
    // The first converges in view towards 1; the second leaves the view at step 10 and
    // its f falls without bound.
    let converging = (0...30).map { 1 + 10 * pow(10, -Double($0) / 6) }
    let leaving = (0...30).map { $0 < 10 ? 11 - Double($0) : -pow(10, Double($0) * 6.0) }
    let away = (0...30).map { Point(x: $0 < 10 ? 0 : 5 + Double($0), y: 0) }
    let canvas = draw(
      [racer(converging), racer(leaving, style: 1, positions: away)], minimumValue: nil)
    #expect(
      canvas.lines == [
        "f − 1 (shifted log) vs step   ",
        " 1e+01┤⠙⠛⠶⡒⠢⠤⡀┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "      │   ⠈⠉⠒⢌⣇               ",
        "      │       ⡇⠉⠢⠤⣀           ",
        " 1e-02┤┈┈┈┈┈┈┈⡇┈┈┈┈⠑⠒⠤⡀┈┈┈┈┈┈┈",
        "      │       ⢸       ⠈⠉⠒⢄⡀   ",
        " 1e-04┤┈┈┈┈┈┈┈⢸┈┈┈┈┈┈┈┈┈┈┈⠈⠒⢄┈",
        "      │       ⢸              ⢣",
        "≤1e-06┤┈┈┈┈┈┈┈⠈⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉■",
        "      0      10        step 30",
      ])
  }

  @Test("tiny gaps sit on a floor 16 decades under the top, whose label says ≤")
  func floorForTinyValues() {
    let values = (0...20).map { pow(10, 2 - 2 * Double($0)) }
    let lines = draw([racer(values)], height: 8).lines
    #expect(
      lines == [
        "f − f* (log scale) vs step    ",
        " 1e+02┤⠱⡀┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "      │ ⠈⠢⡀                   ",
        "      │   ⠑⡄                  ",
        "      │    ⠈⠢⡀                ",
        "      │      ⠈⢢               ",
        "≤1e-14┤┈┈┈┈┈┈┈┈⠱⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀●",
        "      0     5    10    step 20",
      ])
  }

  @Test("the selected line is drawn last, over the others, which are dimmed")
  func selectedLineOnTop() {
    let flat = Array(repeating: 10.0, count: 11)
    let first = racer(flat, style: 0)
    let second = racer(flat, style: 1, isSelected: true)
    let canvas = draw([second, first], minimumValue: 0)
    let selected = SnapshotTheme.theme.racerStyle(1).color
    let other = SnapshotTheme.theme.racerStyle(0).color
    var selectedCells = 0
    for row in 1..<9 {
      for column in 0..<30 where (0x2800...0x28FF).contains(canvas[column, row].glyph.value) {
        // Both lines lie on the same dots: the selected one shows, undimmed.
        #expect(canvas[column, row].foreground == selected)
        #expect(!canvas[column, row].attributes.contains(.dim))
        selectedCells += 1
      }
    }
    #expect(selectedCells > 10)
    // Unselected, the other one's line is dimmed when alone with a selected one elsewhere.
    let apart = draw([racer(flat.map { $0 * 100 }, style: 0), second])
    let dimmed = (0..<30).flatMap { column in (1..<9).map { apart[column, $0] } }
      .filter { $0.foreground == other && (0x2800...0x28FF).contains($0.glyph.value) }
    #expect(!dimmed.isEmpty && dimmed.allSatisfy { $0.attributes.contains(.dim) })
  }

  @Test(
    "at 8 colours eleven loss lines are eleven looks: colour, and bold where the colour is bright")
  func elevenLinesAtEightColours() {
    // Eleven flat lines a decade apart, so none covers another.
    let racers = (0..<11).map {
      racer(Array(repeating: Double.power(10, Double($0)), count: 20), style: $0)
    }
    let canvas = draw(racers, width: 30, height: 26)
    var looks: [Int: Set<[Int]>] = [:]
    for row in 0..<canvas.height {
      for column in 0..<canvas.width {
        let cell = canvas[column, row]
        guard (0x2801...0x28FF).contains(cell.glyph.value), let color = cell.foreground.index8
        else {
          continue
        }
        let bold = cell.foreground.attributes(cell.attributes, at: .eight).contains(.bold)
        looks[row, default: []].insert([Int(color), bold ? 1 : 0])
      }
    }
    let lines = looks.values.filter { $0.count == 1 }.map { $0.first ?? [] }
    #expect(lines.count == 11, "\(looks)")
    #expect(Set(lines).count == 11, "\(lines)")
  }

  @Test("nice spacings: the smallest 1, 2 or 5 × 10ⁿ at least as large")
  func niceSpacings() {
    #expect(LossPanel.niceSpacing(atLeast: 0.3) == 0.5)
    #expect(LossPanel.niceSpacing(atLeast: 1) == 1)
    #expect(LossPanel.niceSpacing(atLeast: 1.5) == 2)
    #expect(LossPanel.niceSpacing(atLeast: 3333) == 5000)
    #expect(LossPanel.niceSpacing(atLeast: 6e5) == 1e6)
  }
}
