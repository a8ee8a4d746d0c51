/// Something that happened, fed to `update`: a key, a click, a clock tick, a resize,
/// or the outside world reporting back on an effect.
///
/// As in the Elm architecture (Bubble Tea's `Msg`), animation is just another
/// message: the run loop sends `.tick` at the frame rate while the race runs.
/// What the run loop did with an effect (a recording started, a scene saved)
/// also comes back as a message, so the screen only ever changes through
/// `update` and a recording can replay every change.
public enum Msg: Hashable, Sendable {
  case key(Key)
  /// The left mouse button went down at a screen cell (0-based column and row).
  case click(column: Int, row: Int)
  /// The pointer is over a screen cell (0-based column and row), where the terminal
  /// reports motion: the status line reads out x, y and f there.
  case pointer(column: Int, row: Int)
  /// Time for the next frame.
  case tick
  /// The screen is now `width` × `height` cells.
  case resize(width: Int, height: Int)
  /// Frames are now being recorded into `file` (shown as "● REC file").
  case recordingStarted(file: String)
  /// The recording ended, normally or because writing failed; `note` says which.
  case recordingStopped(Message)
  /// Something the run loop wants the user to read, e.g. where a scene was saved.
  case notice(Message)
  /// A plug-in racer joined, moved or failed: the runtime's news of racers stepped outside.
  case external(ExternalEvent)
  /// Headless pictures: `steps` race steps at once, as that many ticks' frames would take.
  case advance(steps: Int)
}
