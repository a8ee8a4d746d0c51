import Foundation
import Testing

/// The "beyond the notebooks" keys in the real program, in tmux, as a new user would find them.
@Suite(
  "Noise, schedules, leaderboard, inspector and basins in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct ExploreInteractiveTests {
  private let race =
    "--function himmelblau --optimizer adam:lr=0.1 --optimizer sgd:lr=0.01 --seed 42 --fps 30"

  /// Starts `optiscope ARGS; echo EXIT=$?` in a fresh pane and waits for the legend.
  private func launch(width: Int = 120, height: Int = 40) throws -> TmuxSession {
    let session = try TmuxSession(width: width, height: height)
    let binary = try OptiscopeProcess.executable().path
    try session.run("'\(binary)' \(race); echo EXIT=$?")
    try session.waitFor("adam lr=0.1 ")
    return session
  }

  @Test("? lists the new keys")
  func helpListsNewKeys() throws {
    let session = try launch(width: 80, height: 24)
    defer { session.close() }
    try session.type("?")
    let texts = [
      "gradient noise", "lr schedule", "leaderboard", "inspector", "basins of attraction", "quit",
    ]
    // Until the whole box is on screen: the terminal may show it part-drawn for a moment.
    let screen = try session.waitUntil("the help") { screen in
      screen.contains("optiscope keys") && texts.allSatisfy { screen.contains($0) }
    }
    for text in texts {
      #expect(screen.contains(text), "\(text) missing from the help:\n\(screen)")
    }
  }

  @Test("G turns the noise on and shows σ and the seed, g turns it off again")
  func noiseKeys() throws {
    let session = try launch()
    defer { session.close() }
    try session.type("G")
    try session.waitFor("noise σ=0.01 seed 42")
    try session.type("g")
    try session.waitUntil("the noise note to go") { !$0.contains("noise σ=") }
  }

  @Test("a shows the basins' progress while they are computed, then their key")
  func basinsProgress() throws {
    let session = try launch(width: 200, height: 60)
    defer { session.close() }
    try session.type(" ")
    try session.waitFor("paused")
    try session.type("a")
    let computing = try session.waitUntil("basins progress") { screen in
      screen.range(of: #"basins [0-9]{1,2}%"#, options: .regularExpression) != nil
    }
    #expect(computing.contains("basins ● adam"))
    try session.waitFor("done", timeout: 60)
  }

  @Test("c, L and i: the schedule in the legend, the leaderboard and the inspector")
  func scheduleLeaderboardInspector() throws {
    let session = try launch()
    defer { session.close() }
    try session.send("Tab")
    try session.type("ccc")
    try session.waitFor("(cosine)")
    try session.type("L")
    try session.waitFor("leaderboard f − f*")
    try session.type("i")
    let screen = try session.waitFor("inspect ")
    #expect(screen.contains("eff. step"))
    #expect(screen.contains("momentum"))
  }
}
