import Plot

/// A canvas's rows as UTF-8 bytes for a log, built straight from the cells.
///
/// The same text as `canvas.lines` with `LogText.oneLine` applied to each
/// row and a "\n" after it, without making a `String` per row: recording
/// writes one of these per frame, so it is on the hot path.
enum FrameText {
  /// Appends every row of `canvas`, each followed by "\n", to `bytes`.
  static func appendRows(of canvas: Canvas, to bytes: inout [UInt8]) {
    // Room for the longest encoding, written through a pointer, then trimmed: a
    // frame is thousands of cells, and appending byte by byte costs more than the rest.
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: canvas.cells.count * 4 + canvas.height))
    let width = canvas.width
    let end = bytes.withUnsafeMutableBufferPointer { buffer in
      canvas.cells.withUnsafeBufferPointer { cells in
        guard width > 0, var out = buffer.baseAddress.map({ $0 + start }),
          let first = cells.baseAddress
        else { return start }
        let origin = out
        for row in 0..<canvas.height {
          for cell in UnsafeBufferPointer(start: first + row * width, count: width) {
            let value = cell.glyph.value
            if value >= 0x20 && value < 0x7F {
              out.pointee = UInt8(truncatingIfNeeded: value)
              out += 1
            } else if LogText.isControl(cell.glyph) {
              out.pointee = UInt8(ascii: "?")
              out += 1
            } else if value < 0x800 {
              out[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
              out[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
              out += 2
            } else if value < 0x1_0000 {
              out[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
              out[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
              out[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
              out += 3
            } else {
              out[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
              out[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
              out[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
              out[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
              out += 4
            }
          }
          out.pointee = 0x0A
          out += 1
        }
        return start + (out - origin)
      }
    }
    bytes.removeSubrange(end...)
  }
}
