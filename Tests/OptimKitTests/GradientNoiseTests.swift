import OptimKit
import Testing

/// Seeded gradient noise: reproducible, shared by every racer, and absent at σ = 0.
@Suite struct GradientNoiseTests {
  let objective = HandObjective.rosenbrock
  let start = Point(x: -1.5, y: 2)

  func specs(_ texts: String...) throws -> [OptimizerSpec] {
    try texts.map { try OptimizerSpec(parsing: $0) }
  }

  @Test func samePairForSameSeedAndStep() {
    let a = GradientNoise(standardDeviation: 0.3, seed: 7)
    let b = GradientNoise(standardDeviation: 0.3, seed: 7)
    let c = GradientNoise(standardDeviation: 0.3, seed: 8)
    for step in 1...50 {
      #expect(a.vector(step: step) == b.vector(step: step))
      #expect(a.vector(step: step) != c.vector(step: step))
      #expect(a.vector(step: step) != a.vector(step: step + 1))
    }
    // σ scales one fixed standard-normal stream.
    #expect(a.vector(step: 3) == 0.3 * a.standardNormal(step: 3))
  }

  @Test func splitMix64KnownSequence() {
    // The first outputs for seed 0 of the reference C implementation (Vigna).
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test func noiseIsStandardNormal() {
    let noise = GradientNoise(standardDeviation: 1, seed: 123)
    var sum = 0.0
    var squares = 0.0
    let count = 20_000
    for step in 1...count / 2 {
      let z = noise.vector(step: step)
      sum += z.x + z.y
      squares += z.x * z.x + z.y * z.y
    }
    let mean = sum / Double(count)
    let variance = squares / Double(count) - mean * mean
    #expect(abs(mean) < 0.05)
    #expect(abs(variance - 1) < 0.05)
  }

  @Test func zeroSigmaIsBitIdenticalToNoNoise() throws {
    var plain = Race(
      objective: objective, start: start, specs: try specs("adam:lr=0.05", "nag:lr=0.0005"))
    var silent = plain
    silent.noise = GradientNoise(standardDeviation: 0, seed: 99)
    plain.step(times: 200)
    silent.step(times: 200)
    for (a, b) in zip(plain.racers, silent.racers) {
      #expect(a.trail == b.trail)
      #expect(a.current == b.current)
    }
  }

  @Test func everyRacerSeesTheSameNoiseAtAStep() throws {
    var race = Race(
      objective: objective, start: start,
      specs: try specs("sgd:lr=0.0005", "adam:lr=0.05", "sgd:lr=0.0005"))
    race.noise = GradientNoise(standardDeviation: 2, seed: 5)
    var previous = race.racers.map(\.gradient)
    for step in 1...20 {
      race.step()
      for (index, racer) in race.racers.enumerated() {
        #expect(racer.lastGradientUsed == previous[index] + race.noise.vector(step: step))
      }
      previous = race.racers.map(\.gradient)
    }
    // Same spec, same noise: the same trajectory.
    #expect(race.racers[0].trail == race.racers[2].trail)
    // And noise did change the path.
    var clean = Race(objective: objective, start: start, specs: try specs("sgd:lr=0.0005"))
    clean.step(times: 20)
    #expect(clean.racers[0].trail != race.racers[0].trail)
  }

  @Test func reproducibleAcrossRestartsAndLiveChanges() throws {
    var race = Race(objective: objective, start: start, specs: try specs("adam:lr=0.05"))
    race.noise = GradientNoise(standardDeviation: 1, seed: 2024)
    race.step(times: 30)
    let first = race.racers[0].trail
    race.restart(from: start)
    race.step(times: 30)
    #expect(race.racers[0].trail == first)
    // Changing σ mid-run changes only the scale from then on: steps 1–10 at σ = 1, then 0.5.
    race.restart(from: start)
    race.step(times: 10)
    race.noise.setStandardDeviation(0.5)
    race.step(times: 20)
    var again = Race(objective: objective, start: start, specs: try specs("adam:lr=0.05"))
    again.noise = GradientNoise(standardDeviation: 1, seed: 2024)
    again.step(times: 10)
    again.noise.setStandardDeviation(0.5)
    again.step(times: 20)
    #expect(race.racers[0].trail == again.racers[0].trail)
    #expect(race.racers[0].trail != first)
  }

  @Test func negativeOrNonFiniteSigmaMeansNone() {
    #expect(!GradientNoise(standardDeviation: -1, seed: 1).isActive)
    #expect(!GradientNoise(standardDeviation: .nan, seed: 1).isActive)
    #expect(GradientNoise(standardDeviation: -1, seed: 1).vector(step: 1) == .zero)
  }
}
