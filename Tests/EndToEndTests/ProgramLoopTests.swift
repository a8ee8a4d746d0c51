import App
import Plot
import Terminal
import Testing

@testable import optiscope

/// The one loop on a headless backend: scripted events, a clock that moves only when the loop
/// waits, jobs whose outcomes come back as messages.
@Suite("ProgramLoop on a headless backend")
struct ProgramLoopTests {
  /// A log of three frames of two rows on a 6×2 screen, at 10 frames a second.
  static func log() throws -> RecordingLog {
    let header = RecordingLog.headerText(
      SceneFile(options: SceneOptions(framesPerSecond: 10), size: ScreenSize(width: 6, height: 2)))
    let frames = (0..<3).map { "--- frame \($0) step \($0)\nframe\($0)\nrow \($0) \n" }
    return try RecordingLog(parsing: header + frames.joined(), name: "test.log")
  }

  /// The player's line on a 100-column screen, for frame `number` in `state`.
  static func statusLine(_ number: Int, _ state: String) -> String {
    let line =
      " frame \(number) (\(number + 1)/3) · step \(number) · \(state) · 1× · "
      + "space pause  ←/→ step  +/- speed  q quit"
    return line + String(repeating: " ", count: 100 - line.count)
  }

  @Test("replay plays every frame at the recording's rate, then waits: the end of the script")
  func replayPlaysToTheEnd() throws {
    var player = ReplayPlayer(log: try Self.log(), speed: 1, size: (100, 3))
    let backend = HeadlessBackend(width: 100, height: 3)
    #expect(ProgramLoop.run(&player, on: backend) == .endOfInput)
    #expect(
      backend.screen.lines
        == [
          "frame2" + String(repeating: " ", count: 94),
          "row 2 " + String(repeating: " ", count: 94),
          Self.statusLine(2, "end"),
        ])
    // Two ticks of a tenth of a second each, and no time spent at the end.
    #expect(backend.elapsed == .milliseconds(200))
    #expect(backend.drawCount == 3)
  }

  @Test("render is a one-screen program: the race runs at the start, one screen, a tick quits")
  func renderDrawsOneScreen() throws {
    let scene = try SceneOptions(
      function: "himmelblau", optimizers: ["adam:lr=0.1", "sgd:lr=0.01"]
    ).scene()
    let model = Model(scene: scene, width: 60, height: 20, colorDepth: .none)
    var run = RenderRun(model: model, steps: 250, plugins: [], drawsScreen: true)
    let backend = HeadlessBackend(width: 60, height: 20)
    #expect(ProgramLoop.run(&run, on: backend) == .quit)
    var advanced = model
    _ = update(&advanced, .advance(steps: 250))
    #expect(run.model.race.stepCount == 250)
    #expect(backend.screen == App.view(advanced))
    #expect(backend.drawCount == 1)

    // For an image the model is drawn as a figure: no cells are drawn.
    var imageRun = RenderRun(model: model, steps: 250, plugins: [], drawsScreen: false)
    let imageBackend = HeadlessBackend(width: 60, height: 20)
    #expect(ProgramLoop.run(&imageRun, on: imageBackend) == .quit)
    #expect(imageRun.model.race.stepCount == 250)
    #expect(imageBackend.screen == Canvas(width: 0, height: 0))
  }

  @Test("replay's keys arrive as messages: space pauses at frame 0, '.' steps, q quits")
  func replayKeys() throws {
    var paused = ReplayPlayer(log: try Self.log(), speed: 1, size: (100, 3))
    let pausing = HeadlessBackend(
      width: 100, height: 3, events: [.character(" "), .character(".")])
    #expect(ProgramLoop.run(&paused, on: pausing) == .endOfInput)
    #expect(pausing.screen.lines.last == Self.statusLine(1, "paused"))
    #expect(pausing.elapsed == .zero)

    var quitting = ReplayPlayer(log: try Self.log(), speed: 1, size: (100, 3))
    let quits = HeadlessBackend(width: 100, height: 3, events: [.character("q")])
    #expect(ProgramLoop.run(&quitting, on: quits) == .quit)
    #expect(quits.screen.lines.last == Self.statusLine(0, "playing"))
  }

  /// A program that asks for outside work on every tick: a job that answers only at its
  /// third poll, with the tick's number; it quits after three answers.
  struct Counter: Program {
    var answers: [Int] = []
    var ticks = 0
    var polls = 0
    enum Input { case tick, answer(Int) }
    func message(for event: TerminalEvent) -> Input? { nil }
    var tick: Input { .tick }
    var tickInterval: Duration? { .milliseconds(50) }
    mutating func update(_ message: Input) -> [ProgramEffect<Input>] {
      switch message {
      case .tick:
        ticks += 1
        let number = ticks
        var polled = 0
        return [
          .run(
            Job { _ in
              polled += 1
              return polled == 3 ? .answer(number) : nil
            })
        ]
      case .answer(let number):
        answers.append(number)
        return answers.count == 3 ? [.quit] : []
      }
    }
    mutating func view(time: Double) -> Canvas {
      var canvas = Canvas(width: 8, height: 1)
      canvas.write("\(ticks)/\(answers.count)", x: 0, y: 0)
      return canvas
    }
  }

  @Test("a headless loop waits for every job before it draws: each tick's answer is in its frame")
  func headlessWaitsForJobs() {
    var program = Counter()
    let backend = HeadlessBackend(width: 8, height: 1)
    #expect(ProgramLoop.run(&program, on: backend) == .quit)
    #expect(program.answers == [1, 2, 3])
    #expect(backend.screen.lines == ["2/2     "])
    #expect(backend.elapsed == .milliseconds(150))
  }
}
