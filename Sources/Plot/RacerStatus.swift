/// Where an optimizer stands in the race, as the caller knows it.
///
/// Whether it is out of view is worked out by the picture itself, since only
/// the picture knows the view.
public enum RacerStatus: String, Hashable, Sendable {
  case running
  case converged
  case diverged
}
