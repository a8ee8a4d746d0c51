import OptimKit
import Testing

/// An ASGD racer keeps a second trail of torch's averaged point `ax`, one waypoint a step.
@Suite struct AveragedTrailTests {
  @Test func asgdRacerTrailsItsAveragedPoint() throws {
    let objective = try #require(HandObjective.catalog["himmelblau"])
    var race = Race(
      objective: objective, start: Point(x: 0, y: 0),
      specs: [try OptimizerSpec(parsing: "asgd:lr=0.001,t0=5"), OptimizerSpec(kind: .adam)])
    var averages: [Point] = []
    for _ in 0..<20 {
      race.step()
      averages.append(try #require(race.racers[0].optimizer.averagedPosition))
    }
    let asgd = race.racers[0]
    #expect(asgd.averagedTrail.positions == averages)
    #expect(asgd.averagedTrail.map(\.step) == Array(1...20))
    // Until t0 the average is the point itself; after it, it lags behind.
    #expect(asgd.averagedTrail[3].position == asgd.trail[4].position)
    #expect(asgd.averagedTrail[19].position != asgd.trail[20].position)
    #expect(race.racers[1].averagedTrail.isEmpty)
    race.restart(from: Point(x: 0, y: 0))
    #expect(race.racers[0].averagedTrail.isEmpty)
  }
}
