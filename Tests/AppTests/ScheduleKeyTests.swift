import App
import Foundation
import OptimKit
import Testing

@Suite("Learning-rate schedules: c, and lr in the legend")
struct ScheduleKeyTests {
  /// The fixture with adam (racer 1) selected.
  private func adamSelected() throws -> Model {
    Fixture.send([.key(.tab), .key(.tab)], to: try Fixture.model()).0
  }

  @Test(
    "c cycles the selected optimizer none → step → exponential → cosine → warmup-cosine → plateau → none"
  )
  func cycle() throws {
    var model = try adamSelected()
    var kinds: [String] = []
    for _ in 0..<6 {
      (model, _) = Fixture.send([Fixture.key("c")], to: model)
      kinds.append(model.race.racers[1].optimizer.schedule?.kind.name ?? "none")
    }
    #expect(kinds == ["step", "exponential", "cosine", "warmup-cosine", "plateau", "none"])
    // The others keep no schedule.
    #expect(model.race.racers[0].optimizer.schedule == nil)
    #expect(model.race.racers[2].optimizer.schedule == nil)
  }

  @Test("c keeps the optimizer's state and reports a live change")
  func keepsState() throws {
    var model = ExploreFixture.ticks(7, to: try adamSelected())
    let before = model.race.racers[1].optimizer.inspection.momentum
    let effects: [Effect]
    (model, effects) = Fixture.send([Fixture.key("c")], to: model)
    #expect(model.race.racers[1].optimizer.stepCount == 7)
    #expect(model.race.racers[1].optimizer.inspection.momentum == before)
    #expect(
      effects == [.liveChange(step: 7, description: "adam: schedule=step,step_size=100,gamma=0.5")])
  }

  @Test("the legend shows the lr a cosine schedule has annealed to, with the schedule's name")
  func legendShowsScheduledRate() throws {
    var model = try adamSelected()
    (model, _) = Fixture.send([Fixture.key("c"), Fixture.key("c"), Fixture.key("c")], to: model)
    #expect(model.race.racers[1].optimizer.schedule?.kind == .cosine)
    let period = try #require(model.race.racers[1].optimizer.schedule?[.period])
    model = ExploreFixture.ticks(Int(period / 4), to: model)
    // torch's CosineAnnealingLR: lr_t = eta_min + (base − eta_min)(1 + cos(π t / T)) / 2.
    let expected = 0.1 * (1 + cos(Double.pi * (period / 4) / period)) / 2
    let shown = String(format: "%.3g", expected)
    #expect(Fixture.screen(model).contains("adam lr=\(shown) (cosine)"))
  }

  @Test("at 80×24 the one-line legend of the default race shows lr, and + changes it at once")
  func compactLegendShowsLearningRate() throws {
    var model = try ExploreFixture.model(SceneOptions(), width: 80, height: 24)
    let header = try #require(ExploreFixture.line(containing: "   name ", in: model))
    #expect(header.contains(" lr "))
    let before = try #require(ExploreFixture.line(containing: "● sgd", in: model))
    #expect(before.contains(" 0.001 "))
    (model, _) = Fixture.send([.key(.tab), Fixture.key("+")], to: model)
    let after = try #require(ExploreFixture.line(containing: "● sgd", in: model))
    #expect(after.contains(" 0.00141 "))
    // A schedule shows the lr it gives now: step's is the base lr until step 100.
    (model, _) = Fixture.send(
      [.key(.tab), .key(.tab), .key(.tab), .key(.tab), .key(.tab), .key(.tab), Fixture.key("c")],
      to: model)
    #expect(model.race.racers[6].optimizer.schedule?.kind == .step)
    #expect(try #require(ExploreFixture.line(containing: "✖ adam", in: model)).contains(" 0.1 "))
    model = ExploreFixture.ticks(25, to: model)
    #expect(model.race.stepCount == 100)
    #expect(try #require(ExploreFixture.line(containing: "✖ adam", in: model)).contains(" 0.05 "))
  }
}
