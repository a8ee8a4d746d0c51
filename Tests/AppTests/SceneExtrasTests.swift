import App
import Foundation
import OptimKit
import Plot
import Testing

@Suite("Sweeps, Lion and Newton, and the help for the new keys")
struct SceneExtrasTests {
  @Test("--sweep adds one optimizer per value, labelled with it, in small multiples")
  func sweep() throws {
    let scene = try SceneOptions(
      function: "himmelblau", sweeps: ["adam:lr=1e-3..1,count=9"]
    ).scene()
    #expect(scene.specs.count == 9)
    #expect(scene.layout == .split)
    #expect(scene.labels?.first == "adam lr=0.001")
    #expect(scene.labels?.last == "adam lr=1")
    let model = Model(scene: scene, width: 120, height: 40)
    #expect(model.plan.maps.count == 9)
    let screen = Fixture.screen(model)
    for label in ["adam lr=0.001", "adam lr=0.00562", "adam lr=0.178", "adam lr=1"] {
      #expect(screen.contains(label))
    }
    // Every tile shows the same view (same heatmap size).
    #expect(Set(model.plan.maps.map(\.width)).count == 1)
  }

  @Test("a tile title too narrow for its settings cuts them with …, never mid-number silently")
  func tileTitleTruncation() throws {
    var model = try ExploreFixture.model(
      SceneOptions(function: "himmelblau", sweeps: ["adam:lr=1e-3..1,count=4"]), width: 80,
      height: 24)
    (model, _) = Fixture.send([.key(.tab), Fixture.key("+")], to: model)
    let title = try #require(model.plan.mapTitles.first)
    let row = Array(view(model).lines[title.y])
    let text = String(row[title.x..<(title.x + title.width)]).trimmingCharacters(in: .whitespaces)
    #expect(text.hasPrefix("1● adam lr=0.001 "))
    #expect(text.contains("lr=0.00141") || text.hasSuffix("…"))
    #expect(!text.hasSuffix("lr=0.001"))
  }

  @Test("--layout overlay keeps one map for a sweep; a bad sweep is refused in one line")
  func sweepOptions() throws {
    let overlay = try SceneOptions(
      function: "himmelblau", layout: "overlay", sweeps: ["adam:lr=1e-3..1,count=3"]
    ).scene()
    #expect(overlay.layout == .overlay)
    #expect {
      _ = try SceneOptions(function: "himmelblau", sweeps: ["adam:lr=1..1"]).scene()
    } throws: { "\($0)".hasPrefix("bad --sweep 'adam:lr=1..1'") }
  }

  @Test("Lion and Newton race live, with their settings in the legend")
  func lionAndNewton() throws {
    var model = try ExploreFixture.model(
      SceneOptions(function: "himmelblau", optimizers: ["lion:lr=0.05", "newton"]))
    let screen = Fixture.screen(model)
    #expect(screen.contains("lion lr=0.05 β=0.9,0.99"))
    #expect(screen.contains("newton lr=1 λ=0.001"))
    let start = model.start
    model = ExploreFixture.ticks(10, to: model)
    #expect(model.race.racers.allSatisfy { $0.position != start && $0.status != .diverged })
    (model, _) = Fixture.send([.key(.tab), Fixture.key("+")], to: model)
    #expect(Fixture.screen(model).contains("lion lr=0.0707"))
  }

  @Test("--select picks the racer by name or number; a wrong one is refused")
  func select() throws {
    let options = SceneOptions(function: "himmelblau", optimizers: ["sgd:lr=0.01", "adam:lr=0.1"])
    var named = options
    named.select = "adam"
    #expect(try named.scene().selection == .racer(1))
    named.select = "1"
    #expect(try named.scene().selection == .racer(0))
    for wrong in ["3", "0", "lion"] {
      named.select = wrong
      #expect(throws: SceneOptions.Problem.self) { try named.scene() }
    }
  }

  @Test("? lists every new key, and at 80×24 the whole help still fits, quit included")
  func help() throws {
    var model = try Fixture.model(width: 80, height: 24)
    (model, _) = Fixture.send([Fixture.key("?")], to: model)
    let screen = Fixture.screen(model)
    for text in [
      "gradient noise", "lr schedule", "leaderboard", "inspector", "basins of attraction", "quit",
    ] {
      #expect(screen.contains(text))
    }
  }

  @Test("the new keys are not taken by anything else")
  func noClash() throws {
    let model = try Fixture.model()
    for key in ["g", "G", "c", "L", "i", "a"] {
      let (next, _) = Fixture.send([Fixture.key(Character(key))], to: model)
      #expect(next.message?.text.contains("unknown key") != true)
    }
  }
}
