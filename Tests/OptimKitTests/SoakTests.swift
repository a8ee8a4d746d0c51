import Testing

@testable import OptimKit

/// The fast soak: long races of every optimizer keep every racer's storage bounded.
///
/// The long version (10⁶ steps, memory and time per step measured) is
/// `scripts/soak`; this one checks the property behind it in seconds and
/// makes no timing claims.
@Suite struct SoakTests {
  /// Elements held in every collection reachable from `value` (arrays, dictionaries, sets),
  /// found by reflection so that storage added to a racer later is counted too.
  static func storedElements(of value: Any) -> Int {
    if let collection = value as? any Collection {
      return collection.count
    }
    let mirror = Mirror(reflecting: value)
    return mirror.children.reduce(0) { $0 + storedElements(of: $1.value) }
  }

  /// A race of all eleven optimizers at the function's suggested learning rates.
  static func race(on function: TestFunction) throws -> Race {
    let specs = try OptimizerKind.allCases.map { kind in
      try OptimizerSpec(
        kind: kind, values: [.learningRate: function.learningRates[kind.name] ?? 1e-3])
    }
    return Race(objective: function.expression, start: function.start, specs: specs)
  }

  @Test func storageReflectionSeesTheTrail() throws {
    let function = try #require(TestFunction.named("rosenbrock"))
    var race = try Self.race(on: function)
    let before = Self.storedElements(of: race.racers[0])
    race.step(times: 100)
    #expect(Self.storedElements(of: race.racers[0]) >= before + 100)
  }

  /// 10,000 steps fill a trail's budget (`Trail.capacity`, 3,072 waypoints) three times
  /// over, enough to show storage that grows; the long soak is `scripts/soak`.
  @Test(arguments: [("rosenbrock", 10_000), ("himmelblau", 10_000), ("rastrigin", 10_000)])
  func everyRacersStorageStaysBounded(name: String, steps: Int) throws {
    let function = try #require(TestFunction.named(name))
    var race = try Self.race(on: function)
    let fresh = race.racers.map { Self.storedElements(of: $0) }
    // A trail holds its waypoints plus one deviation per history waypoint.
    let allowance = race.racers.map { 2 * $0.trail.capacity }
    var largest = fresh
    let checkpoints = 20
    for _ in 0..<checkpoints {
      race.step(times: steps / checkpoints)
      for (index, racer) in race.racers.enumerated() {
        #expect(racer.trail.count <= racer.trail.capacity, "\(racer.label)")
        largest[index] = max(largest[index], Self.storedElements(of: racer))
      }
    }
    #expect(race.stepCount == steps)
    for (index, racer) in race.racers.enumerated() {
      #expect(
        largest[index] <= fresh[index] + allowance[index],
        "\(racer.label) on \(name): \(largest[index]) elements stored")
      if racer.isActive {
        if racer.optimizer.kind.needsClosure {
          // LBFGS's inner iterates join the trail too: at least one point per step.
          #expect(racer.trail.appendedCount >= steps + 1, "\(racer.label) on \(name)")
        } else {
          #expect(racer.trail.appendedCount == steps + 1, "\(racer.label) on \(name)")
        }
        #expect(racer.trail.last?.step == steps)
      }
      #expect(racer.trail.first?.step == 0)
    }
    #expect(race.racers.filter(\.isActive).count >= 6, "most racers should run the whole soak")
  }
}
