import Plot
import Terminal

/// The one run loop: event → message → program → effects → view → screen, for every
/// program (`Program`) over every backend (`LoopBackend`).
///
/// The loop keeps time — ticks at the program's pace while it is busy, and
/// blocks (no CPU) while it is idle — reads everything that has arrived before
/// the next frame is drawn, and carries out the effects: quitting, and jobs
/// (work outside the program), whose outcomes it delivers as messages. A live
/// loop gives jobs a small part of each frame (`jobBudget`) and draws whatever
/// has come by then; a headless one waits for every outcome, so what it
/// draws does not depend on how fast the outside world answered.
enum ProgramLoop {
  /// Why the loop ended.
  enum End: Equatable {
    /// The program asked to quit.
    case quit
    /// The input ended (a closed stdin; a headless backend's script used up while idle).
    case endOfInput
    /// A signal (its number) arrived.
    case signal(Int32)
  }

  /// The most waiting events read before a frame is drawn: a long paste still shows
  /// progress, and a key after it (Esc, Ctrl-C) is read within a frame or two.
  static let eventsPerFrame = 4096

  /// Seconds of each frame a live loop spends waiting for jobs, all together.
  static let jobBudget = 0.008

  /// Runs `program` on `backend` until it quits, the input ends or a signal comes.
  static func run<P: Program>(_ program: inout P, on backend: some LoopBackend) -> End {
    var jobs: [Job<P.Input>] = []
    var interval = program.tickInterval ?? .seconds(1)
    var nextTick = backend.elapsed + interval

    /// Carries out `effects`; true when one of them is `.quit`.
    func carry(_ effects: [ProgramEffect<P.Input>]) -> Bool {
      for effect in effects {
        switch effect {
        case .quit: return true
        case .restartClock: nextTick = backend.elapsed + (program.tickInterval ?? interval)
        case .run(let job): jobs.append(job)
        }
      }
      return false
    }

    /// Delivers the outcomes of jobs: within the frame's budget, or all of them when the
    /// backend waits; true when the program quit meanwhile.
    func pollJobs() -> Bool {
      let waits = backend.waitsForJobs
      let deadline = seconds(backend.elapsed) + jobBudget
      while !jobs.isEmpty {
        var answered = false
        var index = 0
        while index < jobs.count {
          let job = jobs[index]
          let left = waits ? job.patience : max(0, deadline - seconds(backend.elapsed))
          guard let message = job.poll(left) else {
            index += 1
            continue
          }
          jobs.remove(at: index)
          answered = true
          if carry(program.update(message)) { return true }
        }
        if !waits, !answered || seconds(backend.elapsed) >= deadline { break }
      }
      return false
    }

    if carry(program.start()) || pollJobs() { return .quit }
    var screen = program.view(time: seconds(backend.elapsed))
    while true {
      backend.draw(screen)
      let pace = program.tickInterval
      if let pace { interval = pace }
      let timeout = pace.map { _ in max(.zero, nextTick - backend.elapsed) }
      var messages: [P.Input] = []
      // Everything that has arrived is read before the next frame is drawn, so a
      // paste of thousands of keys costs thousands of updates, not of frames.
      var event = backend.nextEvent(timeout: timeout)
      while true {
        switch event {
        case .signal(let number): return .signal(number)
        case .endOfInput: return .endOfInput
        case .timeout: break
        default: if let message = program.message(for: event) { messages.append(message) }
        }
        guard event != .timeout, messages.count < Self.eventsPerFrame else { break }
        event = backend.nextEvent(timeout: .zero)
      }
      let now = backend.elapsed
      if pace == nil {
        nextTick = now + interval
      } else if now >= nextTick {
        messages.append(program.tick)
        // Never try to catch up on missed frames: a slow frame just slows the program.
        nextTick = max(nextTick + interval, now)
      }
      guard !messages.isEmpty else { continue }
      for message in messages where carry(program.update(message)) { return .quit }
      if pollJobs() { return .quit }
      screen = program.view(time: seconds(backend.elapsed))
    }
  }

  /// A duration in seconds.
  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }
}
