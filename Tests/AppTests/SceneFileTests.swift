import App
import OptimKit
import Plot
import Testing

@Suite("Scene files")
struct SceneFileTests {
  /// The parts of a scene that decide the race and the picture, in comparable form.
  static func summary(_ scene: Scene) -> [String] {
    [
      scene.function.name, "\(scene.function.catalogIndex ?? -1)",
      "\(scene.start.x),\(scene.start.y)", scene.specs.map(\.description).joined(separator: " "),
      "\(scene.view)", scene.layout.rawValue, "\(scene.framesPerSecond)",
      "\(scene.stepsPerFrame)", "\(scene.noise)",
    ]
  }

  @Test(
    "a scene written out parses back to the same scene",
    arguments: [
      SceneOptions(function: "himmelblau", optimizers: ["adam:lr=0.1", "sgd:lr=0.01"]),
      SceneOptions(
        expression: "(x-3)^2 + 8*(y-5)^4 + sqrt(x) + sin(x*y)", start: "5,-2",
        optimizers: ["sgd:lr=2e-4", "rmsprop:lr=0.1,alpha=0.9,eps=1e-6"], view: "0,10,-5,10",
        layout: "split", framesPerSecond: 7, stepsPerFrame: 3, noise: "0.25", seed: "42"),
      SceneOptions(),
      SceneOptions(
        function: "rosenbrock", start: "-1.2345678901234567,2.0000000000000004",
        optimizers: ["adam:lr=0.1,schedule=cosine,T=200", "nesterov:lr=0.0005"],
        view: "-2.5,2.25,-1,3.1"),
    ])
  func roundTrip(options: SceneOptions) throws {
    let scene = try options.scene()
    let file = SceneFile(
      scene: scene, size: ScreenSize(width: 99, height: 33), steps: 250, theme: "default",
      usesASCII: true)
    let parsed = try SceneFile(parsing: file.text, name: "scene.txt")
    #expect(Self.summary(try parsed.options.scene()) == Self.summary(scene))
    #expect(parsed.size == ScreenSize(width: 99, height: 33))
    #expect(parsed.steps == 250)
    #expect(parsed.theme == "default")
    #expect(parsed.usesASCII == true)
    #expect(parsed.text == file.text)
  }

  @Test("comments, blank lines, spaces and CRLF line ends are accepted")
  func lenientLayout() throws {
    let text =
      "# a comment\r\n\r\n  function =  himmelblau  \r\noptimizer=adam:lr=0.1\r\n"
      + "   # indented comment\r\nstart = (1, 2)\r\nsteps-per-frame = 2"
    let scene = try SceneFile(parsing: text, name: "x").options.scene()
    #expect(scene.function.name == "himmelblau")
    #expect(scene.start == Point(x: 1, y: 2))
    #expect(scene.specs.map(\.description) == ["adam:lr=0.1"])
    #expect(scene.stepsPerFrame == 2)
  }

  @Test(
    "bad lines are refused with the file name and line number",
    arguments: [
      ("function = himmelblau\nfoo = 1\n", "s.txt line 2: unknown key 'foo'"),
      ("view = 1,2,3\n", "s.txt line 1: bad view '1,2,3'"),
      ("\n\nfunction = nowhere\n", "s.txt line 3: unknown function 'nowhere'"),
      ("fps = 20\nfps = 30\n", "s.txt line 2: fps is given twice"),
      ("optimizer = adam:lr=-1\n", "s.txt line 1: bad optimizer 'adam:lr=-1'"),
      ("just words\n", "s.txt line 1: expected KEY = VALUE"),
      ("expression = x +\n", "s.txt line 1: bad expression 'x +'"),
      ("noise = -1\n", "s.txt line 1: bad --noise '-1'"),
      ("size = 0x10\n", "s.txt line 1: bad size '0x10'"),
      ("function = sphere\nexpression = x^2\n", "s.txt: give either function or expression"),
    ])
  func refusals(text: String, expected: String) {
    #expect {
      _ = try SceneFile(parsing: text, name: "s.txt")
    } throws: { error in
      "\(error)".hasPrefix(expected)
    }
  }

  @Test("a recording's header loads as a scene, up to its first event")
  func logHeaderIsAScene() throws {
    let scene = try SceneOptions(function: "booth", optimizers: ["adam:lr=0.2"]).scene()
    let header = SceneFile(scene: scene, size: ScreenSize(width: 60, height: 20))
    let log =
      RecordingLog.headerText(header) + "> key +\n--- frame 0 step 0\nfunction = not read\n"
    let parsed = try SceneFile(parsing: log, name: "run.log")
    #expect(Self.summary(try parsed.options.scene()) == Self.summary(scene))
  }

  @Test("S saves the current scene: live changes, start and view included")
  func saveKey() throws {
    var model = try Fixture.model(width: 100, height: 30)
    (model, _) = Fixture.send(
      [.key(.tab), Fixture.key("+"), Fixture.key("z"), .tick, .tick], to: model)
    (model, _) = Fixture.send(
      [Fixture.key("s"), .key(.control("u"))] + Fixture.typing("1.5,-2") + [.key(.enter)],
      to: model)
    let (_, effects) = update(model, Fixture.key("S"))
    guard case .saveScene(let text) = effects.first else {
      Issue.record("S gave \(effects)")
      return
    }
    let saved = try SceneFile(parsing: text, name: "saved").options.scene()
    #expect(Self.summary(saved) == Self.summary(model.currentScene))
    #expect(saved.specs[0].hyperparameters.learningRate == 0.01 * 2.0.squareRoot())
    #expect(saved.start == Point(x: 1.5, y: -2))
    #expect(saved.view == model.view)
    #expect(saved.view != model.homeView)
  }
}
