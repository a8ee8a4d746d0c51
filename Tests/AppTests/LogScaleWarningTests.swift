import App
import OptimKit
import Testing

/// The "shifted log scale" notice belongs to the function and view, not to the terminal's size.
@Suite struct LogScaleWarningTests {
  @Test(
    "Rosenbrock's status line is the same at 81×24 and 81×25 (a cell centre on the minimum)",
    arguments: [24, 25])
  func statusLineDoesNotDependOnTheSize(height: Int) throws {
    let model = Model(scene: try SceneOptions().scene(), width: 81, height: height)
    let line = try #require(view(model).lines.first)
    #expect(
      line
        == " Rosenbrock  (1−x)² + 100(y−x… │ x∈[-2, 2] y∈[-1, 3] │ step 0 keys: all · ? help ")
  }

  @Test("a function negative in view still says so")
  func negativeValuesAreAnnounced() throws {
    var options = SceneOptions(expression: "x^2 + y^2 - 1", start: "2,2")
    options.optimizers = ["adam"]
    let model = Model(scene: try options.scene(), width: 120, height: 40)
    let line = try #require(view(model).lines.first)
    #expect(line.contains("shifted log scale"))
  }
}
