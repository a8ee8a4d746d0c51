import App
import OptimKit
import Testing

@Suite("Gradient noise: g / G, --noise, --seed")
struct NoiseKeyTests {
  @Test("G raises σ 0 → 0.01 → 0.03 → 0.1, g lowers it back to 0, and one more g is refused")
  func ladder() throws {
    var model = try Fixture.model()
    #expect(model.race.noise.standardDeviation == 0)
    var seen: [Double] = []
    for _ in 0..<3 {
      (model, _) = Fixture.send([Fixture.key("G")], to: model)
      seen.append(model.race.noise.standardDeviation)
    }
    #expect(seen == [0.01, 0.03, 0.1])
    seen = []
    for _ in 0..<3 {
      (model, _) = Fixture.send([Fixture.key("g")], to: model)
      seen.append(model.race.noise.standardDeviation)
    }
    #expect(seen == [0.03, 0.01, 0])
    (model, _) = Fixture.send([Fixture.key("g")], to: model)
    #expect(model.race.noise.standardDeviation == 0)
    #expect(model.message?.isError == true)
  }

  @Test("a level between two steps moves to the neighbouring step")
  func levelBetweenSteps() {
    #expect(NoiseLevels.above(0.5) == 1)
    #expect(NoiseLevels.below(0.5) == 0.3)
    #expect(NoiseLevels.below(0.005) == 0)
    #expect(NoiseLevels.above(100) == nil)
  }

  @Test("the noise level and seed show on the status line, and leave it when off")
  func shownOnStatusLine() throws {
    var model = try ExploreFixture.model(
      SceneOptions(function: "himmelblau", optimizers: ["adam:lr=0.1"], seed: "42"))
    #expect(!Fixture.screen(model).contains("noise σ"))
    (model, _) = Fixture.send([Fixture.key("G"), Fixture.key("G"), Fixture.key("G")], to: model)
    #expect(view(model).lines[0].contains("noise σ=0.1 seed 42"))
    (model, _) = Fixture.send(Array(repeating: Fixture.key("g"), count: 3), to: model)
    #expect(!view(model).lines[0].contains("noise"))
  }

  @Test(
    "every optimizer gets the same noise: two identical racers stay identical, unlike without noise"
  )
  func sameNoiseForEveryRacer() throws {
    let options = SceneOptions(
      function: "himmelblau", optimizers: ["sgd:lr=0.005", "sgd:lr=0.005"], noise: "3", seed: "7")
    let noisy = ExploreFixture.ticks(40, to: try ExploreFixture.model(options))
    var quiet = options
    quiet.noise = nil
    let noiseless = ExploreFixture.ticks(40, to: try ExploreFixture.model(quiet))
    #expect(noisy.race.racers[0].position == noisy.race.racers[1].position)
    #expect(noisy.race.racers[0].position != noiseless.race.racers[0].position)
  }

  @Test("r replays exactly the same noise")
  func restartReplaysNoise() throws {
    var model = try Fixture.model()
    (model, _) = Fixture.send(Array(repeating: Fixture.key("G"), count: 5), to: model)
    model = ExploreFixture.ticks(30, to: model)
    let first = model.race.racers.map(\.position)
    (model, _) = Fixture.send([Fixture.key("r")], to: model)
    model = ExploreFixture.ticks(30, to: model)
    #expect(model.race.racers.map(\.position) == first)
  }

  @Test("a noise change is a live change with the seed, for recordings")
  func liveChangeEffect() throws {
    let model = try ExploreFixture.model(
      SceneOptions(function: "himmelblau", optimizers: ["adam:lr=0.1"], seed: "9"))
    let (_, effects) = Fixture.send([.tick, .tick, Fixture.key("G")], to: model)
    #expect(effects == [.liveChange(step: 2, description: "noise σ=0.01 seed=9")])
  }

  @Test("--noise and --seed set the race's noise; bad values are refused in one line")
  func options() throws {
    let scene = try SceneOptions(function: "sphere", noise: "0.25", seed: "12").scene()
    #expect(scene.noise == GradientNoise(standardDeviation: 0.25, seed: 12))
    for (noise, seed, word) in [
      ("-1", nil, "--noise"), ("x", nil, "--noise"), ("nan", nil, "--noise"),
      (nil, "-3", "--seed"), (nil, "1.5", "--seed"),
    ] as [(String?, String?, String)] {
      #expect {
        _ = try SceneOptions(function: "sphere", noise: noise, seed: seed).scene()
      } throws: { error in
        "\(error)".contains("bad \(word)") && !"\(error)".contains("\n")
      }
    }
  }
}
