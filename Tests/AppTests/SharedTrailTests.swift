import App
import OptimKit
import Testing

@testable import Plot

/// A frame's picture reads the race's trails in place and sums up the loss histories
/// from frame to frame (issue 17): the frames stay those drawn afresh.
@Suite struct SharedTrailTests {
  /// A race of three optimizers on Himmelblau after `steps` steps (past 3,072 a trail is thinned).
  static func race(steps: Int) throws -> Race {
    let function = try #require(TestFunction.named("himmelblau"))
    var race = Race(
      objective: function.expression, start: function.start,
      specs: try ["adam:lr=0.1", "sgd:lr=0.01", "momentum:lr=0.01"].map {
        try OptimizerSpec(parsing: $0)
      })
    for _ in 0..<steps { race.step() }
    return race
  }

  @Test("a race's picture shares each trail's storage and reads the same points, f and steps")
  func pictureSharesTheTrails() throws {
    let race = try Self.race(steps: 4_000)
    let picture = Picture(
      race: race, title: "Himmelblau", formula: "", function: "himmelblau",
      view: ViewBox(xMin: -5, xMax: 5, yMin: -5, yMax: 5))
    for (drawing, racer) in zip(picture.racers, race.racers) {
      let parts = racer.trail.storedParts
      let shared = try #require(drawing.sharedParts)
      // The very same buffers: nothing was copied into the picture.
      #expect(Self.address(shared.older) == Self.address(parts.older))
      #expect(Self.address(shared.newer) == Self.address(parts.newer))
      #expect(drawing.trail == racer.trail.positions)
      #expect(drawing.lossHistory.map(\.bitPattern) == racer.trail.values.map(\.bitPattern))
      #expect(drawing.lossSteps == racer.trail.map(\.step))
      #expect(drawing.position == racer.trail.positions.last)
      #expect(drawing.trailAppendedCount == racer.trail.appendedCount)
    }
    #expect(race.racers[0].trail.count < race.racers[0].trail.appendedCount)  // thinned
  }

  @Test("setting one of a shared drawing's histories keeps the others")
  func settingUnshares() throws {
    let race = try Self.race(steps: 50)
    let trail = race.racers[0].trail
    var drawing = RacerDrawing(label: "adam", styleIndex: 0, waypoints: trail)
    drawing.trail = [Point(x: 1, y: 2)]
    #expect(drawing.sharedParts == nil)
    #expect(drawing.trail == [Point(x: 1, y: 2)])
    #expect(drawing.lossHistory.map(\.bitPattern) == trail.values.map(\.bitPattern))
    #expect(drawing.lossSteps == trail.map(\.step))
  }

  @Test("a session sums up each loss history once while the race runs, frames as drawn afresh")
  func lossSummariesAreContinued() throws {
    let scene = try RecordingTests.scene(noise: nil)
    let (continued, fresh, session) = TrailLayerTests.play(
      Array(repeating: .tick, count: 50), scene: scene, size: ScreenSize(width: 120, height: 40))
    #expect(continued == fresh)
    #expect(session.frameCache.lossFreshSummaries == scene.specs.count)
  }

  @Test("where f* is unknown (saddle), continued loss ranges and their shift match fresh ones")
  func shiftedRangesMatchFreshOnes() throws {
    let scene = try SceneOptions(
      function: "saddle", optimizers: ["adam:lr=0.05", "sgd:lr=0.01", "rmsprop:lr=0.01"],
      stepsPerFrame: 20
    ).scene()
    var messages = Array(repeating: Msg.tick, count: 40)
    messages += [Fixture.key("2"), .tick, .key(.tab), .tick, Fixture.key("r"), .tick, .tick]
    messages += Array(repeating: Msg.tick, count: 30)
    let (continued, fresh, _) = TrailLayerTests.play(
      messages, scene: scene, size: ScreenSize(width: 120, height: 40))
    for (index, pair) in zip(continued, fresh).enumerated() where pair.0 != pair.1 {
      Issue.record("frame \(index) differs from the fresh drawing")
      break
    }
  }

  static func address(_ array: [Waypoint]) -> UnsafeRawPointer? {
    array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
  }
}
