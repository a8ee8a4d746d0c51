/// How an optimizer in a race is doing.
public enum RacerStatus: String, Hashable, Sendable, CustomStringConvertible {
  /// Still moving.
  case running
  /// Barely moving at a point where the gradient is nearly zero. A display
  /// status only: a converged racer keeps stepping exactly as torch would.
  case converged
  /// x, y or f stopped being finite; the racer takes no more steps.
  case diverged

  public var description: String { rawValue }
}
