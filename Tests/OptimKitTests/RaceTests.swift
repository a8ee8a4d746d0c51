import OptimKit
import Testing

/// Several optimizers from one start: stepping, divergence, convergence, restart, labels.
@Suite struct RaceTests {
  let rosenbrock = HandObjective.rosenbrock
  let ellipse = HandObjective.ellipse

  func specs(_ texts: String...) throws -> [OptimizerSpec] {
    try texts.map { try OptimizerSpec(parsing: $0) }
  }

  @Test func divergenceStopsOneRacerWhileOthersGoOn() throws {
    var race = Race(
      objective: rosenbrock, start: Point(x: -1.5, y: 2),
      specs: try specs("sgd:lr=10", "adam:lr=0.01"))
    race.step(times: 60)
    let sgd = race.racers[0]
    let adam = race.racers[1]
    #expect(sgd.status == .diverged)
    #expect(sgd.stepCount < 60)
    #expect(!sgd.current.isFinite)
    #expect(sgd.position.isFinite && sgd.value.isFinite)
    #expect(sgd.trail.allSatisfy { $0.isFinite })
    #expect(sgd.trail.count == sgd.stepCount)  // start plus every finite step, not the diverged one
    #expect(adam.status == .running)
    #expect(adam.stepCount == 60)
    #expect(adam.trail.count == 61)
    #expect(race.isRunning)
  }

  @Test func divergedRacerTakesNoMoreSteps() throws {
    var race = Race(
      objective: rosenbrock, start: Point(x: -1.5, y: 2), specs: try specs("sgd:lr=10"))
    race.step(times: 60)
    let stopped = race.racers[0]
    race.step(times: 5)
    #expect(race.racers[0].stepCount == stopped.stepCount)
    #expect(!race.isRunning)
  }

  @Test func convergedIsDisplayOnlyAndKeepsStepping() throws {
    // On 5x² + y² from (0, 1), sgd with lr 0.5 lands exactly on the minimum: 1 - 0.5·2 = 0.
    var race = Race(objective: ellipse, start: Point(x: 0, y: 1), specs: try specs("sgd:lr=0.5"))
    race.step()
    #expect(race.racers[0].position == Point(x: 0, y: 0))
    race.step()
    #expect(race.racers[0].status == .converged)
    race.step()
    #expect(race.racers[0].stepCount == 3)
  }

  @Test func restartResetsStateAndTrail() throws {
    let start = Point(x: -1.5, y: 2)
    var race = Race(
      objective: rosenbrock, start: start, specs: try specs("adam:lr=0.01", "momentum:lr=0.0005"))
    race.step(times: 25)
    try race.edit(.hyperparameter(.learningRate, 0.02), racer: 0)
    race.step(times: 5)
    let newStart = Point(x: 0.5, y: -0.5)
    race.restart(from: newStart)
    #expect(race.stepCount == 0)
    #expect(
      race.racers.allSatisfy { $0.stepCount == 0 && $0.trail.count == 1 && $0.position == newStart }
    )
    #expect(race.racers[0].optimizer.stepCount == 0)
    #expect(race.racers[0].spec.hyperparameters[.learningRate] == 0.02)
    race.step(times: 10)
    var fresh = Race(
      objective: rosenbrock, start: newStart, specs: try specs("adam:lr=0.02", "momentum:lr=0.0005")
    )
    fresh.step(times: 10)
    #expect(race.racers.map(\.position) == fresh.racers.map(\.position))
  }

  @Test func labelsAreUnique() throws {
    let race = Race(
      objective: ellipse, start: .zero, specs: try specs("adam", "sgd", "adam:lr=0.1", "adam"))
    #expect(race.racers.map(\.label) == ["adam", "sgd", "adam#2", "adam#3"])
  }

  @Test func badRacerIndexIsRefused() throws {
    var race = Race(objective: ellipse, start: .zero, specs: try specs("adam"))
    #expect(throws: OptimizerError.noSuchRacer(index: 1, count: 1)) {
      try race.edit(.hyperparameter(.learningRate, 0.1), racer: 1)
    }
    #expect(
      "\(OptimizerError.noSuchRacer(index: 1, count: 1))" == "no optimizer number 2; the race has 1"
    )
  }

  @Test func nonFiniteStartIsDivergedAtStepZero() throws {
    let root = HandObjective(
      name: "root", function: { x, _ in x.squareRoot() },
      derivative: { x, _ in (0.5 / x.squareRoot(), 0) })
    var race = Race(objective: root, start: Point(x: -1, y: 0), specs: try specs("sgd"))
    #expect(race.racers[0].status == .diverged)
    race.step()
    #expect(race.racers[0].stepCount == 0)
    #expect(race.racers[0].trail.isEmpty)
  }
}
