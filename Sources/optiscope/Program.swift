import Plot
import Terminal

/// A program the one loop (`ProgramLoop`) drives: the live race, `replay`'s player,
/// headless `record` — Elm's and Bubble Tea's shape: messages in, effects out, a view.
///
/// The program never touches a terminal, a clock or a pipe itself: the loop
/// reads events from its backend (`LoopBackend`), sends clock ticks, draws the
/// view, and carries out the effects, so one program runs the same on a
/// terminal and headless, and work outside the process (a plug-in's step, a
/// file write) comes back as a message instead of blocking the loop.
protocol Program {
  associatedtype Input

  /// The message for a backend's event (a key, a click, a resize); nil for one the program
  /// does not use. The end of input and signals are the loop's.
  func message(for event: TerminalEvent) -> Input?

  /// The message a clock tick sends.
  var tick: Input { get }

  /// The time between ticks now; nil while the program is idle (the loop then waits for an
  /// event without ticking, using no CPU).
  var tickInterval: Duration? { get }

  /// The first effects, before anything has happened (plug-in steps to ask for).
  mutating func start() -> [ProgramEffect<Input>]

  /// Acts on one message; returns what the loop should do.
  mutating func update(_ message: Input) -> [ProgramEffect<Input>]

  /// The screen now, `time` seconds after the start (by the backend's clock).
  mutating func view(time: Double) -> Canvas
}

extension Program {
  func start() -> [ProgramEffect<Input>] { [] }
}
