import CCairo
import CPNG
import OptimKit
import Plot

/// The map of a figure alone, as pixels, for a terminal that shows images: the
/// heatmap, contours, trails and markers filling the map region's pixels, with
/// none of the axes, colour bar or legend around them (the panels stay text).
///
/// Made once per live program and drawn on every frame: the sampled function
/// and the backdrop (page, heatmap, contours, minima) are kept until the
/// function, the view, the colours or the size change, so a frame costs one
/// copy of the backdrop, the trails and the encoding. `draw` tells whether the
/// pixels differ from the last frame's, so that an unchanged map is not sent again.
public final class MapImage {
  /// The size of the last drawn frame, in pixels.
  public private(set) var width = 0
  public private(set) var height = 0
  /// One sample of f per `sampleStep` × `sampleStep` pixels: the field of a whole
  /// terminal map is computed in a frame's time when the view changes.
  public let sampleStep: Int
  /// Counts the backdrops drawn: a new one (function, view, colours or size changed)
  /// is the time for a new sixel palette.
  public private(set) var backdropGeneration = 0

  /// What the backdrop was drawn for; a new one is drawn when it changes.
  // duplicates: a cache key's stored fields, alike in shape to NCursesBackend's stored lets only.
  private struct BackdropKey: Hashable {
    var formula: String
    var title: String
    var view: ViewBox
    var width: Int
    var height: Int
    var unit: Double
    var scale: ColorScale
    var background: RGB
    var minima: [Point]
    var minimumColor: RGB
  }

  private var key: BackdropKey?
  private var field: FigureField?
  private var backdrop: OpaquePointer?
  private var frame: OpaquePointer?
  /// The last frame's pixels (cairo's RGB24 words, row-major without padding).
  private var previous: [UInt32] = []

  public init(sampleStep: Int = 2) {
    self.sampleStep = max(1, sampleStep)
  }

  deinit {
    if let backdrop { cairo_surface_destroy(backdrop) }
    if let frame { cairo_surface_destroy(frame) }
  }

  /// Draws `figure`'s map over `objective` on `width` × `height` pixels; `unit` scales
  /// lines and markers (1 for about 18-pixel-high cells). Returns whether the pixels
  /// differ from the previous frame's (always true for the first or a resized one).
  @discardableResult
  public func draw(
    _ figure: Figure, objective: any Objective, width: Int, height: Int, unit: Double = 1
  ) throws(ImageError) -> Bool {
    guard width > 0, height > 0, width <= 16384, height <= 16384 else {
      throw ImageError("cannot make a \(width)×\(height) image")
    }
    let layout = FigureLayout(mapFilling: width, height: height, unit: unit)
    let wanted = BackdropKey(
      formula: figure.formula, title: figure.title, view: figure.view, width: width,
      height: height, unit: unit, scale: figure.scale, background: figure.background,
      minima: figure.minima, minimumColor: figure.minimumColor)
    if key != wanted || backdrop == nil || frame == nil {
      try start(figure, objective: objective, layout: layout, key: wanted)
    }
    guard let backdrop, let frame, let field, let context = cairo_create(frame) else {
      throw ImageError("cannot draw a \(width)×\(height) image")
    }
    cairo_set_source_surface(context, backdrop, 0, 0)
    cairo_paint(context)
    FigurePainter(figure: figure, field: field, layout: layout).paintMarks(context)
    cairo_destroy(context)
    cairo_surface_flush(frame)
    let pixels = Self.pixels(of: frame, width: width, height: height)
    changedRect =
      pixels.count == previous.count && self.width == width
      ? Self.difference(pixels, previous, width: width, height: height)
      : Rect(x: 0, y: 0, width: width, height: height)
    self.width = width
    self.height = height
    previous = pixels
    return changedRect != nil
  }

  /// A rectangle of pixels, origin top-left: Plot's `Region` of cells, counted in pixels.
  public typealias Rect = Region

  /// The smallest rectangle holding every pixel that differs from the frame before the
  /// last `draw` (the whole image after a new size); nil when none does.
  public private(set) var changedRect: Rect?

  /// The smallest rectangle where `now` and `before` (row-major, `width` × `height`) differ;
  /// nil when they are equal. Also what `GIFRecorder` writes of each frame after the first.
  static func difference<Pixel: Equatable>(
    _ now: [Pixel], _ before: [Pixel], width: Int, height: Int
  ) -> Rect? {
    var (left, top, right, bottom) = (width, height, -1, -1)
    now.withUnsafeBufferPointer { now in
      before.withUnsafeBufferPointer { before in
        for row in 0..<height {
          let base = row * width
          // The first and last changed column of the row, if any.
          var first = 0
          while first < width, now[base + first] == before[base + first] { first += 1 }
          guard first < width else { continue }
          var last = width - 1
          while now[base + last] == before[base + last] { last -= 1 }
          left = min(left, first)
          right = max(right, last)
          top = min(top, row)
          bottom = row
        }
      }
    }
    guard right >= 0 else { return nil }
    return Rect(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
  }

  /// The last frame as packed 8-bit RGB, row-major (what libsixel and libpng take).
  public func rgb() -> [UInt8] {
    rgb(Rect(x: 0, y: 0, width: width, height: height))
  }

  /// A part of the last frame (inside it) as packed 8-bit RGB, row-major.
  public func rgb(_ part: Rect) -> [UInt8] {
    guard part.x >= 0, part.y >= 0, part.width > 0, part.height > 0,
      part.x + part.width <= width, part.y + part.height <= height,
      previous.count == width * height
    else { return [] }
    var bytes = [UInt8](repeating: 0, count: part.width * part.height * 3)
    bytes.withUnsafeMutableBufferPointer { out in
      previous.withUnsafeBufferPointer { words in
        var index = 0
        for row in part.y..<(part.y + part.height) {
          let base = row * width
          for column in part.x..<(part.x + part.width) {
            let word = words[base + column]
            out[index] = UInt8(truncatingIfNeeded: word >> 16)
            out[index + 1] = UInt8(truncatingIfNeeded: word >> 8)
            out[index + 2] = UInt8(truncatingIfNeeded: word)
            index += 3
          }
        }
      }
    }
    return bytes
  }

  /// The last frame as a PNG file's bytes, by libpng with its fast setting
  /// (`PNG_IMAGE_FLAG_FAST`: a third of the time of zlib's default level, and as small
  /// here, since the map is mostly flat bands).
  public func png() throws(ImageError) -> [UInt8] {
    guard width > 0, height > 0, !previous.isEmpty else { throw ImageError("no image drawn yet") }
    var pixels = rgb()
    var image = png_image()
    image.version = png_uint_32(PNG_IMAGE_VERSION)
    image.width = png_uint_32(width)
    image.height = png_uint_32(height)
    image.format = png_uint_32(PNG_FORMAT_RGB)
    image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
    defer { png_image_free(&image) }
    // Room for the raw pixels and then some: a PNG of any content fits (else libpng
    // says how much it needs, and the second try has it).
    var capacity = pixels.count + pixels.count / 64 + height + 4096
    for _ in 0..<2 {
      var bytes = [UInt8](repeating: 0, count: capacity)
      var size = png_alloc_size_t(capacity)
      let written = bytes.withUnsafeMutableBytes { memory in
        pixels.withUnsafeMutableBytes { source in
          png_image_write_to_memory(
            &image, memory.baseAddress, &size, 0, source.baseAddress, 0, nil)
        }
      }
      if written != 0 {
        bytes.removeLast(capacity - Int(size))
        return bytes
      }
      guard Int(size) > capacity else { break }
      capacity = Int(size)
      image.warning_or_error = 0
    }
    let message = withUnsafeBytes(of: image.message) {
      String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
    }
    throw ImageError("cannot make the PNG: \(message)")
  }

  /// A new field and backdrop for `key`.
  private func start(
    _ figure: Figure, objective: any Objective, layout: FigureLayout, key: BackdropKey
  ) throws(ImageError) {
    let old = self.key
    if let backdrop { cairo_surface_destroy(backdrop) }
    if let frame { cairo_surface_destroy(frame) }
    backdrop = nil
    frame = nil
    self.key = nil
    let (width, height) = (layout.width, layout.height)
    let sampled =
      field.flatMap { sampled in
        sampled.view == figure.view && old?.formula == key.formula ? sampled : nil
      }
    let columns = max(1, (width + sampleStep - 1) / sampleStep)
    let rows = max(1, (height + sampleStep - 1) / sampleStep)
    let field =
      sampled.flatMap { $0.columns == columns && $0.rows == rows ? $0 : nil }
      ?? FigureField(objective: objective, view: figure.view, columns: columns, rows: rows)
    guard
      let backdrop = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
      let frame = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
      let context = cairo_create(backdrop)
    else { throw ImageError("cannot make a \(width)×\(height) image") }
    FigurePainter(figure: figure, field: field, layout: layout).paintMapBackdrop(context)
    cairo_destroy(context)
    cairo_surface_flush(backdrop)
    self.backdrop = backdrop
    self.frame = frame
    self.field = field
    self.key = key
    previous = []
    backdropGeneration += 1
  }

  /// The colours a frame over the current backdrop may have, as packed RGB rows for a
  /// palette builder: the backdrop itself and a band of rows for each of `colors` (the
  /// trails' and markers'), so that each of them gets a palette entry of its own.
  public func paletteSample(colors: [RGB]) -> (rgb: [UInt8], width: Int, height: Int) {
    guard let backdrop, width > 0, height > 0 else { return ([], 0, 0) }
    let words = Self.pixels(of: backdrop, width: width, height: height)
    let band = max(4, height / 32)
    var bytes = [UInt8]()
    bytes.reserveCapacity((words.count + colors.count * band * width) * 3)
    for word in words {
      bytes += [
        UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8),
        UInt8(truncatingIfNeeded: word),
      ]
    }
    for color in colors {
      let (red, green, blue) = color.bytes
      for _ in 0..<(band * width) { bytes += [red, green, blue] }
    }
    return (bytes, width, height + colors.count * band)
  }

  /// The pixels of an RGB24 image surface, row-major, without row padding.
  private static func pixels(of surface: OpaquePointer, width: Int, height: Int) -> [UInt32] {
    guard let data = cairo_image_surface_get_data(surface) else { return [] }
    let stride = Int(cairo_image_surface_get_stride(surface))
    return [UInt32](unsafeUninitializedCapacity: width * height) { buffer, count in
      for row in 0..<height {
        let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
        for column in 0..<width { buffer[row * width + column] = line[column] & 0xFF_FFFF }
      }
      count = width * height
    }
  }
}
