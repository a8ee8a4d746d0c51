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
  ///
  /// A copy when the drawing shares a race's trail (`init(label:styleIndex:waypoints:)`):
  /// the drawing code reads the shared waypoints in place (`pathCount`, `pathPoint`).
  public var trail: [Point] {
    get { shared.map { Self.gathered($0, \.position) } ?? ownTrail }
    set {
      unshare()
      ownTrail = newValue
    }
  }
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
  public var lossHistory: [Double] {
    get { shared.map { Self.gathered($0, \.value) } ?? ownLossHistory }
    set {
      unshare()
      ownLossHistory = newValue
    }
  }
  /// The step of each `lossHistory` entry, when the history is thinned (a long race
  /// keeps fewer points than steps); empty: entry i is step i.
  public var lossSteps: [Int] {
    get { shared.map { Self.gathered($0, \.step) } ?? ownLossSteps }
    set {
      unshare()
      ownLossSteps = newValue
    }
  }
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
    self.ownTrail = trail
    self.trailAppendedCount = trailAppendedCount ?? trail.count
    self.status = status
    self.hyperparameterSummary = hyperparameterSummary
    self.step = step
    self.value = value
    self.gradientNorm = gradientNorm
    self.ownLossHistory = lossHistory
    self.isVisible = isVisible
    self.isSelected = isSelected
    self.learningRate = learningRate
    self.scheduleName = scheduleName
  }

  /// A drawing whose trail, loss history and steps are a race's trail's waypoints, shared
  /// rather than copied: with eleven trails of thousands of waypoints, copying them into
  /// the picture was a good part of every frame (issue 17).
  public init(
    label: String, styleIndex: Int, waypoints: Trail, status: RacerStatus = .running,
    hyperparameterSummary: String = "", step: Int = 0, value: Double = .nan,
    gradientNorm: Double = .nan, isVisible: Bool = true, isSelected: Bool = false,
    learningRate: Double? = nil, scheduleName: String? = nil
  ) {
    self.init(
      label: label, styleIndex: styleIndex, trail: [], status: status,
      hyperparameterSummary: hyperparameterSummary, step: step, value: value,
      gradientNorm: gradientNorm, isVisible: isVisible, isSelected: isSelected,
      learningRate: learningRate, scheduleName: scheduleName,
      trailAppendedCount: waypoints.appendedCount)
    let parts = waypoints.storedParts
    shared = (parts.older, parts.newer)
  }

  /// The trail's points when set on their own (`trail`), not shared.
  private var ownTrail: [Point]
  private var ownLossHistory: [Double]
  private var ownLossSteps: [Int] = []
  /// A race trail's waypoints, in the two arrays it keeps them in (`Trail.storedParts`),
  /// shared: the trail, the loss history and its steps all at once. Nil once any of
  /// those is set on its own.
  private var shared: (older: [Waypoint], newer: [Waypoint])?

  /// Turns shared waypoints into the drawing's own arrays, before one of them is set.
  private mutating func unshare() {
    guard let parts = shared else { return }
    ownTrail = Self.gathered(parts, \.position)
    ownLossHistory = Self.gathered(parts, \.value)
    ownLossSteps = Self.gathered(parts, \.step)
    shared = nil
  }

  private static func gathered<Part>(
    _ parts: (older: [Waypoint], newer: [Waypoint]), _ part: (Waypoint) -> Part
  ) -> [Part] {
    var result: [Part] = []
    result.reserveCapacity(parts.older.count + parts.newer.count)
    for waypoint in parts.older { result.append(part(waypoint)) }
    for waypoint in parts.newer { result.append(part(waypoint)) }
    return result
  }

  /// Whether the trail and loss history are a race trail's waypoints, shared.
  var sharesWaypoints: Bool { shared != nil }

  /// The shared waypoints' arrays, nil when not shared (for tests).
  var sharedParts: (older: [Waypoint], newer: [Waypoint])? { shared }

  /// How many points the trail has (`trail.count`, without copying it).
  var pathCount: Int {
    if let shared { return shared.older.count + shared.newer.count }
    return ownTrail.count
  }

  /// The trail's point at `index` (`trail[index]`, without copying it).
  @inline(__always)
  func pathPoint(_ index: Int) -> Point {
    if let shared {
      return index < shared.older.count
        ? shared.older[index].position : shared.newer[index - shared.older.count].position
    }
    return ownTrail[index]
  }

  /// How many entries the loss history has (`lossHistory.count`, without copying it).
  var lossCount: Int {
    if let shared { return shared.older.count + shared.newer.count }
    return ownLossHistory.count
  }

  /// Whether every loss entry has its own step (`lossSteps` as long as the history).
  var hasLossSteps: Bool { shared != nil || ownLossSteps.count == ownLossHistory.count }

  /// Calls `body` with each loss entry's index, step (its own when `hasLossSteps`, else
  /// the index) and f, oldest first, reading shared waypoints in place.
  @inline(__always)
  func forEachLoss(_ body: (_ index: Int, _ step: Int, _ value: Double) -> Void) {
    if let shared {
      var index = 0
      for waypoint in shared.older {
        body(index, waypoint.step, waypoint.value)
        index += 1
      }
      for waypoint in shared.newer {
        body(index, waypoint.step, waypoint.value)
        index += 1
      }
      return
    }
    let hasSteps = ownLossSteps.count == ownLossHistory.count
    for (index, value) in ownLossHistory.enumerated() {
      body(index, hasSteps ? ownLossSteps[index] : index, value)
    }
  }

  /// Calls `body` with the trail and loss history read in place (`TrailEntries`): the
  /// same points and entries as `pathPoint(_:)` and `loss(_:)` give, without retaining
  /// the arrays at each of them.
  func withTrailEntries<Result>(_ body: (TrailEntries) -> Result) -> Result {
    if let shared {
      return shared.older.withUnsafeBufferPointer { older in
        shared.newer.withUnsafeBufferPointer { newer in
          body(
            TrailEntries(
              older: older, newer: newer, points: .init(start: nil, count: 0),
              values: .init(start: nil, count: 0), steps: .init(start: nil, count: 0),
              isShared: true))
        }
      }
    }
    return ownTrail.withUnsafeBufferPointer { points in
      ownLossHistory.withUnsafeBufferPointer { values in
        ownLossSteps.withUnsafeBufferPointer { steps in
          body(
            TrailEntries(
              older: .init(start: nil, count: 0), newer: .init(start: nil, count: 0),
              points: points, values: values, steps: steps, isShared: false))
        }
      }
    }
  }

  /// The loss entry at `index`: its step (as `forEachLoss` gives it) and f.
  @inline(__always)
  func loss(_ index: Int) -> (step: Int, value: Double) {
    if let shared {
      let waypoint =
        index < shared.older.count ? shared.older[index] : shared.newer[index - shared.older.count]
      return (waypoint.step, waypoint.value)
    }
    return (
      ownLossSteps.count == ownLossHistory.count ? ownLossSteps[index] : index,
      ownLossHistory[index]
    )
  }

  /// The legend's step count: "12", or "12·57ev" when the evaluations differ from the steps.
  public var stepText: String {
    guard let evaluations, evaluations != step else { return String(step) }
    return "\(step)·\(evaluations)ev"
  }

  /// The current position: the trail's last point.
  public var position: Point? {
    let count = pathCount
    return count > 0 ? pathPoint(count - 1) : nil
  }

  /// The last position with finite coordinates (where a diverged optimizer was last seen).
  public var lastFinitePosition: Point? {
    var index = pathCount - 1
    while index >= 0 {
      let point = pathPoint(index)
      if point.isFinite { return point }
      index -= 1
    }
    return nil
  }

  /// Whether it is shown as out of view: running or converged, with its position outside.
  public func isOutOfView(_ view: ViewBox) -> Bool {
    guard status != .diverged, let position else { return false }
    return !(position.isFinite && view.contains(position))
  }
}
