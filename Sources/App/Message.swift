/// A one-line note at the bottom of the screen: what a key did, or why it did nothing.
public struct Message: Hashable, Sendable {
  public var text: String
  /// Whether it reports something refused (shown in the theme's error colour).
  public var isError: Bool

  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}
