import App
import OptimKit
import Plot
import Testing

/// A session draws each frame's trails by continuing the last frame's: the frames must
/// be exactly those a fresh drawing gives, through thinning, restarts and key presses.
@Suite struct TrailLayerTests {
  /// Plays `messages` on a session (drawing a frame after each, as the run loop does) and
  /// on a bare model (drawn afresh each time); returns both sets of frames and the session.
  static func play(_ messages: [Msg], scene: Scene, size: ScreenSize) -> (
    continued: [Canvas], fresh: [Canvas], session: Session
  ) {
    var session = Session(scene: scene, size: size)
    var model = session.model
    var continued = [session.frame(time: 0)]
    var fresh = [view(model)]
    for message in messages {
      _ = session.send(message)
      continued.append(session.frame(time: 0))
      model = update(model, message).0
      fresh.append(view(model))
    }
    return (continued, fresh, session)
  }

  @Test("frames drawn by continuing the trails are the frames drawn afresh")
  func continuedTrailsMatchFreshOnes() throws {
    let scene = try SceneOptions(
      function: "himmelblau",
      optimizers: ["adam:lr=0.1", "sgd:lr=0.01", "momentum:lr=0.01", "rmsprop:lr=0.05"],
      stepsPerFrame: 40, noise: "0.5", seed: "3"
    ).scene()
    // Past 3,000 points per trail, so old points are thinned away more than once; keys
    // in between hide a trail, select one (drawn last), restart and step.
    var messages = Array(repeating: Msg.tick, count: 60)
    messages += [Fixture.key("2"), .tick, .tick, .key(.tab), .tick, .tick, Fixture.key("r")]
    messages += Array(repeating: Msg.tick, count: 80)
    messages += [Fixture.key("2"), .key(.tab), .key(.tab), .tick, Fixture.key("+"), .tick]
    messages += Array(repeating: Msg.tick, count: 30)
    let (continued, fresh, session) = Self.play(
      messages, scene: scene, size: ScreenSize(width: 120, height: 40))
    #expect(continued.count == fresh.count)
    for (index, pair) in zip(continued, fresh).enumerated() where pair.0 != pair.1 {
      Issue.record("frame \(index) differs from the fresh drawing")
      break
    }
    let trail = session.model.race.racers[0].trail
    #expect(trail.appendedCount > 3_000)
    #expect(trail.count < trail.appendedCount)  // thinned since the restart
  }

  @Test("a session continues the trails from frame to frame instead of redrawing them")
  func ticksContinueTheDrawing() throws {
    let (continued, fresh, session) = Self.play(
      Array(repeating: .tick, count: 50), scene: try RecordingTests.scene(noise: nil),
      size: ScreenSize(width: 80, height: 24))
    #expect(continued == fresh)
    #expect(session.frameCache.trailFreshDrawings == 1)
  }
}
