import App
import Testing

/// The live program's image key.
@Suite("image key")
struct ImageKeyTests {
  @Test("P asks for the current figure to be saved, and changes nothing else")
  func imageKey() throws {
    let model = try Fixture.model(width: 100, height: 30)
    let (after, effects) = update(model, Fixture.key("P"))
    #expect(effects == [.saveImage])
    #expect(after.race.stepCount == model.race.stepCount)
    #expect(after.view == model.view)
  }
}
