import Plot
import Terminal

/// Where a `ProgramLoop` runs: the screen it draws on, the events it reads, the clock it
/// keeps — a terminal (`TerminalBackend`) or memory (`HeadlessBackend`).
protocol LoopBackend: AnyObject {
  /// The screen's size in cells.
  var size: (width: Int, height: Int) { get }
  /// Time since the loop started, by this backend's clock.
  var elapsed: Duration { get }
  /// Whether the loop waits for every job's outcome before drawing (headless: output
  /// must not depend on how fast a plug-in answered) or polls within a frame's budget.
  var waitsForJobs: Bool { get }
  /// Shows `canvas`.
  func draw(_ canvas: Canvas)
  /// The next event, waiting at most `timeout` (nil: until one comes).
  func nextEvent(timeout: Duration?) -> TerminalEvent
}
