import App
import OptimKit
import Plot
import PlotImage
import Terminal

/// `record --format gif` as a program of the one loop (`ProgramLoop`) over a `HeadlessBackend`:
/// frame 0 is the start, then one clock tick each, the frames a text log of the same race
/// holds; each frame is drawn as a figure into the animation, not as cells.
///
/// The trajectories (`--trace`) go through the session's recorder, as for a log.
/// Plug-in racers are stepped after each tick until they have as many steps as
/// the race, waiting for each (`PluginRacers.catchUp`), so every frame shows
/// them where a text log's frame would.
/// The screen the loop draws is left blank: the animation is the output, and
/// drawing cells nobody sees would only cost time.
struct GIFRecording {
  /// The race being recorded.
  private(set) var session: Session
  /// The plug-in racers (nil without any).
  let plugins: PluginRacers?
  let animation: GIFRecorder
  /// How many frames to record, the start included.
  let frames: Int
  /// Why the recording stopped early: a failed frame (`ImageError`) or trajectories
  /// (`--trace`) that could not be written.
  private(set) var failure: Failure?
  /// The theme, view and field of frame 0, kept for every frame (the map does not move).
  private let theme: Theme
  private let mapView: ViewBox
  private let field: FigureField
  /// Clock ticks sent so far.
  private var ticks = 0
  private let blank: Canvas

  /// Why an animation stopped early.
  enum Failure {
    case image(ImageError)
    case trace(String)
  }

  /// A recording of `session` into `animation`, `frames` frames long, with the plug-in
  /// racers `plugins` (already in the session's race); nil when the scene has no function
  /// to draw.
  init?(
    session: Session, animation: GIFRecorder, frames: Int, screen: ScreenSize,
    plugins: PluginRacers? = nil
  ) {
    self.plugins = plugins
    let first = session.model.picture
    guard let objective = first.objective else { return nil }
    self.session = session
    self.animation = animation
    self.frames = frames
    theme = session.model.theme
    mapView = first.view
    field = ImageRenderer.field(
      objective: objective, view: first.view, width: animation.size.width,
      height: animation.size.height)
    blank = Canvas(width: screen.width, height: screen.height)
  }
}

extension GIFRecording: Program {
  func message(for event: TerminalEvent) -> Void? { nil }

  var tick: Void { () }

  var tickInterval: Duration? { .seconds(1) / session.model.framesPerSecond }

  mutating func update(_ message: Void) -> [ProgramEffect<Void>] {
    guard failure == nil, ticks + 1 < frames else { return [.quit] }
    ticks += 1
    _ = session.send(.tick)
    plugins?.catchUp(&session)
    if let reason = session.recorder?.traceFailure {
      failure = .trace(reason)
      return [.quit]
    }
    return []
  }

  /// Adds the current frame to the animation.
  mutating func view(time: Double) -> Canvas {
    guard failure == nil else { return blank }
    do throws(ImageError) {
      try animation.add(
        Figure(picture: session.model.picture, theme: theme, view: mapView), field: field)
    } catch {
      failure = .image(error)
    }
    return blank
  }
}
