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
        var end = start
        var column = 0
        for cell in cells {
          let value = cell.glyph.value
          if value >= 0x20 && value < 0x7F {
            buffer[end] = UInt8(value)
            end += 1
          } else if LogText.isControl(cell.glyph) {
            buffer[end] = UInt8(ascii: "?")
            end += 1
          } else if value < 0x800 {
            buffer[end] = UInt8(0xC0 | value >> 6)
            buffer[end + 1] = UInt8(0x80 | value & 0x3F)
            end += 2
          } else if value < 0x1_0000 {
            buffer[end] = UInt8(0xE0 | value >> 12)
            buffer[end + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            buffer[end + 2] = UInt8(0x80 | value & 0x3F)
            end += 3
          } else {
            buffer[end] = UInt8(0xF0 | value >> 18)
            buffer[end + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            buffer[end + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            buffer[end + 3] = UInt8(0x80 | value & 0x3F)
            end += 4
          }
          column += 1
          if column == width {
            buffer[end] = 0x0A
            end += 1
            column = 0
          }
        }
        return end
      }
    }
    bytes.removeSubrange(end...)
  }
}
