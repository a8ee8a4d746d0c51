import App
import OptimKit
import Plot
import Testing

/// Plug-in racers in the App: the keys edit their settings through an effect, a fixed one
/// says so, and a failure shows in the legend, escaped.
@Suite struct PluginRacerKeyTests {
  /// The fixture's race plus one plug-in racer with torch's param_groups, one without.
  func model() throws -> Model { try Fixture.modelWithPlugins() }

  @Test func plusEditsAPluginsLearningRateThroughAnEffect() throws {
    var model = try model()
    var effects: [Effect] = []
    // Tab four times: sgd, adam, momentum, My_Adam.
    (model, effects) = Fixture.send(
      [.key(.tab), .key(.tab), .key(.tab), .key(.tab), Fixture.key("+")], to: model)
    #expect(model.selection == .racer(3))
    let moved = 0.1 * 2.0.squareRoot()
    #expect(effects == [.editPlugin(racer: 3, key: .learningRate, value: moved)])
    #expect(model.race.racers[3].external?.settings?[.learningRate] == moved)
    #expect(model.message?.text == "My_Adam: lr=0.1414 (×√2)")
  }

  @Test func aPluginWithoutParamGroupsSaysItsSettingsAreFixed() throws {
    var model = try model()
    var effects: [Effect] = []
    (model, effects) = Fixture.send(
      Array(repeating: .key(.tab), count: 5) + [Fixture.key("+")], to: model)
    #expect(model.selection == .racer(4))
    #expect(effects.isEmpty)
    #expect(model.message?.text == "descent: settings fixed (the plug-in has no param_groups)")
    #expect(model.message?.isError == true)
  }

  @Test func aFailureShowsInTheLegendEscaped() throws {
    var model = try model()
    _ = update(&model, .external(.failed(racer: 3, reason: "ValueError: bad\u{1B}[31m")))
    let screen = Fixture.screen(model)
    #expect(!screen.contains("\u{1B}"))
    let rows = screen.split(separator: "\n").map(String.init)
    let row = try #require(rows.firstIndex { $0.contains("My_Adam") })
    #expect(rows[row].contains(DisplayText.escaped("ValueError: bad\u{1B}[31m")))
    #expect(rows[row + 1].contains("failed"))
  }
}
