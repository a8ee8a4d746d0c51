import App
import OptimKit
import Testing

/// `z` and `Z` each stop at their own limit: zooming in works even from a huge view.
@Suite struct ZoomLimitsTests {
  static func model(view: String) throws -> Model {
    var options = SceneOptions(function: "sphere", view: view)
    options.optimizers = ["adam"]
    return Model(scene: try options.scene(), width: 100, height: 30)
  }

  @Test(
    "z zooms in from a view at the edge of the doubles",
    arguments: ["-1e307,1e307,-1e307,1e307", "-1.7e308,1.7e308,-1.7e308,1.7e308"])
  func zoomInFromHugeViews(view: String) throws {
    var model = try Self.model(view: view)
    let before = model.view
    (model, _) = Fixture.send([Fixture.key("z")], to: model)
    #expect(model.message?.isError != true, "\(model.message?.text ?? "")")
    #expect(model.view.isValid)
    #expect(model.view.xMax < before.xMax && model.view.xMin > before.xMin)
    #expect(abs(model.view.xMax / before.xMax - 1 / 1.5) < 1e-12)
  }

  @Test("Z at ±1e307 is refused and keeps the view")
  func zoomOutIsRefusedAtTheEdge() throws {
    var model = try Self.model(view: "-1e307,1e307,-1e307,1e307")
    let before = model.view
    (model, _) = Fixture.send([Fixture.key("Z")], to: model)
    #expect(model.message == Message("cannot zoom further", isError: true))
    #expect(model.view == before)
  }

  @Test("zooming in still stops where neighbouring samples would be equal doubles")
  func zoomInStopsEventually() throws {
    var model = try Self.model(view: "0.5,1.5,0.5,1.5")
    for _ in 0..<200 { (model, _) = Fixture.send([Fixture.key("z")], to: model) }
    #expect(model.message == Message("cannot zoom further", isError: true))
    #expect(model.view.width > 1e-9)
  }
}
