import App
import OptimKit
import Plot
import Testing

/// Recordings of plug-in racers: the plug-in lines of a log, and `LogVerifier` rerunning a
/// plug-in to exactly the steps each frame showed, though the live race let it lag.
@Suite("Recording plug-in racers: steps per frame, failures, the rerun")
struct PluginRecordingTests {
  /// A stand-in plug-in: gradient descent at `lr`, which fails on its `failsAt`-th step.
  final class FakePlugins: PluginReplay {
    let lr: Double
    let failsAt: Int?
    init(lr: Double = 0.01, failsAt: Int? = nil) {
      self.lr = lr
      self.failsAt = failsAt
    }

    /// One step of racer `index`: moves it, or fails it on step `failsAt`.
    func step(_ index: Int, _ session: inout Session) {
      let racer = session.model.race.racers[index]
      if racer.stepCount + 1 == failsAt {
        _ = session.send(.external(.failed(racer: index, reason: "ZeroDivisionError: boom")))
        return
      }
      let next = racer.position - lr * racer.gradient
      _ = session.send(.external(.arrived(racer: index, at: next, evaluations: 1)))
    }

    func reach(_ steps: [Int], in session: inout Session) {
      let indices = session.model.race.racers.indices.filter {
        session.model.race.racers[$0].isExternal
      }
      for (index, target) in zip(indices, steps) {
        while session.model.race.racers[index].isActive,
          session.model.race.racers[index].stepCount < target
        {
          step(index, &session)
        }
      }
    }

    func edit(
      racer: Int, key: Hyperparameter, value: Double, at step: Int, in session: inout Session
    ) {}

    func fail(racer: Int, at step: Int, in session: inout Session) -> String? {
      self.step(racer, &session)
      return session.model.race.racers[racer].external?.failure == nil ? "did not fail" : nil
    }

    func afterInput(before: Race, in session: inout Session) {}
  }

  static let size = ScreenSize(width: 90, height: 26)

  /// A live race of adam and a plug-in that lags: it answers only every third frame, then
  /// catches up; it fails on `failsAt`. Returns the log.
  static func liveLog(failsAt: Int? = nil) throws -> String {
    let scene = try SceneOptions(function: "himmelblau", optimizers: ["adam:lr=0.1"]).scene()
    var session = Session(scene: scene, size: size, colorDepth: .none)
    let index = session.addExternalRacer(
      label: "Fake", ExternalOptimizer(name: "fake.py:Fake"), spec: "fake.py:Fake:lr=0.01")
    let sink = MemorySink()
    let started = session.startRecording(
      Recorder(file: "test.log", format: .text, sink: sink), time: 0, timestamp: 0)
    #expect(started)
    let plugin = FakePlugins(failsAt: failsAt)
    var noted = session.pluginSteps
    for frame in 1...24 {
      _ = session.send(.tick)
      if frame % 3 == 0 {
        let before = session.model.race.racers[index]
        plugin.reach([session.model.race.stepCount], in: &session)
        if before.isActive, session.model.race.racers[index].external?.failure != nil {
          session.noteExternal(
            .pluginFailed(racer: index, step: session.model.race.racers[index].stepCount))
        }
      }
      if session.pluginSteps != noted {
        noted = session.pluginSteps
        session.noteExternal(.pluginSteps(noted))
      }
      _ = session.frame(time: Double(frame) / 20)
    }
    _ = session.stopRecording()
    return sink.text
  }

  @Test("the header names the plug-in and the log says which steps each frame showed")
  func logLines() throws {
    let text = try Self.liveLog()
    #expect(text.contains("\nplugin = fake.py:Fake:lr=0.01\n"))
    let log = try RecordingLog(parsing: text, name: "test.log")
    let steps = log.events.compactMap { event -> [Int]? in
      if case .pluginSteps(let steps) = event { return steps }
      return nil
    }
    // The plug-in caught up every third frame, to the race's step.
    #expect(steps == (1...8).map { [$0 * 3] })
    #expect(log.header.plugins == ["fake.py:Fake:lr=0.01"])
  }

  @Test("plug-in lines read back as written")
  func pluginLinesRoundTrip() throws {
    let events: [LogEvent] = [
      .pluginSteps([3, 0, 12]), .pluginEdit(racer: 2, key: .learningRate, value: 0.0141, step: 9),
      .pluginFailed(racer: 1, step: 4),
    ]
    let text =
      RecordingLog.headerText(SceneFile(size: ScreenSize(width: 4, height: 1)))
      + events.map(\.text).joined()
    #expect(try RecordingLog(parsing: text, name: "x").events == events)
    #expect(
      events.map(\.text).joined() == """
        @ plug-in steps 3 0 12
        @ plug-in edit 2 lr=0.0141 at 9
        @ plug-in failed 1 at 4

        """)
    #expect(throws: RecordingLog.Problem.self) {
      try RecordingLog(
        parsing: RecordingLog.headerText(SceneFile(size: ScreenSize(width: 4, height: 1)))
          + "@ plug-in steps 3 x\n", name: "x")
    }
  }

  @Test("verify reruns the plug-in to the logged steps: the lagging live race verifies")
  func rerunVerifies() throws {
    let log = try RecordingLog(parsing: try Self.liveLog(), name: "test.log")
    let outcome = try LogVerifier.verify(log, plugins: { session in
      session.addExternalRacer(label: "Fake", ExternalOptimizer(name: "fake.py:Fake"))
      return FakePlugins()
    })
    #expect(outcome == .identical(frames: 25))
  }

  @Test("a rerun that steps differently, or a failure it does not repeat, is a mismatch")
  func differentRerunMismatches() throws {
    let log = try RecordingLog(parsing: try Self.liveLog(failsAt: 10), name: "test.log")
    #expect(log.events.contains(.pluginFailed(racer: 1, step: 9)))
    let rerun = { (plugin: FakePlugins) in
      try LogVerifier.verify(log, plugins: { session in
        session.addExternalRacer(label: "Fake", ExternalOptimizer(name: "fake.py:Fake"))
        return plugin
      })
    }
    #expect(try rerun(FakePlugins(failsAt: 10)) == .identical(frames: 25))
    guard case .mismatch(let other) = try rerun(FakePlugins(lr: 0.02, failsAt: 10)) else {
      Issue.record("another learning rate verified")
      return
    }
    #expect(other.summary.hasPrefix("frame 3 (step 3), row"))
    guard case .mismatch(let unrepeated) = try rerun(FakePlugins()) else {
      Issue.record("a failure the rerun did not repeat verified")
      return
    }
    #expect(unrepeated.summary == "did not fail")
    // Without a way to rerun plug-ins, the log is refused rather than half checked.
    #expect(throws: SceneOptions.Problem.self) { try LogVerifier.verify(log) }
  }
}
