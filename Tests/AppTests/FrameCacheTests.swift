import App
import OptimKit
import Plot
import Testing

/// The frame cache a session keeps: the heatmap is sampled when what it shows changed, not
/// every frame, and a cached frame is the frame drawn afresh.
@Suite struct FrameCacheTests {
  /// A second theme for `t`, as the runtime would hand it over.
  static let warm = ThemeChoice(
    name: "warm", path: "/themes/warm.theme",
    result: Result { () throws(ThemeError) in
      try ThemeFile.parse(
        "description = warm\nramp.256 = 52 88 124 160 196\nramp.16 = 0 1 9\nramp.8 = 0 1",
        file: "/themes/warm.theme", name: "warm")
    })

  @Test("a session samples the heatmap once while the race runs, again for a new view or theme")
  func heatmapIsSampledOnlyWhenItChanges() throws {
    var session = Session(
      scene: try RecordingTests.scene(noise: nil), size: ScreenSize(width: 100, height: 30),
      themes: ([.builtIn, Self.warm], 0))
    func play(_ messages: [Msg]) {
      var frame = session.frame(time: 0)
      for message in messages {
        _ = session.send(message)
        frame = session.frame(time: 0)
      }
      // The cached frame is the frame drawn afresh from the model alone.
      #expect(frame == view(session.model), "after \(messages)")
    }
    play(Array(repeating: .tick, count: 20) + [Fixture.key("?"), Fixture.key("?")])
    #expect(session.frameCache.heatmapComputations == 1)
    play([Fixture.key("z"), .tick, .tick])  // zoom in: another view
    #expect(session.frameCache.heatmapComputations == 2)
    play([Fixture.key("t"), .tick])  // another theme
    #expect(session.model.theme.summary == "warm")
    #expect(session.frameCache.heatmapComputations == 3)
    play([.resize(width: 80, height: 24), .tick])  // another map size
    #expect(session.frameCache.heatmapComputations == 4)
  }

  @Test("update leaves the heatmap to the view: a model drawn with a fresh cache samples once")
  func aFreshCacheSamplesOnce() throws {
    var model = try Fixture.model()
    for _ in 0..<5 { model = update(model, .tick).0 }
    var cache = FrameCache()
    let first = view(model, cache: &cache)
    #expect(view(model, cache: &cache) == first)
    #expect(cache.heatmapComputations == 1)
    #expect(first == view(model))
  }

  @Test("the screen plan is made once while the race runs, again for a new view, size or layout")
  func planIsMadeOnlyWhenItChanges() throws {
    var session = Session(
      scene: try RecordingTests.scene(noise: nil), size: ScreenSize(width: 100, height: 30),
      themes: ([.builtIn], 0))
    func play(_ messages: [Msg]) {
      var frame = session.frame(time: 0)
      for message in messages {
        _ = session.send(message)
        frame = session.frame(time: 0)
      }
      // The cached frame is the frame drawn afresh from the model alone, axes included.
      #expect(frame == view(session.model), "after \(messages)")
    }
    play(Array(repeating: .tick, count: 20))
    #expect(session.frameCache.planComputations == 1)
    play([Fixture.key("z"), .tick, .tick])  // zoom in: the axes' values change
    #expect(session.frameCache.planComputations == 2)
    play([.resize(width: 80, height: 24), .tick])  // another size
    #expect(session.frameCache.planComputations == 3)
    play([Fixture.key("l"), .tick])  // another layout
    #expect(session.frameCache.planComputations == 4)
  }
}
