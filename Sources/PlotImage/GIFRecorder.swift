import CCairo
import CGIF
import LibC

/// Makes an animated GIF of a race, one figure per frame, through giflib.
///
/// The figure's unchanging backdrop (heatmap, contours, axes, colour bar) is drawn
/// once; each frame paints it and draws the trails and legend over it. Pixels are
/// mapped to a fixed `GIFPalette`, and each frame stores only the rectangle that
/// changed since the one before, with its unchanged pixels transparent (the frame
/// below shows through), which keeps the file small.
/// The bytes go to `write` as they are made (after each frame): the caller owns the
/// file, and its rule that a file appears whole or not at all.
public final class GIFRecorder {
  public let size: PixelSize
  /// The pause after each frame, in hundredths of a second.
  public let delay: Int
  /// How many frames have been added.
  public private(set) var frameCount = 0

  /// Takes the file's next bytes; an error stops the GIF (see `add` and `finish`).
  private let write: ([UInt8]) throws -> Void
  /// What giflib has encoded since the last hand-over to `write`.
  fileprivate var pending: [UInt8] = []
  private var gif: UnsafeMutablePointer<GifFileType>?
  private var palette: GIFPalette?
  private var layout: FigureLayout?
  private var field: FigureField?
  private var backdrop: OpaquePointer?
  private var frame: OpaquePointer?
  private var backdropPixels: [UInt32] = []
  private var backdropIndices: [UInt8] = []
  private var previous: [UInt8] = []

  /// Starts a GIF whose bytes go to `write`; `framesPerSecond` sets the delay (at least
  /// 2/100 s, the shortest that browsers honour).
  public init(
    size: PixelSize, framesPerSecond: Int, write: @escaping ([UInt8]) throws -> Void
  ) throws(ImageError) {
    self.size = size
    self.delay = max(2, Int((100 / Double(max(framesPerSecond, 1))).rounded()))
    self.write = write
    var error: Int32 = 0
    guard let opened = EGifOpen(nil, collectGIFBytes, &error) else {
      throw ImageError("cannot start the GIF: \(Self.message(error))")
    }
    opened.pointee.UserData = Unmanaged.passUnretained(self).toOpaque()
    gif = opened
    EGifSetGifVersion(opened, true)
  }

  deinit {
    if gif != nil { discard() }
    if let backdrop { cairo_surface_destroy(backdrop) }
    if let frame { cairo_surface_destroy(frame) }
  }

  /// Adds one frame: `figure` over `field` (the first frame's field is used for all).
  public func add(_ figure: Figure, field newField: FigureField) throws(ImageError) {
    guard let gif else { throw ImageError("the GIF is closed") }
    if palette == nil { try start(figure, field: newField, gif: gif) }
    guard let frame, let backdrop, let field, let layout, var palette else { return }
    guard let context = cairo_create(frame) else { throw ImageError("cannot draw a frame") }
    cairo_set_source_surface(context, backdrop, 0, 0)
    cairo_paint(context)
    FigurePainter(figure: figure, field: field, layout: layout).paintOverlay(context)
    cairo_destroy(context)
    cairo_surface_flush(frame)
    guard let data = cairo_image_surface_get_data(frame) else {
      throw ImageError("cannot draw a frame")
    }
    let stride = Int(cairo_image_surface_get_stride(frame))
    let (width, height) = (size.width, size.height)
    var indices = [UInt8](repeating: 0, count: width * height)
    // One pass: a pixel the overlay left alone keeps the backdrop's index; the others
    // are looked up. Raw buffers, as this loop runs over every pixel of every frame.
    backdropPixels.withUnsafeBufferPointer { below in
      backdropIndices.withUnsafeBufferPointer { belowIndices in
        indices.withUnsafeMutableBufferPointer { out in
          for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            let base = row * width
            for column in 0..<width {
              let pixel = line[column]
              out[base + column] =
                pixel == below[base + column]
                ? belowIndices[base + column] : palette.index(of: pixel)
            }
          }
        }
      }
    }
    self.palette = palette
    try put(indices, gif: gif)
    previous = indices
    frameCount += 1
    try flush()
  }

  /// Hands what giflib has encoded to `write`.
  private func flush() throws(ImageError) {
    guard !pending.isEmpty else { return }
    let bytes = pending
    pending = []
    do {
      try write(bytes)
    } catch {
      discard()
      throw ImageError("\(error)")
    }
  }

  /// Ends the GIF: its last bytes go to `write`.
  public func finish() throws(ImageError) {
    guard let gif else { throw ImageError("the GIF is closed") }
    self.gif = nil
    var error: Int32 = 0
    guard EGifCloseFile(gif, &error) == optiscope_gif_ok() else {
      throw ImageError("cannot finish the GIF: \(Self.message(error))")
    }
    try flush()
  }

  /// Abandons the GIF; nothing more goes to `write`.
  public func discard() {
    if let gif {
      var error: Int32 = 0
      _ = EGifCloseFile(gif, &error)
      self.gif = nil
    }
    pending = []
  }

  /// The first frame: the palette, the backdrop and the GIF's header.
  private func start(_ figure: Figure, field: FigureField, gif: UnsafeMutablePointer<GifFileType>)
    throws(ImageError)
  {
    let layout = FigureLayout(width: size.width, height: size.height, view: figure.view)
    var palette = GIFPalette(figure: figure, field: field)
    guard
      let backdrop = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height)),
      let frame = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height)),
      let context = cairo_create(backdrop)
    else { throw ImageError("cannot make a \(size.width)×\(size.height) image") }
    FigurePainter(figure: figure, field: field, layout: layout).paintBackdrop(context)
    cairo_destroy(context)
    cairo_surface_flush(backdrop)
    backdropPixels = Self.pixels(of: backdrop, size: size)
    backdropIndices = backdropPixels.map { palette.index(of: $0) }
    self.palette = palette
    self.layout = layout
    self.field = field
    self.backdrop = backdrop
    self.frame = frame
    var entries = palette.colors.map {
      GifColorType(Red: UInt8($0 >> 16), Green: UInt8(($0 >> 8) & 0xFF), Blue: UInt8($0 & 0xFF))
    }
    guard let map = GifMakeMapObject(256, &entries) else {
      throw ImageError("cannot make the GIF's palette")
    }
    defer { GifFreeMapObject(map) }
    guard
      EGifPutScreenDesc(gif, Int32(size.width), Int32(size.height), 8, 0, map) == optiscope_gif_ok()
    else { throw failure(gif) }
    // NETSCAPE2.0: loop forever.
    let application = Array("NETSCAPE2.0".utf8)
    let loop: [UInt8] = [1, 0, 0]
    guard EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == optiscope_gif_ok(),
      EGifPutExtensionBlock(gif, Int32(application.count), application) == optiscope_gif_ok(),
      EGifPutExtensionBlock(gif, Int32(loop.count), loop) == optiscope_gif_ok(),
      EGifPutExtensionTrailer(gif) == optiscope_gif_ok()
    else { throw failure(gif) }
  }

  /// Writes a frame: its delay, then the rectangle of pixels that differ from the last frame.
  private func put(_ indices: [UInt8], gif: UnsafeMutablePointer<GifFileType>) throws(ImageError) {
    let width = size.width
    var (left, top, right, bottom) = (0, 0, width - 1, size.height - 1)
    if !previous.isEmpty {
      if let changed = MapImage.difference(indices, previous, width: width, height: size.height) {
        (left, top) = (changed.x, changed.y)
        (right, bottom) = (changed.x + changed.width - 1, changed.y + changed.height - 1)
      } else {
        // Nothing changed: a one-pixel frame that repeats what is there keeps the timing.
        (left, top, right, bottom) = (0, 0, 0, 0)
      }
    }
    // Disposal 1 (keep the frame); after the first frame, pixels that did not change are
    // transparent, so the frame below shows through and long runs compress to almost nothing.
    let keepsBelow = !previous.isEmpty
    let control: [UInt8] = [
      keepsBelow ? 0x05 : 0x04, UInt8(delay & 0xFF), UInt8(delay >> 8),
      GIFPalette.transparent,
    ]
    guard EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, control) == optiscope_gif_ok(),
      EGifPutImageDesc(
        gif, Int32(left), Int32(top), Int32(right - left + 1), Int32(bottom - top + 1), false, nil)
        == optiscope_gif_ok()
    else { throw failure(gif) }
    var line = [GifPixelType](repeating: 0, count: right - left + 1)
    for row in top...bottom {
      let base = row * width
      for column in left...right {
        let index = indices[base + column]
        line[column - left] =
          keepsBelow && index == previous[base + column] ? GIFPalette.transparent : index
      }
      guard EGifPutLine(gif, &line, Int32(line.count)) == optiscope_gif_ok() else {
        throw failure(gif)
      }
    }
  }

  private func failure(_ gif: UnsafeMutablePointer<GifFileType>) -> ImageError {
    ImageError("cannot make the GIF: \(Self.message(gif.pointee.Error))")
  }

  private static func message(_ code: Int32) -> String {
    GifErrorString(code).map { String(cString: $0) } ?? "giflib error \(code)"
  }

  /// The pixels of an RGB24 image surface, row-major, without row padding.
  private static func pixels(of surface: OpaquePointer, size: PixelSize) -> [UInt32] {
    guard let data = cairo_image_surface_get_data(surface) else { return [] }
    let stride = Int(cairo_image_surface_get_stride(surface))
    var pixels = [UInt32](repeating: 0, count: size.width * size.height)
    for row in 0..<size.height {
      let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
      for column in 0..<size.width { pixels[row * size.width + column] = line[column] }
    }
    return pixels
  }
}

/// giflib's output function: appends the encoded bytes to the recorder's pending ones.
private func collectGIFBytes(
  _ gif: UnsafeMutablePointer<GifFileType>?, _ bytes: UnsafePointer<GifByteType>?, _ count: Int32
) -> Int32 {
  guard let gif, let bytes, let owner = gif.pointee.UserData else { return 0 }
  let recorder = Unmanaged<GIFRecorder>.fromOpaque(owner).takeUnretainedValue()
  recorder.pending.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
  return count
}
