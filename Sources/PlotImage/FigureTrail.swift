import OptimKit

/// One optimizer as a figure shows it: its path in the plane and its legend row.
public struct FigureTrail: Sendable {
  /// The legend's name, e.g. "adam".
  public var label: String
  /// Its key hyper-parameters, e.g. "lr=0.1 β=0.9,0.999".
  public var summary: String
  /// f where it is now.
  public var value: Double
  public var status: RacerStatus
  public var color: RGB
  /// Every position so far in plane coordinates, the start first.
  public var points: [Point]
  /// Hidden optimizers keep their legend row but leave the map.
  public var isVisible: Bool
  /// A second, fainter path in the same colour (ASGD's averaged point `ax`); empty for none.
  public var averagedPoints: [Point] = []

  public init(
    label: String, summary: String, value: Double, status: RacerStatus, color: RGB,
    points: [Point], isVisible: Bool = true
  ) {
    self.label = label
    self.summary = summary
    self.value = value
    self.status = status
    self.color = color
    self.points = points
    self.isVisible = isVisible
  }
}
