/// Work outside the program — a plug-in optimizer's step, a file write — whose outcome comes
/// back to the program as a message, so the loop never waits on it unless it chooses to.
///
/// The loop polls a job with the time it may wait: a live loop with what is
/// left of its frame's budget (the frame is drawn whatever has come), a
/// headless one until the outcome comes, so headless output is
/// deterministic. A job that must give up (a step timeout) answers with a
/// message saying so once its time is up; local work answers at the first poll.
struct Job<Message> {
  /// Waits at most `timeout` seconds for the outcome; nil while it has not come.
  let poll: (_ timeout: Double) -> Message?
  /// How long one headless poll waits at most (the job's own time limit).
  var patience = 1.0

  init(patience: Double = 1.0, poll: @escaping (_ timeout: Double) -> Message?) {
    self.patience = patience
    self.poll = poll
  }

  /// Local work done at once when the loop carries out the effect (writing a file).
  static func now(_ work: @escaping () -> Message) -> Job { Job { _ in work() } }
}
