import App
import OptimKit
import Plot
import Testing

/// Scenes for the tests of the "beyond the notebooks" keys, built as the command line would.
enum ExploreFixture {
  /// The model of a scene given as command-line options.
  static func model(_ options: SceneOptions, width: Int = 120, height: Int = 40) throws -> Model {
    Model(scene: try options.scene(), width: width, height: height)
  }

  /// Sends `count` ticks.
  static func ticks(_ count: Int, to model: Model) -> Model {
    Fixture.send(Array(repeating: .tick, count: count), to: model).0
  }

  /// The screen's rows.
  static func lines(_ model: Model) -> [String] {
    view(model).lines
  }

  /// The first screen row containing `text`, or nil.
  static func line(containing text: String, in model: Model) -> String? {
    lines(model).first { $0.contains(text) }
  }
}
