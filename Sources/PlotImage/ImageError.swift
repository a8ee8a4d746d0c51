/// Why an image could not be made or written, in one line for the user.
public struct ImageError: Error, CustomStringConvertible, Sendable {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}
