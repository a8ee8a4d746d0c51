/// Why an image could not be made or written, in one line for the user.
public struct ImageError: Error, CustomStringConvertible, Sendable {
  public var description: String
  /// Whether the file was refused because it exists (so another name may be tried).
  public var exists: Bool

  public init(_ description: String, exists: Bool = false) {
    self.description = description
    self.exists = exists
  }
}
