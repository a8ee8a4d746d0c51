import Plot

/// A canvas's rows as UTF-8 bytes for a log, built straight from the cells.
///
/// The same text as `canvas.lines` with `LogText.oneLine` applied to each
/// row and a "\n" after it, without making a `String` per row: recording
/// writes one of these per frame, so it is on the hot path.
enum FrameText {
  /// Appends every row of `canvas`, each followed by "\n", to `bytes`.
  static func appendRows(of canvas: Canvas, to bytes: inout [UInt8]) {
    bytes.reserveCapacity(bytes.count + canvas.cells.count * 3 + canvas.height)
    let question = UInt8(ascii: "?")
    var column = 0
    for cell in canvas.cells {
      // Byte by byte: Character's own ASCII and scalar views cost more than
      // the whole scan. Controls are C0 and DEL (one byte), C1 (C2 80…9F) and
      // U+2028/U+2029 (E2 80 A8/A9); 0xC2 and 0xE2 only ever lead a sequence.
      let start = bytes.count
      var isControl = false
      var previous: UInt8 = 0
      var beforePrevious: UInt8 = 0
      for byte in cell.character.utf8 {
        if byte < 0x20 || byte == 0x7F
          || (previous == 0xC2 && byte <= 0x9F && byte >= 0x80)
          || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9))
        {
          isControl = true
        }
        bytes.append(byte)
        beforePrevious = previous
        previous = byte
      }
      if isControl {
        bytes.removeSubrange(start...)
        bytes.append(question)
      }
      column += 1
      if column == canvas.width {
        bytes.append(0x0A)
        column = 0
      }
    }
  }
}
