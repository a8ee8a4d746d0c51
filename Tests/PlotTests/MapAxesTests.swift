import OptimKit
import Testing

@testable import Plot

@Suite struct MapAxesTests {
  /// The axes alone, drawn on a blank canvas of the area's size.
  private func drawn(_ view: ViewBox, width: Int, height: Int, ascii: Bool = false) -> Canvas {
    let area = Region(x: 0, y: 0, width: width, height: height)
    var canvas = Canvas(width: width, height: height)
    MapAxes(area: area, view: view)?.draw(
      into: &canvas, theme: SnapshotTheme.theme, usesASCII: ascii)
    return canvas
  }

  @Test func roundValuesAlongTheLeftAndBottomEdges() throws {
    let canvas = drawn(ViewBox(xMin: -2, xMax: 2, yMin: -1, yMax: 3), width: 32, height: 13)
    expectCanvas(
      canvas,
      equals: """
         3┤                             
          │                             
          │                             
         2┤                             
          │                             
          │                             
         1┤                             
          │                             
          │                             
         0┤                             
          │                             
        -1┤                             
          └-2    -1      0      1      2
        """)
    let axes = try #require(
      MapAxes(
        area: Region(x: 0, y: 0, width: 32, height: 13),
        view: ViewBox(xMin: -2, xMax: 2, yMin: -1, yMax: 3)))
    #expect(axes.map == Region(x: 3, y: 0, width: 29, height: 12))
  }

  @Test func asciiTicks() {
    let canvas = drawn(
      ViewBox(xMin: 0, xMax: 100, yMin: 0, yMax: 0.5), width: 34, height: 10, ascii: true)
    expectCanvas(
      canvas,
      equals: """
           |                              
        0.4+                              
           |                              
           |                              
           |                              
        0.2+                              
           |                              
           |                              
          0+                              
           +0     20    40    60    80 100
        """)
  }

  /// Whatever the view, the values are multiples of one round step, in order, inside
  /// the map, and never run into each other.
  @Test(arguments: [
    ViewBox(xMin: -7, xMax: 7, yMin: -7, yMax: 7),
    ViewBox(xMin: 0, xMax: 1e-3, yMin: -5e4, yMax: 5e4),
    ViewBox(xMin: -1234.5, xMax: 987, yMin: 0.1, yMax: 0.1004),
    ViewBox(xMin: 1e6, xMax: 1e6 + 3, yMin: -3, yMax: -2.5),
  ])
  func valuesFitWhateverTheView(view: ViewBox) throws {
    for (width, height) in [(46, 21), (140, 57), (30, 10)] {
      // A narrow map leaves no room beside values as long as 0.1004's.
      guard let axes = MapAxes(area: Region(x: 0, y: 0, width: width, height: height), view: view)
      else {
        #expect(width == 30)
        continue
      }
      #expect(axes.xTicks.count >= 2)
      #expect(axes.yTicks.count >= 2)
      #expect(Set(axes.xTicks.map(\.label)).count == axes.xTicks.count)
      #expect(Set(axes.yTicks.map(\.label)).count == axes.yTicks.count)
      let rows = axes.yTicks.map(\.position).sorted()
      #expect(zip(rows, rows.dropFirst()).allSatisfy { $1 - $0 >= MapAxes.rowSpacing - 1 })
      let canvas = drawn(view, width: width, height: height)
      // Every x value is written whole, apart from the others, under the map.
      let bottom = String(canvas.lines[height - 1].dropFirst(axes.map.x))
      #expect(bottom.split(separator: " ").map(String.init) == axes.xTicks.map(\.label))
      #expect(canvas.lines.allSatisfy { $0.count == width })
    }
  }

  @Test func tooSmallAMapHasNoAxes() {
    #expect(
      MapAxes(
        area: Region(x: 0, y: 0, width: 25, height: 20),
        view: ViewBox(xMin: 0, xMax: 1, yMin: 0, yMax: 1)) == nil)
    #expect(
      MapAxes(
        area: Region(x: 0, y: 0, width: 60, height: 8),
        view: ViewBox(xMin: 0, xMax: 1, yMin: 0, yMax: 1)) == nil)
  }

  @Test func anOverlayPlanGivesTheMapItsAxesAndSplitTilesNone() {
    let view = ViewBox(xMin: -2, xMax: 2, yMin: -1, yMax: 3)
    let overlay = ScreenPlan(
      width: 80, height: 24, layout: .overlay, racerCount: 8, viewAspect: 1, view: view)
    #expect(overlay.mapArea == Region(x: 0, y: 1, width: 49, height: 22))
    #expect(overlay.maps == [Region(x: 3, y: 1, width: 46, height: 21)])
    #expect(overlay.axes?.xRow == Region(x: 0, y: 22, width: 49, height: 1))
    let split = ScreenPlan(
      width: 80, height: 24, layout: .split, racerCount: 4, viewAspect: 1, view: view)
    #expect(split.axes == nil)
  }
}
