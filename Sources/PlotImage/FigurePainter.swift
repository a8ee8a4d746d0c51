import CCairo
import OptimKit
import Plot
import RealModule

/// Draws a `Figure` over its `FigureField` with cairo, anti-aliased, on any cairo surface.
///
/// Split in two so that an animation draws the unchanging part once: the backdrop
/// (page, title, heatmap, contour lines, axes, colour bar, minima) and the overlay
/// (trails, start and end markers, legend, step count).
struct FigurePainter {
  let figure: Figure
  let field: FigureField
  let layout: FigureLayout

  /// The text face: DejaVu Sans, which Debian installs with fontconfig.
  static let face = "DejaVu Sans"

  func paint(_ context: OpaquePointer) {
    paintBackdrop(context)
    paintOverlay(context)
  }

  // MARK: Backdrop

  func paintBackdrop(_ context: OpaquePointer) {
    setColor(context, figure.background)
    cairo_paint(context)
    paintHeatmap(context)
    paintContours(context)
    paintAxes(context)
    paintColorBar(context)
    paintTitle(context)
    for minimum in figure.minima where minimum.isFinite && figure.view.contains(minimum) {
      paintStar(context, at: point(minimum), radius: 9 * layout.unit)
    }
  }

  /// The filled bands: one pixel per sample, each in its band's colour.
  private func paintHeatmap(_ context: OpaquePointer) {
    guard field.columns > 0, field.rows > 0,
      let image = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, Int32(field.columns), Int32(field.rows))
    else { return }
    defer { cairo_surface_destroy(image) }
    cairo_surface_flush(image)
    guard let data = cairo_image_surface_get_data(image) else { return }
    let stride = Int(cairo_image_surface_get_stride(image))
    let undefined = Self.pixel(RGB(xterm: 234))
    let bandColors = (0..<field.levels.bandCount).map {
      Self.pixel(figure.scale.color(shade: field.levels.shade(ofBand: $0)))
    }
    data.withMemoryRebound(to: UInt8.self, capacity: stride * field.rows) { bytes in
      for row in 0..<field.rows {
        let line = UnsafeMutableRawPointer(bytes + row * stride).assumingMemoryBound(
          to: UInt32.self)
        for column in 0..<field.columns {
          let band = field.bands[row * field.columns + column]
          line[column] = band.map { bandColors[min($0, bandColors.count - 1)] } ?? undefined
        }
      }
    }
    cairo_surface_mark_dirty(image)
    cairo_save(context)
    cairo_rectangle(context, layout.map.x, layout.map.y, layout.map.width, layout.map.height)
    cairo_clip(context)
    cairo_translate(context, layout.map.x, layout.map.y)
    cairo_scale(
      context, layout.map.width / Double(field.columns), layout.map.height / Double(field.rows))
    cairo_set_source_surface(context, image, 0, 0)
    cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
    cairo_paint(context)
    cairo_restore(context)
  }

  /// The contour lines at every level, thin and dark as in the notebooks' `ax.contour`.
  private func paintContours(_ context: OpaquePointer) {
    let scaleX = layout.map.width / Double(max(field.columns, 1))
    let scaleY = layout.map.height / Double(max(field.rows, 1))
    cairo_save(context)
    cairo_rectangle(context, layout.map.x, layout.map.y, layout.map.width, layout.map.height)
    cairo_clip(context)
    cairo_set_line_width(context, 0.8 * layout.unit)
    cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
    cairo_set_source_rgba(context, 0, 0, 0, 0.5)
    for segments in field.contours where !segments.isEmpty {
      cairo_new_path(context)
      var index = 0
      while index + 3 < segments.count {
        cairo_move_to(
          context, layout.map.x + segments[index] * scaleX,
          layout.map.y + segments[index + 1] * scaleY)
        cairo_line_to(
          context, layout.map.x + segments[index + 2] * scaleX,
          layout.map.y + segments[index + 3] * scaleY)
        index += 4
      }
      cairo_stroke(context)
    }
    cairo_restore(context)
  }

  /// The frame around the map, ticks at round values and their labels.
  private func paintAxes(_ context: OpaquePointer) {
    let map = layout.map
    let unit = layout.unit
    setColor(context, figure.dimText)
    cairo_set_line_width(context, 1 * unit)
    cairo_rectangle(context, map.x - 0.5, map.y - 0.5, map.width + 1, map.height + 1)
    cairo_stroke(context)
    let tick = 5 * unit
    let size = 12 * unit
    let view = figure.view
    for value in Self.ticks(view.xMin, view.xMax, count: max(2, Int(map.width / (90 * unit)))) {
      let x = layout.pixelX(value, view: view)
      setColor(context, figure.dimText)
      line(context, x, map.y + map.height, x, map.y + map.height + tick)
      text(
        context, Self.tickLabel(value), x: x, y: map.y + map.height + tick + size + 2 * unit,
        size: size, color: figure.text, anchor: 0.5)
    }
    for value in Self.ticks(view.yMin, view.yMax, count: max(2, Int(map.height / (70 * unit)))) {
      let y = layout.pixelY(value, view: view)
      setColor(context, figure.dimText)
      line(context, map.x - tick, y, map.x, y)
      text(
        context, Self.tickLabel(value), x: map.x - tick - 4 * unit, y: y + size * 0.35,
        size: size, color: figure.text, anchor: 1)
    }
    text(
      context, "x", x: map.x + map.width / 2, y: map.y + map.height + 38 * unit, size: size,
      color: figure.dimText, anchor: 0.5)
    text(
      context, "y", x: map.x - 48 * unit, y: map.y + map.height / 2, size: size,
      color: figure.dimText,
      anchor: 0.5)
  }

  /// The colour bar: one equal slice per band, low f at the bottom, every few levels labelled.
  private func paintColorBar(_ context: OpaquePointer) {
    let bar = layout.colorBar
    let levels = field.levels
    let bands = levels.bandCount
    guard bands > 0, bar.height > 0 else { return }
    let slice = bar.height / Double(bands)
    for band in 0..<bands {
      setColor(context, figure.scale.color(shade: levels.shade(ofBand: band)))
      cairo_rectangle(
        context, bar.x, bar.y + bar.height - Double(band + 1) * slice, bar.width, slice + 0.5)
      cairo_fill(context)
    }
    setColor(context, figure.dimText)
    cairo_set_line_width(context, 1 * layout.unit)
    cairo_rectangle(context, bar.x - 0.5, bar.y - 0.5, bar.width + 1, bar.height + 1)
    cairo_stroke(context)
    let size = 11 * layout.unit
    let every = max(
      1, Int((Double(levels.values.count) * 16 * layout.unit / bar.height).rounded(.up)))
    for (index, value) in levels.values.enumerated() where index % every == 0 {
      let y = bar.y + bar.height - Double(index + 1) * slice
      setColor(context, figure.dimText)
      line(context, bar.x + bar.width, y, bar.x + bar.width + 4 * layout.unit, y)
      text(
        context, NumberFormat.scientific(value), x: bar.x + bar.width + 7 * layout.unit,
        y: y + size * 0.35, size: size, color: figure.text, anchor: 0)
    }
    let note = levels.isShifted ? "f (shifted log)" : "f (log)"
    text(
      context, note, x: bar.x + bar.width / 2, y: bar.y - 8 * layout.unit, size: size,
      color: figure.dimText, anchor: 0.5)
  }

  private func paintTitle(_ context: OpaquePointer) {
    let unit = layout.unit
    let shift = layout.titleShift
    text(
      context, figure.title, x: layout.map.x, y: 28 * unit + shift, size: 20 * unit,
      color: figure.text,
      anchor: 0, bold: true)
    text(
      context,
      Self.fitted(
        context, figure.formula, width: Double(layout.width) - layout.map.x - 140 * unit,
        size: 13 * unit),
      x: layout.map.x, y: 50 * unit + shift, size: 13 * unit, color: figure.dimText, anchor: 0)
  }

  /// The backdrop of a map alone (a terminal's map region): page, heatmap, contours and
  /// minima, without the axes, colour bar and title around them.
  func paintMapBackdrop(_ context: OpaquePointer) {
    setColor(context, figure.background)
    cairo_paint(context)
    paintHeatmap(context)
    paintContours(context)
    for minimum in figure.minima where minimum.isFinite && figure.view.contains(minimum) {
      paintStar(context, at: point(minimum), radius: 9 * layout.unit)
    }
  }

  // MARK: Overlay

  func paintOverlay(_ context: OpaquePointer) {
    paintMarks(context)
    paintLegend(context)
  }

  /// What moves on the map: the trails, the start marker and where each optimizer is.
  func paintMarks(_ context: OpaquePointer) {
    let unit = layout.unit
    cairo_save(context)
    cairo_rectangle(context, layout.map.x, layout.map.y, layout.map.width, layout.map.height)
    cairo_clip(context)
    // The picture's racers, read as the cell renderer reads them; each in its colour.
    let racers = figure.picture.racers
    for (index, racer) in racers.enumerated() where racer.isVisible && !racer.averagedTrail.isEmpty
    {
      paintAveragedTrail(context, racer.averagedTrail, color: figure.color(ofRacer: index))
    }
    for (index, racer) in racers.enumerated() where racer.isVisible {
      paintTrail(context, racer.trail, color: figure.color(ofRacer: index))
    }
    if let start = figure.start, start.isFinite {
      let centre = point(start)
      cairo_set_line_width(context, 3.5 * unit)
      cairo_set_source_rgba(context, 0, 0, 0, 0.6)
      cairo_arc(context, centre.x, centre.y, 6 * unit, 0, 2 * Double.pi)
      cairo_stroke(context)
      cairo_set_line_width(context, 1.8 * unit)
      setColor(context, figure.startColor)
      cairo_arc(context, centre.x, centre.y, 6 * unit, 0, 2 * Double.pi)
      cairo_stroke(context)
    }
    for (index, racer) in racers.enumerated() where racer.isVisible {
      paintEnd(context, racer, color: figure.color(ofRacer: index))
    }
    cairo_restore(context)
  }

  /// A trail: the path with a dark edge under it so it shows on light and dark bands,
  /// and a small dot at every step while the dots stay apart.
  private func paintTrail(_ context: OpaquePointer, _ trail: [Point], color: RGB) {
    let unit = layout.unit
    let points = trail.map { $0.isFinite ? point($0) : nil }
    func path() {
      cairo_new_path(context)
      var drawing = false
      for position in points {
        guard let position else {
          drawing = false
          continue
        }
        if drawing {
          cairo_line_to(context, position.x, position.y)
        } else {
          cairo_move_to(context, position.x, position.y)
          drawing = true
        }
      }
    }
    cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
    path()
    cairo_set_source_rgba(context, 0, 0, 0, 0.55)
    cairo_set_line_width(context, 4 * unit)
    cairo_stroke(context)
    path()
    setColor(context, color)
    cairo_set_line_width(context, 2 * unit)
    cairo_stroke(context)
    if points.count <= 400 {
      for position in points.dropLast() {
        guard let position else { continue }
        cairo_new_path(context)
        cairo_arc(context, position.x, position.y, 2 * unit, 0, 2 * Double.pi)
        cairo_fill(context)
      }
    }
  }

  /// A second trail (ASGD's averaged point): a thin, half-transparent path in the trail's colour.
  private func paintAveragedTrail(_ context: OpaquePointer, _ points: [Point], color: RGB) {
    cairo_new_path(context)
    var drawing = false
    for position in points {
      guard position.isFinite else {
        drawing = false
        continue
      }
      let p = point(position)
      if drawing { cairo_line_to(context, p.x, p.y) } else { cairo_move_to(context, p.x, p.y) }
      drawing = true
    }
    cairo_set_source_rgba(context, color.red, color.green, color.blue, 0.45)
    cairo_set_line_width(context, 1.2 * layout.unit)
    cairo_stroke(context)
  }

  /// Where an optimizer is now: a disc in its colour; a cross where a diverged one was last seen.
  private func paintEnd(_ context: OpaquePointer, _ racer: RacerDrawing, color: RGB) {
    let unit = layout.unit
    guard let last = racer.lastFinitePosition else { return }
    let centre = point(last)
    if racer.status == .diverged {
      let arm = 6 * unit
      for (width, dark) in [(4.5 * unit, true), (2.2 * unit, false)] {
        cairo_set_line_width(context, width)
        if dark {
          cairo_set_source_rgba(context, 0, 0, 0, 0.7)
        } else {
          setColor(context, color)
        }
        line(context, centre.x - arm, centre.y - arm, centre.x + arm, centre.y + arm)
        line(context, centre.x - arm, centre.y + arm, centre.x + arm, centre.y - arm)
      }
      return
    }
    cairo_new_path(context)
    cairo_arc(context, centre.x, centre.y, 5.5 * unit, 0, 2 * Double.pi)
    setColor(context, color)
    cairo_fill_preserve(context)
    cairo_set_source_rgba(context, 0, 0, 0, 0.8)
    cairo_set_line_width(context, 1.4 * unit)
    cairo_stroke(context)
  }

  /// The legend: per optimizer a line sample, its name and final f, and its hyper-parameters.
  private func paintLegend(_ context: OpaquePointer) {
    let area = layout.legend
    let unit = layout.unit
    guard area.width > 40 * unit else { return }
    let rowHeight = 44 * unit
    let sample = 26 * unit
    let textX = area.x + sample + 8 * unit
    let textWidth = area.x + area.width - textX
    text(
      context, "step \(figure.step)", x: area.x, y: area.y + 12 * unit, size: 14 * unit,
      color: figure.text, anchor: 0, bold: true)
    let rows = area.y + 30 * unit
    for (index, racer) in figure.picture.racers.enumerated() {
      let color = figure.color(ofRacer: index)
      let top = rows + Double(index) * rowHeight
      guard top + rowHeight <= area.y + area.height + 1 else { break }
      let middle = top + 9 * unit
      let alpha = racer.isVisible ? 1.0 : 0.35
      cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
      cairo_set_line_width(context, 2.5 * unit)
      cairo_set_source_rgba(context, color.red, color.green, color.blue, alpha)
      line(context, area.x, middle, area.x + sample, middle)
      cairo_new_path(context)
      cairo_arc(context, area.x + sample, middle, 4.5 * unit, 0, 2 * Double.pi)
      cairo_fill(context)
      let value =
        racer.status == .diverged ? "diverged" : "f " + NumberFormat.scientific(racer.value)
      let valueSize = 12 * unit
      let valueWidth = measure(context, value, size: valueSize)
      let labelSize = 14 * unit
      let label = Self.fitted(
        context, racer.label, width: textWidth - valueWidth - 8 * unit, size: labelSize, bold: true)
      text(
        context, label, x: textX, y: middle + labelSize * 0.35, size: labelSize,
        color: racer.isVisible ? color : figure.dimText, anchor: 0, bold: true)
      text(
        context, value, x: area.x + area.width, y: middle + labelSize * 0.35, size: valueSize,
        color: racer.status == .diverged ? RGB(xterm: 214) : figure.text, anchor: 1)
      if !racer.hyperparameterSummary.isEmpty {
        text(
          context,
          Self.fitted(context, racer.hyperparameterSummary, width: textWidth, size: valueSize),
          x: textX, y: middle + 19 * unit, size: valueSize, color: figure.dimText, anchor: 0)
      }
    }
  }

  // MARK: Helpers

  private func point(_ plane: Point) -> (x: Double, y: Double) {
    // Far-off points (a diverging run) are pulled in so cairo's fixed-point paths stay exact.
    let limit = 1e5
    return (
      min(max(layout.pixelX(plane.x, view: figure.view), -limit), limit),
      min(max(layout.pixelY(plane.y, view: figure.view), -limit), limit)
    )
  }

  private func paintStar(
    _ context: OpaquePointer, at centre: (x: Double, y: Double), radius: Double
  ) {
    cairo_new_path(context)
    for index in 0..<10 {
      let angle = -Double.pi / 2 + Double(index) * Double.pi / 5
      let distance = index % 2 == 0 ? radius : radius * 0.42
      let x = centre.x + distance * Double.cos(angle)
      let y = centre.y + distance * Double.sin(angle)
      if index == 0 { cairo_move_to(context, x, y) } else { cairo_line_to(context, x, y) }
    }
    cairo_close_path(context)
    setColor(context, figure.minimumColor)
    cairo_fill_preserve(context)
    cairo_set_source_rgba(context, 0, 0, 0, 0.8)
    cairo_set_line_width(context, 1.2 * layout.unit)
    cairo_stroke(context)
  }

  private func setColor(_ context: OpaquePointer, _ color: RGB) {
    cairo_set_source_rgb(context, color.red, color.green, color.blue)
  }

  private func line(
    _ context: OpaquePointer, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double
  ) {
    cairo_new_path(context)
    cairo_move_to(context, x0, y0)
    cairo_line_to(context, x1, y1)
    cairo_stroke(context)
  }

  private static func selectFont(_ context: OpaquePointer, size: Double, bold: Bool) {
    cairo_select_font_face(
      context, face, CAIRO_FONT_SLANT_NORMAL,
      bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, size)
  }

  private func measure(_ context: OpaquePointer, _ string: String, size: Double, bold: Bool = false)
    -> Double
  {
    Self.measure(context, string, size: size, bold: bold)
  }

  private static func measure(_ context: OpaquePointer, _ string: String, size: Double, bold: Bool)
    -> Double
  {
    selectFont(context, size: size, bold: bold)
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, string, &extents)
    return extents.x_advance
  }

  /// `string`, cut with "…" to fit `width` pixels: never silently clipped.
  static func fitted(
    _ context: OpaquePointer, _ string: String, width: Double, size: Double, bold: Bool = false
  ) -> String {
    guard measure(context, string, size: size, bold: bold) > width else { return string }
    var characters = Array(string)
    while !characters.isEmpty {
      characters.removeLast()
      let candidate = String(characters) + "…"
      if measure(context, candidate, size: size, bold: bold) <= width { return candidate }
    }
    return ""
  }

  /// Draws text with its baseline at y; `anchor` 0 puts x at its left, 0.5 centre, 1 right.
  private func text(
    _ context: OpaquePointer, _ string: String, x: Double, y: Double, size: Double, color: RGB,
    anchor: Double, bold: Bool = false
  ) {
    guard !string.isEmpty else { return }
    let width = measure(context, string, size: size, bold: bold)
    setColor(context, color)
    cairo_move_to(context, x - width * anchor, y)
    cairo_show_text(context, string)
    cairo_new_path(context)
  }

  /// The pixel of a colour in cairo's RGB24 format.
  static func pixel(_ color: RGB) -> UInt32 {
    let bytes = color.bytes
    return 0xFF00_0000 | UInt32(bytes.red) << 16 | UInt32(bytes.green) << 8 | UInt32(bytes.blue)
  }

  /// About `count` round tick values (1, 2 or 5 times a power of ten apart) in [low, high]:
  /// the spacing nearest (in ratio) to an even split into `count` parts.
  static func ticks(_ low: Double, _ high: Double, count: Int) -> [Double] {
    guard low.isFinite, high.isFinite, high > low, count > 0 else { return [] }
    let rough = (high - low) / Double(count)
    let power = Double.power(10, Double.log10(rough).rounded(.down))
    let candidates = [1.0, 2, 5, 10].map { $0 * power }
    let step =
      candidates.min { abs(Double.log($0 / rough)) < abs(Double.log($1 / rough)) } ?? power
    let first = (low / step - 1e-9).rounded(.up)
    let last = (high / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    // Multiples of the step, each computed afresh so that no rounding error adds up.
    return stride(from: first, through: last, by: 1).map { multiple in
      let value = multiple * step
      let decimals = max(0, -Int(Double.log10(step).rounded(.down)))
      let factor = Double.power(10, Double(decimals))
      return multiple == 0 ? 0 : (value * factor).rounded() / factor
    }
  }

  static func tickLabel(_ value: Double) -> String {
    NumberFormat.compact(value, digits: 4)
  }
}
