import OptimKit

/// What the inspector shows for one optimizer: its state as a panel, and two arrows on the map.
///
/// The arrows start at the optimizer's position: −∇f (where plain gradient
/// descent would go) and the update it actually took, so momentum and
/// per-coordinate scaling show as the angle between them.
public struct InspectorDrawing: Sendable {
  /// The inspected racer's index in the picture.
  public var racerIndex: Int
  public var label: String
  /// The racer's position, gradient, last update and optimizer state.
  public var inspection: RacerInspection
  /// The learning-rate schedule's name, or nil for none.
  public var scheduleName: String?
  /// For a plug-in racer, the rows shown instead of lr, effective step and momentum (which
  /// optiscope cannot know): its state by the plug-in's names and what it printed, escaped.
  public var pluginRows: [(label: String, value: String)]?

  public init(
    racerIndex: Int, label: String, inspection: RacerInspection, scheduleName: String? = nil
  ) {
    self.racerIndex = racerIndex
    self.label = label
    self.inspection = inspection
    self.scheduleName = scheduleName
  }

  /// The arrows to draw on the map, in the colours the panel labels them with.
  func arrows(theme: Theme) -> [MapArrow] {
    [
      MapArrow(
        origin: inspection.position, direction: -1 * inspection.gradient, color: theme.warning),
      MapArrow(origin: inspection.position, direction: inspection.lastUpdate, color: theme.heading),
    ]
  }
}
