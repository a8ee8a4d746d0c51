import OptimKit
import RealModule

/// Draws one map: the heatmap, the optimizers' trails, the markers and the
/// optimizers' current positions (or arrows at the border for those out of view).
///
/// Layers are painted from the back: heatmap fill and contours, trails,
/// start and minimum markers, then positions and arrows, so the most
/// important thing in a cell is the one that shows.
struct MapPainter {
  var projection: MapProjection
  var theme: Theme
  var usesASCII: Bool

  /// Paints the map; `racers` pairs each optimizer with its index in the picture.
  ///
  /// With `basins`, each computed cell's background is tinted by the minimum
  /// reached from it and the minima are numbered instead of marked; `arrows`
  /// (the inspector's) go over the trails, under the optimizers' glyphs.
  ///
  /// `trails` is the trails as drawn for an earlier frame of this map, to be
  /// continued rather than drawn again; without it they are drawn afresh.
  func paint(
    into canvas: inout Canvas, heatmap: Heatmap?, racers: [(index: Int, racer: RacerDrawing)],
    start: Point?, minima: [Point], basins: BasinDrawing? = nil, arrows: [MapArrow] = [],
    trails: TrailLayer? = nil, curve: CurveDrawing? = nil
  ) {
    let region = projection.region
    if let heatmap {
      canvas.paste(heatmap.cells, x: region.x, y: region.y)
    } else {
      for row in 0..<region.height {
        for column in 0..<region.width { canvas[region.x + column, region.y + row] = .blank }
      }
    }
    // One variable: the curve f(x) where the heatmap would be (see `CurvePainter`).
    if let curve {
      CurvePainter(projection: projection, theme: theme, usesASCII: usesASCII)
        .paint(curve, into: &canvas)
    }
    if let basins { tint(&canvas, with: basins) }
    let ordered = Self.drawingOrder(racers)
    // Shadows are worked out from the bands (or basin tints) before anything covers them.
    var shadows =
      basins == nil && heatmap != nil
      ? Shadows(theme: theme, bands: heatmap?.cells ?? canvas, region: region, origin: (0, 0))
      : Shadows(theme: theme, bands: canvas, region: region, origin: (region.x, region.y))
    paintTrails(into: &canvas, racers: ordered, layer: trails)
    if let heatmap, basins == nil {
      paintLabels(
        of: heatmap, into: &canvas,
        avoiding: [start].compactMap { $0 } + minima
          + ordered.compactMap {
            $0.racer.status == .diverged ? $0.racer.lastFinitePosition : $0.racer.position
          })
    }
    for (index, minimum) in minima.enumerated() {
      if basins != nil, index < 9 {
        let digit = Character(String(index + 1))
        mark(
          minimum,
          style: MarkerStyle(
            glyph: digit, asciiGlyph: digit, color: theme.heading, attributes: [.bold]),
          into: &canvas, shadows: &shadows)
      } else {
        mark(minimum, style: theme.minimum, into: &canvas, shadows: &shadows)
      }
    }
    if let start { mark(start, style: theme.start, into: &canvas, shadows: &shadows) }
    for arrow in arrows { paint(arrow, into: &canvas) }
    for (_, racer) in ordered { paintPosition(of: racer, into: &canvas, shadows: &shadows) }
  }

  /// The racers a map shows, in the order they are drawn: the visible ones, the
  /// selected one last, so that its trail stays on top.
  static func drawingOrder(_ racers: [(index: Int, racer: RacerDrawing)]) -> [(
    index: Int, racer: RacerDrawing
  )] {
    let visible = racers.filter { $0.racer.isVisible }
    return visible.filter { !$0.racer.isSelected } + visible.filter { $0.racer.isSelected }
  }

  /// The background under anything drawn on the map: the theme's shadow of
  /// the band (or basin) colour there, worked out once per colour, or that
  /// colour itself.
  struct Shadows {
    let theme: Theme
    let region: Region
    /// The map's backgrounds (bands and tints) before trails and markers cover them:
    /// the heatmap's own cells, or a copy of the canvas taken before painting.
    private let bands: Canvas
    /// Where the map's top-left cell is in `bands`.
    private let origin: (x: Int, y: Int)
    private var known: [Color: Color] = [:]
    /// The last band looked up and its shadow: neighbouring cells mostly share a band.
    private var lastBand: Color?
    private var lastShadow = Color.terminalDefault

    /// Shadows over the backgrounds in `bands`, whose cell `origin` is the map's top-left.
    ///
    /// Keeps `bands` as it is (a canvas shares its cells until written), so
    /// a frame that draws over the heatmap copies nothing to remember it.
    init(theme: Theme, bands: Canvas, region: Region, origin: (x: Int, y: Int)) {
      self.theme = theme
      self.region = region
      self.bands = bands
      self.origin = origin
    }

    /// The background for the canvas cell (x, y) of the map.
    mutating func background(x: Int, y: Int) -> Color {
      let column = x - region.x
      let row = y - region.y
      guard column >= 0, row >= 0, column < region.width, row < region.height else {
        return .terminalDefault
      }
      let band = bands[origin.x + column, origin.y + row].background
      if band.isTerminalDefault || theme.shadow == .none { return band }
      if band == lastBand { return lastShadow }
      let shadow = known[band] ?? theme.shadow.color(over: band) ?? band
      known[band] = shadow
      lastBand = band
      lastShadow = shadow
      return shadow
    }
  }

  /// Tints every computed cell's background with its basin's colour; a half-block
  /// cell (`▀`, two samples) takes the tint in front too, so the cell is one colour,
  /// and a contour line's dots a lighter shade of the tint.
  private func tint(_ canvas: inout Canvas, with basins: BasinDrawing) {
    let region = projection.region
    let tints = BasinDrawing.tints + [BasinDrawing.noneTint, BasinDrawing.divergedTint]
    var lineShades: [Color: Color] = [:]
    for tint in tints {
      lineShades[tint] =
        theme.contourColor.color(over: tint)
        ?? DerivedColor.lighter(
          DerivedColor.defaultStep
        ).color(over: tint)
    }
    for row in 0..<region.height {
      for column in 0..<region.width {
        guard
          let outcome = basins.outcome(
            column: column, row: row, width: region.width, height: region.height)
        else { continue }
        let background: Color
        switch outcome {
        case .minimum(let index): background = BasinDrawing.tint(minimum: index)
        case .none: background = BasinDrawing.noneTint
        case .diverged: background = BasinDrawing.divergedTint
        }
        let x = region.x + column
        let y = region.y + row
        canvas[x, y].background = background
        if BlockCells.isBlock(canvas[x, y].glyph) {
          canvas[x, y].foreground = background
        } else if (0x2800...0x28FF).contains(canvas[x, y].glyph.value) {
          // A contour line's dots, in a quiet shade of the tint: the levels stay
          // visible without being taken for a trail.
          canvas[x, y].foreground = lineShades[background] ?? background
        }
      }
    }
  }

  /// Draws an arrow as a braille line with an arrowhead at its end.
  private func paint(_ arrow: MapArrow, into canvas: inout Canvas) {
    let region = projection.region
    guard let end = arrow.end(on: projection) else { return }
    let start = projection.dotPosition(of: arrow.origin)
    var grid = BrailleGrid(width: region.width, height: region.height)
    grid.drawSegment(from: start, to: end, owner: 0)
    grid.forEachDrawnCell(usesASCII: usesASCII) { column, row, glyph, _ in
      let x = region.x + column
      let y = region.y + row
      canvas[x, y] = Cell(
        glyph: glyph, foreground: arrow.color, background: canvas[x, y].background,
        attributes: [.bold])
    }
    guard end.x >= 0, end.y >= 0, end.x < Double(region.width * 2),
      end.y < Double(region.height * 4)
    else { return }
    let column = Int((end.x / 2).rounded(.down))
    let row = Int((end.y / 4).rounded(.down))
    let x = region.x + column
    let y = region.y + row
    canvas[x, y] = Cell(
      self.arrow(dx: end.x - start.x, dy: start.y - end.y), foreground: arrow.color,
      background: canvas[x, y].background, attributes: [.bold])
  }

  /// Draws the trails' braille dots in their colours over the map's own colour,
  /// the selected trail last (`racers` is in drawing order) and the others dimmed; under
  /// them, dimmed, the second trails (ASGD's averaged point).
  private func paintTrails(
    into canvas: inout Canvas, racers: [(index: Int, racer: RacerDrawing)], layer: TrailLayer?
  ) {
    let region = projection.region
    let colors = racers.map { theme.racerStyle($0.racer.styleIndex).color }
    // With one optimizer selected (Tab), the others' trails are dimmed.
    let anySelected = racers.contains { $0.racer.isSelected }
    let attributes = racers.map { entry in
      anySelected && !entry.racer.isSelected
        ? theme.trailAttributes.union(.dim) : theme.trailAttributes
    }
    // Second trails (ASGD's averaged point) first, dimmed, so the trails proper cover them.
    let averaged = racers.filter { !$0.racer.averagedTrail.isEmpty }.map { entry in
      var drawing = entry.racer
      drawing.trail = drawing.averagedTrail
      drawing.trailAppendedCount = drawing.trail.count
      return drawing
    }
    if !averaged.isEmpty {
      var second = TrailLayer()
      second.update(racers: averaged, projection: projection)
      let averagedColors = averaged.map { theme.racerStyle($0.styleIndex).color }
      second.forEachDrawnCell(usesASCII: usesASCII) { column, row, glyph, rank in
        let x = region.x + column
        let y = region.y + row
        canvas[x, y] = Cell(
          glyph: glyph, foreground: averagedColors[rank],
          background: canvas[x, y].background.distinct(from: averagedColors[rank]),
          attributes: theme.trailAttributes.union(.dim))
      }
    }
    var layer = layer ?? TrailLayer()
    layer.update(racers: racers.map(\.racer), projection: projection)
    // Over the map's own colour (no shadow): the map stays visible under the race.
    // The dots read once, not through the layer for every cell.
    let dots = layer.grid
    dots.forEachDrawnCell(usesASCII: usesASCII) { column, row, glyph, rank in
      let x = region.x + column
      let y = region.y + row
      // Where trails share a cell, it goes to one of them by turns, so that a trail
      // followed by another (NAdam's and Momentum's in Rosenbrock's valley) shows in both
      // colours rather than only in the last one's; a selected trail keeps its cells.
      let owner =
        anySelected
        ? rank
        : Self.sharedOwner(dots.ownerSet(column: column, row: row), column: column, row: row)
          ?? rank
      canvas[x, y] = Cell(
        glyph: glyph, foreground: colors[owner],
        background: canvas[x, y].background.distinct(from: colors[owner]),
        attributes: attributes[owner])
    }
  }

  /// Which of the trails in `owners` (bit k for rank k) a shared cell shows: one picked by
  /// a hash of the cell, so that along a shared stretch, in whatever direction it runs,
  /// each trail gets about an equal share of the cells; nil for a cell with one trail.
  static func sharedOwner(_ owners: UInt64, column: Int, row: Int) -> Int? {
    let count = owners.nonzeroBitCount
    guard count > 1 else { return nil }
    var hash = UInt32(truncatingIfNeeded: column) &* 0x9E37_79B1
    hash ^= UInt32(truncatingIfNeeded: row) &* 0x85EB_CA77
    hash ^= hash >> 15
    hash = hash &* 0x2C1B_3C6D
    hash ^= hash >> 12
    var pick = Int(hash % UInt32(count))
    var remaining = owners
    while pick > 0 {
      remaining &= remaining - 1
      pick -= 1
    }
    return remaining.trailingZeroBitCount
  }

  /// Writes the colour bar's values beside it, in the text colour on the shadow
  /// of the map, and the heatmap's contour labels on their lines, each in its
  /// line's colour, except those a trail has drawn over (a cell no longer the
  /// heatmap's own) or a marker or optimizer will sit on: a label never hides
  /// them, and is never left half written.
  private func paintLabels(of heatmap: Heatmap, into canvas: inout Canvas, avoiding points: [Point])
  {
    guard !heatmap.labels.isEmpty || !heatmap.colorBarLabels.isEmpty else { return }
    let region = projection.region
    let taken = points.compactMap { projection.cell(of: $0) }
    let bar = heatmap.colorBarLabels.map { (label: $0, color: theme.text, onShadow: true) }
    let lines = heatmap.labels.map { (label: $0.label, color: $0.color, onShadow: false) }
    for (label, color, onShadow) in bar + lines {
      let y = region.y + label.row
      let isClear = label.cells.allSatisfy { column in
        column < region.width && canvas[region.x + column, y] == heatmap.cells[column, label.row]
          && !taken.contains { $0.column == region.x + column && $0.row == y }
      }
      guard isClear else { continue }
      for (offset, character) in label.text.enumerated() {
        let x = region.x + label.column + offset
        let under = canvas[x, y].background
        canvas[x, y] = Cell(
          character, foreground: color,
          background: onShadow ? theme.shadow.color(over: under) ?? under : under)
      }
    }
  }

  private func mark(
    _ point: Point, style: MarkerStyle, into canvas: inout Canvas, shadows: inout Shadows
  ) {
    guard let cell = projection.cell(of: point) else { return }
    canvas[cell.column, cell.row] = Cell(
      usesASCII ? style.asciiGlyph : style.glyph, foreground: style.color,
      background: shadows.background(x: cell.column, y: cell.row).distinct(from: style.color),
      attributes: style.attributes)
  }

  private func paintPosition(
    of racer: RacerDrawing, into canvas: inout Canvas, shadows: inout Shadows
  ) {
    let style = theme.racerStyle(racer.styleIndex)
    let shown = racer.status == .diverged ? racer.lastFinitePosition : racer.position
    guard let shown else { return }
    let glyph: Character
    let cell: (column: Int, row: Int)
    if let inside = projection.cell(of: shown) {
      glyph = usesASCII ? style.asciiGlyph : style.glyph
      cell = inside
    } else if let border = borderCell(toward: shown) {
      glyph = border.arrow
      cell = (border.column, border.row)
    } else {
      return
    }
    canvas[cell.column, cell.row] = Cell(
      glyph, foreground: style.color,
      background: shadows.background(x: cell.column, y: cell.row).distinct(from: style.color),
      attributes: theme.currentAttributes)
  }

  /// The border cell where a ray from the map's centre toward `point` leaves the
  /// map, and the arrow that points that way.
  func borderCell(toward point: Point) -> (column: Int, row: Int, arrow: Character)? {
    let region = projection.region
    guard region.width > 0, region.height > 0, !point.x.isNaN, !point.y.isNaN else { return nil }
    let dot = projection.dotPosition(of: point)
    let limit = 1e12
    // Dots are square on screen: 2 per cell across, 4 per (twice as tall) cell down.
    let dx = min(max(dot.x, -limit), limit) - Double(region.width)
    let dy = min(max(dot.y, -limit), limit) - Double(region.height * 2)
    guard dx != 0 || dy != 0 else { return nil }
    let halfWidth = Double(region.width) / 2 - 0.5
    let halfHeight = Double(region.height) / 2 - 0.5
    let cellX = dx / 2
    let cellY = dy / 4
    let scale = min(
      cellX == 0 ? .infinity : halfWidth / abs(cellX),
      cellY == 0 ? .infinity : halfHeight / abs(cellY))
    let column = Int((Double(region.width) / 2 + scale * cellX).rounded(.down))
    let row = Int((Double(region.height) / 2 + scale * cellY).rounded(.down))
    return (
      region.x + min(max(column, 0), region.width - 1),
      region.y + min(max(row, 0), region.height - 1),
      arrow(dx: dx, dy: -dy)
    )
  }

  /// The arrow for a direction (dx to the right, dy upwards) in eight sectors.
  func arrow(dx: Double, dy: Double) -> Character {
    let arrows: [Character] =
      usesASCII
      ? [">", "/", "^", "\\", "<", "/", "v", "\\"] : ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
    let angle = Double.atan2(y: dy, x: dx)
    let sector = Int((angle / (Double.pi / 4)).rounded()) & 7
    return arrows[sector]
  }
}
