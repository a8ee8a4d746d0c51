/// Something that happened, fed to `update`: a key, a click, a clock tick or a resize.
///
/// As in the Elm architecture (Bubble Tea's `Msg`), animation is just another
/// message: the run loop sends `.tick` at the frame rate while the race runs.
public enum Msg: Hashable, Sendable {
  case key(Key)
  /// The left mouse button went down at a screen cell (0-based column and row).
  case click(column: Int, row: Int)
  /// Time for the next frame.
  case tick
  /// The screen is now `width` × `height` cells.
  case resize(width: Int, height: Int)
}
