import OptimKit
import Testing

/// External racers (plug-ins): the race passes them over, `arrive` moves them, `fail` stops
/// them, and the built-in racers beside them step exactly as without them.
@Suite struct ExternalRacerTests {
  let rosenbrock = HandObjective.rosenbrock
  let start = Point(x: -1.5, y: 2)

  func race() throws -> Race {
    Race(
      objective: rosenbrock, start: start,
      specs: [try OptimizerSpec(parsing: "adam:lr=0.1"), try OptimizerSpec(parsing: "sgd:lr=1e-4")])
  }

  @Test func builtInRacersStepBitIdenticallyBesideAnExternalOne() throws {
    var alone = try race()
    var beside = try race()
    let index = beside.appendExternal(
      label: "adam", ExternalOptimizer(name: "my.py:My_Adam", settings: [.learningRate: 0.1]))
    #expect(beside.racers[index].label == "adam#2")
    alone.step(times: 200)
    beside.step(times: 200)
    for (one, other) in zip(alone.racers, beside.racers) {
      #expect(one.trail.positions == other.trail.positions)
      #expect(one.current.value.bitPattern == other.current.value.bitPattern)
    }
    // The race passed the external racer over: it is still at the start.
    #expect(beside.racers[index].stepCount == 0)
    #expect(beside.racers[index].position == start)
    #expect(beside.stepCount == 200)
  }

  @Test func arriveMovesFailStopsAndRestartClearsTheFailure() throws {
    var race = try race()
    let index = race.appendExternal(label: "My_Adam", ExternalOptimizer(name: "my.py:My_Adam"))
    race.arrive(at: Point(x: -1, y: 1.5), racer: index)
    #expect(race.racers[index].stepCount == 1)
    #expect(race.racers[index].position == Point(x: -1, y: 1.5))
    #expect(race.racers[index].trail.positions == [start, Point(x: -1, y: 1.5)])
    #expect(
      race.racers[index].value == rosenbrock.valueGradientAndHessian(at: Point(x: -1, y: 1.5)).value
    )
    race.fail("ZeroDivisionError: boom", racer: index)
    #expect(!race.racers[index].isActive)
    #expect(race.racers[index].external?.failure == "ZeroDivisionError: boom")
    race.arrive(at: Point(x: 0, y: 0), racer: index)
    #expect(race.racers[index].stepCount == 1, "a failed racer takes no more steps")
    race.restart(from: Point(x: 1, y: 2))
    #expect(race.racers[index].isExternal)
    #expect(race.racers[index].external?.failure == nil)
    #expect(race.racers[index].isActive)
    #expect(race.racers[index].position == Point(x: 1, y: 2))
    // A non-finite answer is a divergence, as for a built-in racer.
    race.arrive(at: Point(x: .nan, y: 0), racer: index)
    #expect(race.racers[index].status == .diverged)
    #expect(race.racers[index].position == Point(x: 1, y: 2))
  }
}
