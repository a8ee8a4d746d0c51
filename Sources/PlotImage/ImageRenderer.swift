import CCairo
import OptimKit

/// Draws a figure as the bytes of a PNG, SVG or PDF file with cairo.
///
/// Only bytes: the executable writes them (its `FileSink` owns the rule that a
/// file appears whole or not at all), so no file is touched here.
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

  /// Draws `figure` over `field` on a `width` × `height` page and returns the file's bytes.
  public static func data(
    _ figure: Figure, field: FigureField, format: ImageFormat, width: Int, height: Int
  ) throws(ImageError) -> [UInt8] {
    let layout = FigureLayout(width: width, height: height, view: figure.view)
    let painter = FigurePainter(figure: figure, field: field, layout: layout)
    switch format {
    case .png:
      guard
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
      else { throw ImageError("cannot make a \(width)×\(height) image") }
      defer { cairo_surface_destroy(surface) }
      draw(painter, on: surface, scale: 1)
      return try pngBytes(of: surface)
    case .svg, .pdf:
      let points = format == .pdf ? 0.72 : 1
      let bytes = ByteCollector()
      let closure = Unmanaged.passUnretained(bytes).toOpaque()
      let surface =
        format == .pdf
        ? cairo_pdf_surface_create_for_stream(
          collect, closure, Double(width) * points, Double(height) * points)
        : cairo_svg_surface_create_for_stream(collect, closure, Double(width), Double(height))
      guard let surface else { throw ImageError("cannot make a \(format.rawValue) surface") }
      // SVG lengths in pixels (cairo's default is points), so readers show the asked-for size.
      if format == .svg { cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX) }
      draw(painter, on: surface, scale: points)
      cairo_surface_finish(surface)
      let status = cairo_surface_status(surface)
      cairo_surface_destroy(surface)
      guard status == CAIRO_STATUS_SUCCESS else { throw failure(status, format: format) }
      return bytes.bytes
    }
  }

  /// An image surface as a PNG file's bytes, by cairo's PNG writer.
  static func pngBytes(of surface: OpaquePointer) throws(ImageError) -> [UInt8] {
    let drawn = cairo_surface_status(surface)
    guard drawn == CAIRO_STATUS_SUCCESS else { throw failure(drawn, format: .png) }
    let bytes = ByteCollector()
    let status = cairo_surface_write_to_png_stream(
      surface, collect, Unmanaged.passUnretained(bytes).toOpaque())
    guard status == CAIRO_STATUS_SUCCESS else { throw failure(status, format: .png) }
    return bytes.bytes
  }

  private static func failure(_ status: cairo_status_t, format: ImageFormat) -> ImageError {
    ImageError(
      "cannot make the \(format.rawValue.uppercased()): \(String(cString: cairo_status_to_string(status)))"
    )
  }

  private static func draw(_ painter: FigurePainter, on surface: OpaquePointer, scale: Double) {
    guard let context = cairo_create(surface) else { return }
    defer { cairo_destroy(context) }
    cairo_scale(context, scale, scale)
    painter.paint(context)
  }
}

/// Where cairo's stream writers put a file's bytes.
private final class ByteCollector {
  var bytes: [UInt8] = []
}

/// cairo's write function: appends to the `ByteCollector` passed as the closure.
private func collect(
  _ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32
) -> cairo_status_t {
  guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
  let collector = Unmanaged<ByteCollector>.fromOpaque(closure).takeUnretainedValue()
  collector.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
  return CAIRO_STATUS_SUCCESS
}
