import App
import Plot
import Testing

/// The split layout's small maps: each title opens with the key that shows and hides
/// that optimizer, as the legend's rows do.
@Suite struct SplitTitleTests {
  @Test("each small map's title is numbered 1…9 like the legend, then glyph and name")
  func tileTitlesAreNumbered() throws {
    let scene = try SceneOptions(
      function: "rosenbrock", optimizers: ["sgd:lr=0.001", "momentum:lr=0.0005", "adam:lr=0.1"],
      layout: "split"
    ).scene()
    let model = Model(scene: scene, width: 120, height: 40)
    let canvas = view(model)
    let titles = model.plan.mapTitles
    #expect(titles.count == 3)
    let texts = titles.map { region in
      String((region.x..<(region.x + 14)).map { canvas[$0, region.y].character })
    }
    #expect(texts == ["1● sgd lr=0.00", "2■ momentum lr", "3▲ adam lr=0.1"])
  }
}
