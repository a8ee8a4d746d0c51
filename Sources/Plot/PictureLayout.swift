/// How the maps are arranged on screen.
public enum PictureLayout: String, Hashable, Sendable, CaseIterable {
  /// One large map with every optimizer's path on it.
  case overlay
  /// Small multiples: one map per optimizer, same view and levels.
  case split
}
