import OptimKit

/// Where the parts of a figure go on a page of `width` × `height` pixels.
///
/// The map keeps the view's aspect ratio (a circle stays round), with axes left and
/// below it; the colour bar and then the legend stand to its right, the title above.
/// Text and line sizes grow with the page (`unit` is 1 on the notebooks' 1000×800).
public struct FigureLayout: Hashable, Sendable {
  /// A rectangle in pixels, origin top-left.
  public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
  }

  public let width: Int
  public let height: Int
  /// The scale of text and lines: 1 on a 1000×800 page.
  public let unit: Double
  public let map: Rect
  public let colorBar: Rect
  public let legend: Rect
  /// How far the title moves down with the map when the page is taller than the map needs.
  public let titleShift: Double

  public init(width: Int, height: Int, view: ViewBox) {
    self.width = width
    self.height = height
    let unit = max(0.35, min(Double(width) / 1000, Double(height) / 800))
    self.unit = unit
    let left = 62 * unit
    let top = 66 * unit
    let bottom = 44 * unit
    let legendWidth = min(230 * unit, Double(width) * 0.3)
    let barWidth = 16 * unit
    let barLabels = 58 * unit
    let gap = 18 * unit
    let availableWidth = max(
      1, Double(width) - left - gap - barWidth - barLabels - gap - legendWidth - 8 * unit)
    let availableHeight = max(1, Double(height) - top - bottom)
    let aspect = view.isValid ? view.width / view.height : 1
    var mapWidth = availableWidth
    var mapHeight = mapWidth / aspect
    if mapHeight > availableHeight {
      mapHeight = availableHeight
      mapWidth = mapHeight * aspect
    }
    // The title, map and axis labels as one block, centred on the page.
    let mapX = left + (availableWidth - mapWidth) / 2
    let mapY = top + (availableHeight - mapHeight) / 2
    titleShift = (mapY - top).rounded()
    map = Rect(
      x: mapX.rounded(), y: mapY.rounded(), width: mapWidth.rounded(),
      height: mapHeight.rounded())
    colorBar = Rect(
      x: (mapX + mapWidth + gap).rounded(), y: map.y, width: barWidth.rounded(), height: map.height)
    let legendX = colorBar.x + barWidth + barLabels + gap
    legend = Rect(
      x: legendX, y: map.y, width: max(0, Double(width) - legendX - 8 * unit), height: map.height)
  }

  /// A page that is all map (a terminal's map region): no axes, colour bar, legend or
  /// title; `unit` scales lines and markers.
  public init(mapFilling width: Int, height: Int, unit: Double = 1) {
    self.width = width
    self.height = height
    self.unit = unit
    map = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
    colorBar = Rect(x: Double(width), y: 0, width: 0, height: 0)
    legend = Rect(x: Double(width), y: 0, width: 0, height: 0)
    titleShift = 0
  }

  /// The pixel x of a plane x.
  public func pixelX(_ x: Double, view: ViewBox) -> Double {
    map.x + (x - view.xMin) / view.width * map.width
  }

  /// The pixel y of a plane y (y grows upwards in the plane, downwards on the page).
  public func pixelY(_ y: Double, view: ViewBox) -> Double {
    map.y + (view.yMax - y) / view.height * map.height
  }
}
