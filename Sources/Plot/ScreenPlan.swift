import OptimKit
import RealModule

/// Where each part of the screen goes for a given size: status line, maps,
/// legend, loss panel and message line.
///
/// Kept apart from the drawing so callers can ask for the map size before
/// drawing (to prepare a heatmap) and can map mouse clicks to the plane.
/// The panels go beside the map or under it, whichever leaves the map with the
/// shape closest to the view's, so square functions get square-looking maps.
public struct ScreenPlan: Hashable, Sendable {
  /// Below this size the screen only asks to be enlarged.
  public static let minimumWidth = 40
  public static let minimumHeight = 12

  public let width: Int
  public let height: Int
  /// Whether the screen is smaller than the minimum (nothing but a notice is drawn).
  public let isTooSmall: Bool
  /// The top row: title, formula, view, step.
  public let status: Region
  /// The bottom row: notices and errors.
  public let message: Region
  /// The whole area given to maps.
  public let mapArea: Region
  /// The maps: one for overlay, one per optimizer for split (all the same size).
  public let maps: [Region]
  /// Split layout: the title row above each map; empty for overlay.
  public let mapTitles: [Region]
  public let legend: Region?
  public let loss: Region?
  /// Whether the panels sit to the right of the map (else below it).
  public let panelsBeside: Bool
  /// The ticks and values around the one map of an overlay layout (taken from
  /// `mapArea`), when the plan was given the view and there is room; else nil.
  public let axes: MapAxes?

  /// Plans a screen of `width` × `height` cells for `racerCount` optimizers and
  /// a view `viewAspect` (= view width / view height) wide; given the `view` itself, an
  /// overlay map gets axes with its values (`axes`).
  public init(
    width: Int, height: Int, layout: PictureLayout, racerCount: Int, viewAspect: Double = 1,
    view: ViewBox? = nil
  ) {
    self.width = max(0, width)
    self.height = max(0, height)
    let aspect = viewAspect.isFinite && viewAspect > 0 ? viewAspect : 1
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
      isTooSmall = true
      status = Region(x: 0, y: 0, width: 0, height: 0)
      message = status
      mapArea = status
      maps = []
      mapTitles = []
      legend = nil
      loss = nil
      panelsBeside = false
      axes = nil
      return
    }
    isTooSmall = false
    status = Region(x: 0, y: 0, width: width, height: 1)
    message = Region(x: 0, y: height - 1, width: width, height: 1)
    let body = Region(x: 0, y: 1, width: width, height: height - 2)
    let count = max(racerCount, 1)
    let beside = Self.besidePlan(body: body, racerCount: count)
    let below = Self.belowPlan(body: body, racerCount: count)
    func mismatch(_ map: Region) -> Double {
      guard map.width > 0, map.height > 0 else { return .infinity }
      return abs(Double.log(Double(map.width) / (2 * Double(map.height)) / aspect))
    }
    let chosen = mismatch(beside.map) <= mismatch(below.map) ? beside : below
    panelsBeside = chosen.map.width < width
    mapArea = chosen.map
    legend = chosen.legend
    loss = chosen.loss
    if layout == .split, racerCount > 1,
      let tiles = Self.tiles(area: chosen.map, count: racerCount, aspect: aspect)
    {
      maps = tiles.maps
      mapTitles = tiles.titles
      axes = nil
    } else if let view, let axes = MapAxes(area: chosen.map, view: view) {
      maps = [axes.map]
      mapTitles = []
      self.axes = axes
    } else {
      maps = [chosen.map]
      mapTitles = []
      axes = nil
    }
  }

  /// The size every map is drawn at (they are all the same), for preparing a heatmap.
  public var mapSize: (width: Int, height: Int) {
    (maps.first?.width ?? 0, maps.first?.height ?? 0)
  }

  private struct Arrangement {
    var map: Region
    var legend: Region?
    var loss: Region?
  }

  /// Panels in a column to the right of the map: the legend on top, the loss chart below.
  private static func besidePlan(body: Region, racerCount: Int) -> Arrangement {
    let panelWidth = min(max(body.width * 34 / 100, 30), 52)
    let mapWidth = body.width - panelWidth - 1
    guard mapWidth >= 20 else {
      return Arrangement(map: Region(x: 0, y: body.y, width: 0, height: 0))
    }
    let panelX = body.x + mapWidth + 1
    let twoLineRows = 2 * racerCount + 1
    let oneLineRows = racerCount + 1
    let legendRows: Int
    if body.height - twoLineRows - 1 >= 6 {
      legendRows = twoLineRows
    } else {
      legendRows = min(oneLineRows, body.height)
    }
    let lossRows = body.height - legendRows - 1
    return Arrangement(
      map: Region(x: body.x, y: body.y, width: mapWidth, height: body.height),
      legend: Region(x: panelX, y: body.y, width: panelWidth, height: legendRows),
      loss: lossRows >= 5
        ? Region(x: panelX, y: body.y + legendRows + 1, width: panelWidth, height: lossRows)
        : nil)
  }

  /// Panels in a strip under the map: the legend on the left, the loss chart on the right.
  private static func belowPlan(body: Region, racerCount: Int) -> Arrangement {
    let stripRows = max(min(racerCount + 1, body.height - 6), 2)
    let mapRows = body.height - stripRows
    let stripY = body.y + mapRows
    let lossWidth = body.width >= 70 ? min(max(body.width * 38 / 100, 24), 60) : 0
    let legendWidth = lossWidth > 0 ? body.width - lossWidth - 1 : body.width
    return Arrangement(
      map: Region(x: body.x, y: body.y, width: body.width, height: mapRows),
      legend: Region(x: body.x, y: stripY, width: legendWidth, height: stripRows),
      loss: lossWidth > 0 && stripRows >= 4
        ? Region(x: body.x + legendWidth + 1, y: stripY, width: lossWidth, height: stripRows)
        : nil)
  }

  /// A grid of equal tiles (a title row above each map) that shows the view largest.
  private static func tiles(area: Region, count: Int, aspect: Double)
    -> (maps: [Region], titles: [Region])?
  {
    var best: (columns: Int, rows: Int, width: Int, height: Int, scale: Double)?
    for columns in 1...count {
      let rows = (count + columns - 1) / columns
      let tileWidth = (area.width - (columns - 1)) / columns
      let tileHeight = (area.height - (rows - 1)) / rows - 1
      guard tileWidth >= 10, tileHeight >= 3 else { continue }
      let scale = min(Double(tileWidth), 2 * Double(tileHeight) * aspect)
      if scale > (best?.scale ?? 0) {
        best = (columns, rows, tileWidth, tileHeight, scale)
      }
    }
    guard let best else { return nil }
    var maps: [Region] = []
    var titles: [Region] = []
    for index in 0..<count {
      let x = area.x + (index % best.columns) * (best.width + 1)
      let y = area.y + (index / best.columns) * (best.height + 2)
      titles.append(Region(x: x, y: y, width: best.width, height: 1))
      maps.append(Region(x: x, y: y + 1, width: best.width, height: best.height))
    }
    return (maps, titles)
  }
}
