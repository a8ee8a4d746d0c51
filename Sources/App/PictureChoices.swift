import Plot

/// What the user chose to see beyond the race itself: the selected optimizer alone, the
/// loss chart's scale, and where the pointer is.
///
/// Kept together, apart from the race's own state, since none of it changes the race:
/// only what is drawn of it.
public struct PictureChoices: Sendable {
  /// Whether only the selected optimizer is drawn (`o`); with all selected, nothing changes.
  public var isSolo = false
  /// The loss chart's y axis (`y`).
  public var lossScale = LossScale.log
  /// The screen cell under the pointer (0-based), where the terminal reports motion;
  /// nil before it has.
  public var pointer: (column: Int, row: Int)?

  public init() {}
}
