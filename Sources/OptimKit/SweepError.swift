/// Why a sweep text was refused: one line naming the sweep and the reason.
public struct SweepError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The sweep as typed.
  public let text: String
  public let reason: String

  init(_ text: String, _ reason: String) {
    self.text = text
    self.reason = reason
  }

  public var description: String { "bad sweep '\(text)': \(reason)" }
}
