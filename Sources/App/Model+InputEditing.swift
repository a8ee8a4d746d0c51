extension Model {
  /// How the `e` and `s` input lines edit.
  ///
  /// Recordings hold keys, not texts, so a log replays right only with the
  /// line it was recorded with: logs of format version 1 were made before the
  /// line was editable, when `e` opened it empty and only typing and Backspace
  /// did anything.
  public enum InputEditing: Hashable, Sendable {
    /// Prefilled, with a cursor, word deletion and history (`InputLine.edit`).
    case readline
    /// Empty when opened; characters go at the end, Backspace and Delete remove
    /// the last one, other keys are ignored: the line of version-1 logs.
    case appendOnly
  }
}
