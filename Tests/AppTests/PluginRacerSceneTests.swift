import App
import OptimKit
import Testing

/// What a plug-in racer is not part of: the scene `S` saves, the basins.
@Suite struct PluginRacerSceneTests {
  @Test func theSavedSceneNamesOnlyTheBuiltInOptimizers() throws {
    let plain = try Fixture.model()
    var model = plain
    _ = update(
      &model, .external(.joined(label: "My_Adam", ExternalOptimizer(name: "my.py:My_Adam"))))
    #expect(model.race.racers.count == 4)
    #expect(model.sceneFileText == plain.sceneFileText)
  }
}
