import Plot

/// A canvas's rows as UTF-8 bytes for a log, built straight from the cells.
///
/// The same text as `canvas.lines` with `LogText.oneLine` applied to each
/// row and a "\n" after it, without making a `String` per row: recording
/// writes one of these per frame, so it is on the hot path.
enum FrameText {
  /// Appends every row of `canvas`, each followed by "\n", to `bytes`.
  static func appendRows(of canvas: Canvas, to bytes: inout [UInt8]) {
    bytes.reserveCapacity(bytes.count + canvas.cells.count * 4 + canvas.height)
    let question = UInt8(ascii: "?")
    var column = 0
    for cell in canvas.cells {
      let value = cell.glyph.value
      if LogText.isControl(cell.glyph) {
        bytes.append(question)
      } else if value < 0x80 {
        bytes.append(UInt8(value))
      } else if value < 0x800 {
        bytes.append(UInt8(0xC0 | value >> 6))
        bytes.append(UInt8(0x80 | value & 0x3F))
      } else if value < 0x1_0000 {
        bytes.append(UInt8(0xE0 | value >> 12))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
      } else {
        bytes.append(UInt8(0xF0 | value >> 18))
        bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
      }
      column += 1
      if column == canvas.width {
        bytes.append(0x0A)
        column = 0
      }
    }
  }
}
