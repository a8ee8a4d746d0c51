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

  public init(colors: Int = 256) {
    self.colors = min(max(colors, 2), 256)
  }

  /// The sixel sequence of `rgb` (packed 8-bit RGB, row-major, `width` × `height`).
  public func encode(rgb: [UInt8], width: Int, height: Int) throws(Failure) -> [UInt8] {
    guard width > 0, height > 0, rgb.count == width * height * 3 else {
      throw Failure(description: "no pixels to encode")
    }
    var dither: OpaquePointer?
    guard sixel_dither_new(&dither, Int32(colors), nil) == SIXEL_OK, let dither else {
      throw Failure(description: "libsixel cannot make a palette")
    }
    defer { sixel_dither_unref(dither) }
    var pixels = rgb
    let status = pixels.withUnsafeMutableBufferPointer { buffer in
      sixel_dither_initialize(
        dither, buffer.baseAddress, Int32(width), Int32(height), SIXEL_PIXELFORMAT_RGB888,
        SIXEL_LARGE_AUTO, SIXEL_REP_AUTO, SIXEL_QUALITY_LOW)
    }
    guard status == SIXEL_OK else {
      throw Failure(description: "libsixel cannot make a palette (\(Self.message(status)))")
    }
    sixel_dither_set_diffusion_type(dither, SIXEL_DIFFUSE_NONE)
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
