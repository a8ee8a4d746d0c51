import OptimKit
import Plot

/// Everything needed to set up a race on screen: function, start, optimizers, view, layout, pace.
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
  /// Gradient noise added to every racer's gradient (σ and seed); none by default.
  public var noise: GradientNoise

  public init(
    function: FunctionChoice, start: Point? = nil, specs: [OptimizerSpec], view: ViewBox? = nil,
    layout: PictureLayout = .overlay, framesPerSecond: Int = 20, stepsPerFrame: Int = 1,
    noise: GradientNoise = .none
  ) {
    self.function = function
    self.start = start ?? function.start
    self.specs = specs
    self.view = view ?? function.view
    self.layout = layout
    self.framesPerSecond = framesPerSecond
    self.stepsPerFrame = stepsPerFrame
    self.noise = noise
  }
}
