import Plot
import Terminal

/// The terminal as a loop's backend: ncurses screen and keyboard, the monotonic clock.
final class TerminalBackend: LoopBackend {
  let terminal: Terminal
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant

  init(_ terminal: Terminal) {
    self.terminal = terminal
    started = clock.now
  }

  var size: (width: Int, height: Int) { terminal.size }
  var elapsed: Duration { started.duration(to: clock.now) }
  var waitsForJobs: Bool { false }
  /// The map as an image over the text screen (`--graphics`); nil for text only.
  var mapImage: LiveMapImage?

  func draw(_ canvas: Canvas) {
    if let mapImage { mapImage.show(canvas, on: terminal) } else { terminal.draw(canvas) }
  }
  func nextEvent(timeout: Duration?) -> TerminalEvent { terminal.nextEvent(timeout: timeout) }
}
