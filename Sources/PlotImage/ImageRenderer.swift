import CCairo
import OptimKit

/// Writes a figure as a PNG, SVG or PDF file with cairo.
public enum ImageRenderer {
  /// Samples `objective` on one point per map pixel, for a page of this size.
  public static func field(
    objective: any Objective, view: ViewBox, width: Int, height: Int
  ) -> FigureField {
    let layout = FigureLayout(width: width, height: height, view: view)
    return FigureField(
      objective: objective, view: view, columns: max(1, Int(layout.map.width)),
      rows: max(1, Int(layout.map.height)))
  }

  /// Draws `figure` over `field` on a `width` × `height` page into `file`, through its
  /// temporary name; nothing is left behind when cairo reports an error.
  public static func write(
    _ figure: Figure, field: FigureField, format: ImageFormat, width: Int, height: Int,
    to file: ImageFile
  ) throws(ImageError) {
    let layout = FigureLayout(width: width, height: height, view: figure.view)
    let painter = FigurePainter(figure: figure, field: field, layout: layout)
    let status: cairo_status_t
    switch format {
    case .png:
      guard
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
      else { throw ImageError("cannot make a \(width)×\(height) image") }
      defer { cairo_surface_destroy(surface) }
      draw(painter, on: surface, scale: 1)
      let drawn = cairo_surface_status(surface)
      status =
        drawn == CAIRO_STATUS_SUCCESS
        ? cairo_surface_write_to_png(surface, file.temporaryPath) : drawn
    case .svg, .pdf:
      let points = format == .pdf ? 0.72 : 1
      let surface =
        format == .pdf
        ? cairo_pdf_surface_create(
          file.temporaryPath, Double(width) * points, Double(height) * points)
        : cairo_svg_surface_create(file.temporaryPath, Double(width), Double(height))
      guard let surface else { throw ImageError("cannot make a \(format.rawValue) surface") }
      // SVG lengths in pixels (cairo's default is points), so readers show the asked-for size.
      if format == .svg { cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX) }
      draw(painter, on: surface, scale: points)
      cairo_surface_finish(surface)
      status = cairo_surface_status(surface)
      cairo_surface_destroy(surface)
    }
    guard status == CAIRO_STATUS_SUCCESS else {
      file.discard()
      throw ImageError(
        "cannot write '\(file.path)': \(String(cString: cairo_status_to_string(status)))")
    }
    try file.commit()
  }

  private static func draw(_ painter: FigurePainter, on surface: OpaquePointer, scale: Double) {
    guard let context = cairo_create(surface) else { return }
    defer { cairo_destroy(context) }
    cairo_scale(context, scale, scale)
    painter.paint(context)
  }
}
