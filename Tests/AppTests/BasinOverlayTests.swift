import App
import OptimKit
import Testing

@Suite("Basins of attraction: a, computed a bounded amount per tick by the session")
struct BasinOverlayTests {
  /// Plain gradient descent on Himmelblau, small steps: close to the gradient flow.
  private let options = SceneOptions(
    function: "himmelblau", optimizers: ["sgd:lr=0.005", "adam:lr=0.1"])

  /// A session of a scene given as command-line options, on a 120×40 screen.
  private func session(_ options: SceneOptions) throws -> Session {
    Session(scene: try options.scene(), size: ScreenSize(width: 120, height: 40))
  }

  /// Sends `messages` to `session`, one after another.
  private func send(_ messages: [Msg], to session: inout Session) {
    for message in messages { _ = session.send(message) }
  }

  @Test("a starts at 0%, every tick adds cells, and it reaches 100% with the progress on screen")
  func progressReachesCompletion() throws {
    // Slow steps, so the map takes several frames.
    var session = try session(
      SceneOptions(function: "himmelblau", optimizers: ["sgd:lr=0.0005"]))
    #expect(session.basins.progress == nil)
    send([Fixture.key("a")], to: &session)
    #expect(session.model.isBasinsShown)
    #expect(session.basins.progress == 0)
    #expect(session.basins.isComputing)
    let cells = try #require(session.basins.map.map { $0.rows * $0.columns })
    var previous = 0.0
    var ticks = 0
    // Every tick computes at least one cell.
    while let progress = session.basins.progress, progress < 1, ticks <= cells {
      send([.tick], to: &session)
      let now = try #require(session.basins.progress)
      #expect(now > previous)
      previous = now
      ticks += 1
      if now < 1 {
        let screen = session.frame(time: 0)
        #expect(screen.lines[0].contains("basins \(Int((now * 100).rounded(.down)))%"))
        // The frame shows the basins computed so far, as the session computed them.
        #expect(screen == view(session.model, basins: session.basins))
      }
    }
    #expect(session.basins.progress == 1)
    #expect(ticks > 1)
    #expect(!session.basins.isComputing)
    #expect(session.frame(time: 0).lines.joined(separator: "\n").contains("basins ● sgd  done"))
    // Computed whole at once, as a headless picture draws them, they are the same.
    #expect(BasinOverlay(complete: session.model).progress == 1)
    #expect(view(session.model) == session.frame(time: 0))
  }

  @Test("Himmelblau: cells near each of the four minima belong to that minimum")
  func himmelblauRegions() throws {
    var session = try session(options)
    send([Fixture.key("a")], to: &session)
    while session.basins.isComputing { send([.tick], to: &session) }
    let map = try #require(session.basins.map)
    #expect(map.isComplete)
    var checked = Array(repeating: 0, count: 4)
    for row in 0..<map.rows {
      for column in 0..<map.columns {
        let centre = map.center(row: row, column: column)
        for (index, minimum) in map.minima.enumerated() where (centre - minimum).length < 0.5 {
          #expect(map[row: row, column: column] == .minimum(index))
          checked[index] += 1
        }
      }
    }
    #expect(checked.allSatisfy { $0 > 0 })
    // Each quadrant's far corner flows to the minimum of that quadrant.
    let corners = [
      (Point(x: 4.5, y: 4.5), 0), (Point(x: -4.5, y: 4.5), 1),
      (Point(x: -4.5, y: -4.5), 2), (Point(x: 4.5, y: -4.5), 3),
    ]
    for (corner, index) in corners {
      let column = Int((corner.x - map.view.xMin) / map.view.width * Double(map.columns))
      let row = Int((map.view.yMax - corner.y) / map.view.height * Double(map.rows))
      #expect(map[row: row, column: column] == .minimum(index))
    }
  }

  @Test("a new function, a new view or a changed optimizer start the basins again; a hides them")
  func cancelledOnChange() throws {
    var session = try session(options)
    send([Fixture.key("a"), .tick, .tick], to: &session)
    #expect((session.basins.progress ?? 0) > 0)
    send([Fixture.key("f")], to: &session)
    #expect(session.model.function.name != "himmelblau")
    if session.model.function.minima.isEmpty {
      #expect(session.basins.map == nil)
    } else {
      #expect(session.basins.progress == 0)
      #expect(session.basins.map?.minima == session.model.function.minima)
    }
    send([Fixture.key("F"), .tick, .tick], to: &session)
    #expect(session.model.function.name == "himmelblau")
    #expect((session.basins.progress ?? 0) > 0)
    send([Fixture.key("z")], to: &session)
    #expect(session.basins.progress == 0)
    #expect(session.basins.map?.view == session.model.view)
    send([.tick, Fixture.key("+")], to: &session)
    #expect(session.basins.progress == 0)
    #expect(
      session.basins.map?.spec.hyperparameters.learningRate
        == session.model.race.racers[0].spec.hyperparameters.learningRate)
    send([.key(.tab), .key(.tab)], to: &session)
    #expect(session.basins.map?.spec.kind == .adam)
    send([Fixture.key("a")], to: &session)
    #expect(session.basins.map == nil)
    #expect(!session.model.isBasinsShown)
  }

  @Test("the basins go on computing while the race is paused")
  func computedWhilePaused() throws {
    var session = try session(options)
    send([Fixture.key(" "), Fixture.key("a")], to: &session)
    #expect(session.model.isPaused)
    #expect(!session.isIdle)
    send([.tick, .tick], to: &session)
    #expect(session.model.race.stepCount == 0)
    #expect((session.basins.progress ?? 0) > 0)
  }

  @Test("a typed function has no known minima: a says so and shows nothing")
  func noMinima() throws {
    var session = try session(
      SceneOptions(expression: "x^2 + y^2", optimizers: ["adam:lr=0.1"]))
    send([Fixture.key("a")], to: &session)
    #expect(!session.model.isBasinsShown)
    #expect(session.basins.map == nil)
    #expect(session.model.message?.isError == true)
    #expect(session.model.message?.text.contains("known minima") == true)
  }
}
