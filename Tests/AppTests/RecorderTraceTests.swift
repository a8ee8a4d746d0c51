import App
import OptimKit
import Plot
import Testing

/// The trajectories (`--trace`) are one more sink of the recorder: rows of every step the
/// race takes, step 0 again on a restart, and a failure of their own.
@Suite("Recorder: the trajectories beside the log")
struct RecorderTraceTests {
  /// Three optimizers with noise, 5 steps a frame: a frame's rows are its steps taken again.
  static func scene() throws -> Scene {
    try SceneOptions(
      function: "himmelblau", optimizers: ["adam:lr=0.1", "sgd:lr=0.01", "momentum:lr=0.01"],
      stepsPerFrame: 5, noise: "0.3", seed: "7"
    ).scene()
  }

  /// A session recording a text log into `log` and the trajectories into `trace`.
  static func recording(log: MemorySink, trace: MemorySink) throws -> Session {
    var session = Session(scene: try scene(), size: RecordingTests.size)
    let recorder = Recorder(
      file: "test.log", format: .text, sink: log, trace: (file: "test.csv", sink: trace))
    let started = session.startRecording(recorder, time: 0, timestamp: 0)
    #expect(started)
    return session
  }

  /// The CSV of `race` from its start through `steps` steps, worked out here row by row.
  static func expected(_ race: Race, steps: Int) -> String {
    var race = race
    var text = "optimizer,step,x,y,f,status\n"
    func row(_ racer: Racer) -> String {
      let status = racer.status == .diverged ? "diverged" : "running"
      let sample = racer.current
      return
        "\(racer.label),\(sample.step),\(sample.position.x),\(sample.position.y),\(sample.value),\(status)\n"
    }
    for racer in race.racers { text += row(racer) }
    for _ in 0..<steps {
      let active = race.racers.map(\.isActive)
      race.step()
      for (index, racer) in race.racers.enumerated() where active[index] { text += row(racer) }
    }
    return text
  }

  @Test("every step of every tick is a row, in the columns of optiscope trace")
  func ticksWriteEveryStep() throws {
    let log = MemorySink()
    let trace = MemorySink()
    var session = try Self.recording(log: log, trace: trace)
    let start = session.model.race
    _ = RecordingTests.play([.tick, .tick, .tick], on: &session)
    let steps = session.model.race.stepCount
    #expect(steps == 15)
    #expect(trace.text == Self.expected(start, steps: steps))
    // Each message's rows go out in one write: the header and start, then one per tick.
    #expect(trace.writes.count == 4)
    #expect(session.recorder?.isTracing == true)
    session.stopRecording()
    #expect(trace.isClosed && log.isClosed)
  }

  @Test("a restart (r) writes step 0 of every optimizer again")
  func restartWritesTheStartAgain() throws {
    let trace = MemorySink()
    var session = try Self.recording(log: MemorySink(), trace: trace)
    let start = session.model.race
    _ = RecordingTests.play([.tick, Fixture.key("r"), .tick], on: &session)
    let perTick = session.model.race.stepCount
    let once = Self.expected(start, steps: perTick)
    let again = once.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
      .joined(separator: "\n")
    #expect(trace.text == once + again)
  }

  @Test("a failed write stops the trajectories only; a failed log stops both")
  func failuresStopTheirSinks() throws {
    let log = MemorySink()
    let trace = MemorySink(failsAfter: 1)
    var session = try Self.recording(log: log, trace: trace)
    _ = RecordingTests.play([.tick, .tick], on: &session)
    #expect(session.recorder?.traceFailure == "No space left on device")
    #expect(session.recorder?.isTracing == false)
    #expect(trace.isClosed)
    #expect(trace.writes.count == 1)
    #expect(session.recorder?.frameCount == 3)

    let fullLog = MemorySink(failsAfter: 2)
    let alongside = MemorySink()
    var failing = try Self.recording(log: fullLog, trace: alongside)
    _ = RecordingTests.play([.tick, .tick, .tick], on: &failing)
    #expect(failing.recorder == nil)
    #expect(failing.recordingFailure?.framesKept == 1)
    #expect(alongside.isClosed)
    #expect(alongside.writes.count == 2)
  }

  @Test("a recorder of the trajectories alone writes no frames (record --format gif)")
  func trajectoriesAlone() throws {
    let trace = MemorySink()
    var session = Session(scene: try Self.scene(), size: RecordingTests.size)
    let start = session.model.race
    let started = session.startRecording(
      Recorder(trajectoriesTo: "test.csv", sink: trace), time: 0, timestamp: 0,
      showsIndicator: false)
    #expect(started)
    _ = RecordingTests.play([.tick, .tick], on: &session)
    #expect(session.recorder?.frameCount == 0)
    #expect(trace.text == Self.expected(start, steps: session.model.race.stepCount))
  }
}
