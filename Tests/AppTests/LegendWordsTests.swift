import App
import OptimKit
import Testing

/// The legend says "undefined" and "overflows" in words, never nan or inf, and why a racer stopped.
@Suite struct LegendWordsTests {
  /// The plain screen (no colour, as `render` prints into a pipe) after `steps` steps of
  /// `specs` on `expression` from `start`.
  static func screen(
    expression: String, start: String, specs: [String], width: Int, height: Int, steps: Int
  ) throws -> [String] {
    var options = SceneOptions(expression: expression, start: start)
    options.optimizers = specs
    var model = Model(
      scene: try options.scene(), width: width, height: height, colorDepth: .none)
    _ = update(&model, .advance(steps: steps))
    return view(model).lines
  }

  @Test("f undefined at the start (0/0 everywhere): 'f undefined at the start'")
  func undefinedAtTheStart() throws {
    let lines = try Self.screen(
      expression: "0/0", start: "1,1", specs: ["adam", "sgd"], width: 60, height: 14, steps: 3)
    #expect(
      lines == [
        " f │ x∈[-3, 3] y∈[-3, 3] │ step 3 keys act on: all · ? help ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│optimizers                    ",
        " 2┤╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│1● adam lr=0.001 β=0.9,0.999  ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│  f undefined at the start    ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳○╳╳╳╳╳╳╳╳│2■ sgd lr=0.001               ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│  f undefined at the start    ",
        " 0┤╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│                              ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│f (log scale) vs step         ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│1e+01┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│     │                        ",
        "-2┤╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│     │                        ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳│1e-01┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "  └-3 -2  -1    0   1   2   3│     0                  step 1",
        "                                                            ",
      ])
  }

  @Test("∇f overflows at a finite point (√x at x = 0): the racer stops, '|∇f| overflows'")
  func gradientOverflows() throws {
    let lines = try Self.screen(
      expression: "sqrt(x) + y^2", start: "0,1", specs: ["sgd:lr=0.1", "adam"], width: 120,
      height: 14, steps: 3)
    #expect(
      lines == [
        " f  sqrt(x) + y^2 │ x∈[-3, 3] y∈[-3, 3] │ step 3                                              keys act on: all · ? help ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳######################################│optimizers                              ",
        " 2┤╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳*************************************#│1● sgd lr=0.1                           ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳=======++++++++++++++++++++***********│  f 1.00e+00  |∇f| overflows  diverged  ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳■----------===========================│2■ adam lr=0.001 β=0.9,0.999            ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳,:::;;;;;;;;;;------------------------│  f 1.00e+00  |∇f| overflows  diverged  ",
        " 0┤╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳ .,,,::::;;;;;;;;;;;;;----------------│                                        ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳,:::;;;;;;;;;;------------------------│f − 0.199 (shifted log) vs step         ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳-----------===========================│    1┤■┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳======+++++++++++++++++++++***********│     │                                  ",
        "-2┤╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳*************************************#│     │                                  ",
        "  │╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳╳######################################│1e-01┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "  └-3  -2.5   -2    -1.5   -1   -0.5     0    0.5    1     1.5    2    2.5    3│     0                            step 1",
        "                                                                                                                        ",
      ])
  }

  @Test("the narrow table says 'undefined' and 'stop' for a racer that never started")
  func narrowTable() throws {
    let lines = try Self.screen(
      expression: "sqrt(x) + sqrt(y)", start: "-1.5,2", specs: ["adam", "sgd"], width: 70,
      height: 12, steps: 1)
    #expect(lines[2].hasSuffix("│1● adam   0.001 undefined stop"))
    #expect(lines[3].hasSuffix("│2■ sgd    0.001 undefined stop"))
    for line in lines {
      #expect(!line.contains("nan") && !line.contains("inf"), "\(line)")
    }
  }
}
