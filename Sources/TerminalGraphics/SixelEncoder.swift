import CSixel

/// Encodes pixels as a sixel image (a DCS … ST sequence) through libsixel: its palette
/// (median cut over the image's colours), its colour lookup and its encoder.
///
/// No dithering: the map is flat bands and thin lines, which error diffusion would
/// only speckle. At most `colors` palette entries, the terminal's colour registers.
public final class SixelEncoder {
  public let colors: Int

  /// Why libsixel could not encode, in one line.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The palette kept for the frames to come (see `preparePalette`); nil builds one per frame.
  private var kept: OpaquePointer?

  public init(colors: Int = 256) {
    self.colors = min(max(colors, 2), 256)
  }

  deinit {
    if let kept { sixel_dither_unref(kept) }
  }

  /// Builds the palette from `sample` (packed RGB, `width` × `height`: every colour the
  /// coming frames may have) and keeps it, so that a frame is only looked up and
  /// encoded: building a palette is most of the work of a frame.
  public func preparePalette(sample: [UInt8], width: Int, height: Int) throws(Failure) {
    if let kept { sixel_dither_unref(kept) }
    kept = nil
    kept = try Self.palette(of: sample, width: width, height: height, colors: colors)
  }

  /// A libsixel palette (a dither object without diffusion) for `rgb`'s colours.
  private static func palette(of rgb: [UInt8], width: Int, height: Int, colors: Int)
    throws(Failure) -> OpaquePointer
  {
    guard width > 0, height > 0, rgb.count == width * height * 3 else {
      throw Failure(description: "no pixels to encode")
    }
    var dither: OpaquePointer?
    guard sixel_dither_new(&dither, Int32(colors), nil) == SIXEL_OK, let dither else {
      throw Failure(description: "libsixel cannot make a palette")
    }
    var pixels = rgb
    let status = pixels.withUnsafeMutableBufferPointer { buffer in
      sixel_dither_initialize(
        dither, buffer.baseAddress, Int32(width), Int32(height), SIXEL_PIXELFORMAT_RGB888,
        SIXEL_LARGE_AUTO, SIXEL_REP_AUTO, SIXEL_QUALITY_LOW)
    }
    guard status == SIXEL_OK else {
      sixel_dither_unref(dither)
      throw Failure(description: "libsixel cannot make a palette (\(message(status)))")
    }
    sixel_dither_set_diffusion_type(dither, SIXEL_DIFFUSE_NONE)
    return dither
  }

  /// The sixel sequence of `rgb` (packed 8-bit RGB, row-major, `width` × `height`), with
  /// the kept palette or, without one, a palette of its own.
  public func encode(rgb: [UInt8], width: Int, height: Int) throws(Failure) -> [UInt8] {
    guard width > 0, height > 0, rgb.count == width * height * 3 else {
      throw Failure(description: "no pixels to encode")
    }
    let dither: OpaquePointer
    if let kept {
      dither = kept
    } else {
      dither = try Self.palette(of: rgb, width: width, height: height, colors: colors)
    }
    defer { if dither != kept { sixel_dither_unref(dither) } }
    var pixels = rgb
    let sink = SixelBytes()
    var output: OpaquePointer?
    guard
      sixel_output_new(&output, collectSixel, Unmanaged.passUnretained(sink).toOpaque(), nil)
        == SIXEL_OK, let output
    else { throw Failure(description: "libsixel cannot start an image") }
    defer { sixel_output_unref(output) }
    sixel_output_set_encode_policy(output, SIXEL_ENCODEPOLICY_FAST)
    let encoded = pixels.withUnsafeMutableBufferPointer { buffer in
      sixel_encode(buffer.baseAddress, Int32(width), Int32(height), 3, dither, output)
    }
    guard encoded == SIXEL_OK else {
      throw Failure(description: "libsixel cannot encode (\(Self.message(encoded)))")
    }
    return sink.bytes
  }

  private static func message(_ status: SIXELSTATUS) -> String {
    sixel_helper_format_error(status).map { String(cString: $0) } ?? "status \(status)"
  }
}

/// Where libsixel's writer puts the sequence.
private final class SixelBytes {
  var bytes: [UInt8] = []
}

private func collectSixel(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int32, _ closure: UnsafeMutableRawPointer?
) -> Int32 {
  guard let data, let closure, size > 0 else { return 0 }
  let sink = Unmanaged<SixelBytes>.fromOpaque(closure).takeUnretainedValue()
  data.withMemoryRebound(to: UInt8.self, capacity: Int(size)) {
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(size)))
  }
  return size
}
