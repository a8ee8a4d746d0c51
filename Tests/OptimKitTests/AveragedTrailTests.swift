import OptimKit
import Testing

/// An ASGD racer keeps a second trail of torch's averaged point `ax` from where it parts
/// from the point (step t0), one waypoint a step.
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
    // Until averaging starts ax is the point itself (torch's mu is 1 through step t0 + 2).
    let parted = try #require(
      averages.indices.first { averages[$0] != asgd.trail[$0 + 1].position })
    #expect(parted == 7)
    #expect(asgd.averagedTrail.positions == Array(averages[(parted - 1)...]))
    #expect(asgd.averagedTrail.map(\.step) == Array(parted...20))
    #expect(race.racers[1].averagedTrail.isEmpty)
    race.restart(from: Point(x: 0, y: 0))
    #expect(race.racers[0].averagedTrail.isEmpty)
  }

  @Test func defaultAsgdNeverAveragesInARace() throws {
    // torch's default t0 is 10⁶: ax stays the point, and no second trail is kept.
    let objective = try #require(HandObjective.catalog["himmelblau"])
    var race = Race(
      objective: objective, start: Point(x: 0, y: 0), specs: [OptimizerSpec(kind: .asgd)])
    race.step(times: 100)
    #expect(race.racers[0].averagedTrail.isEmpty)
  }
}
