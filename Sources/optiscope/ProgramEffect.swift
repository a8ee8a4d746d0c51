/// Something a program asks its loop to do (Bubble Tea's `Cmd`).
enum ProgramEffect<Message> {
  /// Leave the loop.
  case quit
  /// Count the next tick from now, not from the last one (a key that changes the pace).
  case restartClock
  /// Work outside the program, whose outcome comes back as a message.
  case run(Job<Message>)
}
