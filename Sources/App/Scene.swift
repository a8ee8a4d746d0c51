import OptimKit
import Plot

/// Everything needed to set up a race on screen: function, start, optimizers, view, layout, pace,
/// noise, and the panels shown.
///
/// Built from the command line or a scene file (`SceneFile`) and turned into the
/// first `Model`; kept separate from the model so it can be written down and
/// reproduced.
public struct Scene: Sendable {
  public var function: FunctionChoice
  public var start: Point
  public var specs: [OptimizerSpec]
  public var view: ViewBox
  public var layout: PictureLayout
  /// Frames per second while running.
  public var framesPerSecond: Int
  /// Optimizer steps taken per frame.
  public var stepsPerFrame: Int
  /// One label per spec (a sweep's `adam lr=0.001`), or nil for the optimizers' names.
  public var labels: [String]?
  /// Gradient noise, the same stream for every optimizer.
  public var noise: GradientNoise
  /// The panels and overlays shown from the start (the `L`, `i` and `a` keys).
  public var showsLeaderboard: Bool
  public var showsInspector: Bool
  public var showsBasins: Bool
  /// Which optimizer the keys, the inspector and the basins act on.
  public var selection: Selection

  public init(
    function: FunctionChoice, start: Point? = nil, specs: [OptimizerSpec], view: ViewBox? = nil,
    layout: PictureLayout = .overlay, framesPerSecond: Int = 20, stepsPerFrame: Int = 1,
    labels: [String]? = nil, noise: GradientNoise = .none, showsLeaderboard: Bool = false,
    showsInspector: Bool = false, showsBasins: Bool = false, selection: Selection = .all
  ) {
    // duplicates: a public memberwise init other modules call (like RacerDrawing's).
    self.function = function
    self.start = start ?? function.start
    self.specs = specs
    self.view = view ?? function.view
    self.layout = layout
    self.framesPerSecond = framesPerSecond
    self.stepsPerFrame = stepsPerFrame
    self.labels = labels
    self.noise = noise
    self.showsLeaderboard = showsLeaderboard
    self.showsInspector = showsInspector
    self.showsBasins = showsBasins
    self.selection = selection
  }
}
