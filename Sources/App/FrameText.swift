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
      let character = cell.character
      if let ascii = character.asciiValue {
        bytes.append(ascii < 0x20 || ascii == 0x7F ? question : ascii)
      } else if character.unicodeScalars.contains(where: LogText.isControl) {
        bytes.append(question)
      } else {
        bytes.append(contentsOf: character.utf8)
      }
      column += 1
      if column == canvas.width {
        bytes.append(0x0A)
        column = 0
      }
    }
  }
}
