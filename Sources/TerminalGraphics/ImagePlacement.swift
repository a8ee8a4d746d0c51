/// An image sequence placed at a cell: the cursor is saved, moved to the cell, the
/// image drawn there and the cursor put back (DECSC, CUP, DECRC), so curses' idea
/// of where the cursor is stays true.
public enum ImagePlacement {
  /// `image` (a kitty or sixel sequence) drawn with its top-left corner at the cell
  /// `column`, `row` (from 0).
  public static func at(column: Int, row: Int, _ image: [UInt8]) -> [UInt8] {
    Array("\u{1B}7\u{1B}[\(row + 1);\(column + 1)H".utf8) + image + Array("\u{1B}8".utf8)
  }

  /// Writes `bytes` to `output` whole (standard output by default); false when it fails.
  @discardableResult
  public static func send(_ bytes: [UInt8], to output: Int32 = 1) -> Bool {
    TerminalProbe.writeAll(bytes, to: output)
  }
}
