import Plot
import Terminal

/// A backend in memory (ratatui's `TestBackend`): a fixed-size screen that keeps what was
/// drawn, a scripted list of events, and a clock that only moves when the loop waits.
///
/// Waiting for a tick moves the clock by exactly that wait and returns at
/// once, so a headless run takes no wall-clock time and its frame times are
/// exact; once the scripted events are used up, a wait without a timeout
/// (the program idle) is the end of input.
final class HeadlessBackend: LoopBackend {
  let size: (width: Int, height: Int)
  /// The events still to come, in order.
  private(set) var events: [TerminalEvent]
  /// The last canvas drawn.
  private(set) var screen: Canvas
  /// How many times the loop drew.
  private(set) var drawCount = 0
  private(set) var elapsed: Duration = .zero
  var waitsForJobs: Bool { true }

  init(width: Int, height: Int, events: [TerminalEvent] = []) {
    size = (width, height)
    self.events = events
    screen = Canvas(width: width, height: height)
  }

  func draw(_ canvas: Canvas) {
    screen = canvas
    drawCount += 1
  }

  func nextEvent(timeout: Duration?) -> TerminalEvent {
    if !events.isEmpty { return events.removeFirst() }
    guard let timeout else { return .endOfInput }
    elapsed += max(.zero, timeout)
    return .timeout
  }
}
