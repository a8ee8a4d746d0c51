/// The size of one character cell in pixels, which the map image is sized by.
public struct CellSize: Hashable, Sendable {
  public var width: Int
  public var height: Int
}

// In an extension, so the memberwise init (width, height) stays, for this module and its
// tests: other modules get a size from a probe or a report.
extension CellSize {
  /// A size in pixels only when both sides are plausible (2 to 400 pixels): a terminal
  /// that reports zeros or nonsense gets the text map.
  public init?(checkedWidth width: Int, height: Int) {
    guard (2...400).contains(width), (2...400).contains(height) else { return nil }
    self.init(width: width, height: height)
  }
}
