/// The line the user types into after `e` (a new expression) or `s` (a start point).
///
/// Visible at the bottom of the screen while open; Enter submits, Esc cancels,
/// and a refused entry stays open with the reason shown next to it.
public struct InputLine: Hashable, Sendable {
  /// What the typed text is for.
  public enum Purpose: Hashable, Sendable {
    case expression
    case start

    /// The prompt shown before the text.
    public var prompt: String {
      switch self {
      case .expression: return "f(x,y) = "
      case .start: return "start x,y = "
      }
    }
  }

  public var purpose: Purpose
  public var text: String
  /// Why the last submitted text was refused, shown after it.
  public var error: String?

  public init(purpose: Purpose, text: String = "", error: String? = nil) {
    self.purpose = purpose
    self.text = text
    self.error = error
  }
}
