import OptimKit

/// What the picture needs to know about one optimizer.
///
/// A plain description filled in by the caller (the race glue in App), so
/// the drawing code does not depend on how races are run.
public struct RacerDrawing: Sendable {
  /// The name shown in the legend, e.g. "Adam".
  public var label: String
  /// Which theme style (colour + glyph) it uses.
  public var styleIndex: Int
  /// Every position so far, the start first.
  public var trail: [Point]
  /// A second, fainter trail in the same colour (ASGD's averaged point `ax`); empty for none.
  public var averagedTrail: [Point] = []
  /// How many points were ever added to the trail (`Trail.appendedCount`): more than
  /// `trail.count` once old points have been thinned away.
  public var trailAppendedCount: Int
  public var status: RacerStatus
  /// Its key hyper-parameters, e.g. "lr=0.01 β=(0.9, 0.999)".
  public var hyperparameterSummary: String
  /// Steps taken.
  public var step: Int
  /// Evaluations of f and ∇f so far, when they differ from the steps (LBFGS's closure calls);
  /// nil for one evaluation per step, where the legend shows steps only.
  public var evaluations: Int?
  /// f at the current position.
  public var value: Double
  /// |∇f| at the current position.
  public var gradientNorm: Double
  /// f after each step (index 0 = at the start), for the loss panel.
  public var lossHistory: [Double]
  /// The step of each `lossHistory` entry, when the history is thinned (a long race
  /// keeps fewer points than steps); empty: entry i is step i.
  public var lossSteps: [Int] = []
  /// Hidden optimizers keep their legend row (dimmed) but leave the map.
  public var isVisible: Bool
  /// The optimizer the user is steering; its legend row is highlighted.
  public var isSelected: Bool
  /// The learning rate the next step uses (after any schedule), for the legend's lr column;
  /// nil when not known.
  public var learningRate: Double?
  /// The learning-rate schedule's name ("cosine"), or nil for none.
  public var scheduleName: String?
  /// Why a plug-in racer stopped ("ZeroDivisionError: boom"), shown as its status; nil
  /// for a racer that has not failed.
  public var failure: String?

  public init(
    label: String, styleIndex: Int, trail: [Point], status: RacerStatus = .running,
    hyperparameterSummary: String = "", step: Int = 0, value: Double = .nan,
    gradientNorm: Double = .nan, lossHistory: [Double] = [], isVisible: Bool = true,
    isSelected: Bool = false, learningRate: Double? = nil, scheduleName: String? = nil,
    trailAppendedCount: Int? = nil
  ) {
    self.label = label
    self.styleIndex = styleIndex
    self.trail = trail
    self.trailAppendedCount = trailAppendedCount ?? trail.count
    self.status = status
    self.hyperparameterSummary = hyperparameterSummary
    self.step = step
    self.value = value
    self.gradientNorm = gradientNorm
    self.lossHistory = lossHistory
    self.isVisible = isVisible
    self.isSelected = isSelected
    self.learningRate = learningRate
    self.scheduleName = scheduleName
  }

  /// The legend's step count: "12", or "12·57ev" when the evaluations differ from the steps.
  public var stepText: String {
    guard let evaluations, evaluations != step else { return String(step) }
    return "\(step)·\(evaluations)ev"
  }

  /// The current position: the trail's last point.
  public var position: Point? { trail.last }

  /// The last position with finite coordinates (where a diverged optimizer was last seen).
  public var lastFinitePosition: Point? { trail.last(where: \.isFinite) }

  /// Whether it is shown as out of view: running or converged, with its position outside.
  public func isOutOfView(_ view: ViewBox) -> Bool {
    guard status != .diverged, let position else { return false }
    return !(position.isFinite && view.contains(position))
  }
}
