import App
import OptimKit
import Plot
import Testing

/// `d` and the inspector for plug-in racers: settings back through param_groups, the
/// plug-in's own state and printed lines in the panel.
@Suite struct PluginInspectorTests {
  /// The fixture's race plus a torch-like plug-in (index 3) and a history function (index 4).
  func model() throws -> Model { try Fixture.modelWithPlugins(descentKeepsState: false) }

  /// The inspector panel's rows, from its heading down, cut at the panel's left edge and
  /// without trailing spaces.
  func panel(_ model: Model, rows count: Int) throws -> [String] {
    let lines = view(model).lines
    let heading = try #require(lines.firstIndex { $0.contains("inspect ") })
    let column = try #require(lines[heading].range(of: "inspect "))
    let start = lines[heading].distance(from: lines[heading].startIndex, to: column.lowerBound)
    return lines[heading..<(heading + count)].map {
      String(String($0.dropFirst(start)).reversed().drop { $0 == " " }.reversed())
    }
  }

  @Test func dPutsAPluginsSettingsBackThroughItsParamGroups() throws {
    var model = try model()
    var effects: [Effect] = []
    let tabs = Array(repeating: Msg.key(.tab), count: 4)
    (model, _) = Fixture.send(tabs + [Fixture.key("+"), Fixture.key("+")], to: model)
    #expect(model.race.racers[3].external?.settings?[.learningRate] != 0.1)
    (model, effects) = Fixture.send([Fixture.key("d")], to: model)
    #expect(effects == [.editPlugin(racer: 3, key: .learningRate, value: 0.1)])
    #expect(model.race.racers[3].external?.settings?[.learningRate] == 0.1)
    #expect(model.message?.text == "back to the scene's settings, My_Adam: lr=0.1")
    (model, effects) = Fixture.send([Fixture.key("d")], to: model)
    #expect(effects.isEmpty)
    #expect(model.message?.text == "this optimizer's settings are the scene's already")
  }

  @Test func theInspectorShowsAPluginsStateByItsNamesAndWhatItPrintedEscaped() throws {
    var model = try model()
    _ = update(&model, .external(.arrived(racer: 3, at: Point(x: 1, y: 2), evaluations: 1)))
    _ = update(
      &model,
      .external(
        .reported(
          racer: 3, state: ["exp_avg": [0.5, -0.25], "step": [1], "exp_avg_sq": [0.125, 2]],
          printed: ["m_hat \u{1B}[31mred", "done"])))
    (model, _) = Fixture.send(
      Array(repeating: .key(.tab), count: 4) + [Fixture.key("i")], to: model)
    let inspection = model.race.racers[3].inspection
    let s = NumberFormat.scientific
    func pair(_ point: Point) -> String { "(\(s(point.x)), \(s(point.y)))" }
    let rows = try panel(model, rows: 10)
    #expect(
      Array(rows.dropFirst()) == [
        "−∇f        " + pair(-1 * inspection.gradient),
        "update     " + pair(inspection.lastUpdate),
        "|update|   " + s(inspection.stepLength),
        "step       1",
        "exp_avg    (0.5, -0.25)",
        "exp_avg_sq (0.125, 2)",
        "printed    m_hat \\e[31mred",
        "           done",
        "",
      ])
    #expect(rows[0].hasSuffix("My_Adam"))
  }

  @Test func aHistoryFunctionHasNoStateAndAQuietPluginPrintedNothing() throws {
    var model = try model()
    (model, _) = Fixture.send(
      Array(repeating: .key(.tab), count: 5) + [Fixture.key("i")], to: model)
    let rows = try panel(model, rows: 7)
    #expect(rows[4] == "state     none (a history function)")
    #expect(rows[5] == "printed   nothing")
    (model, _) = Fixture.send([.key(.backTab)], to: model)
    #expect(try panel(model, rows: 7)[4] == "state     — (no step yet)")
  }

  @Test func aPluginThatSteppedWithoutStateKeepsNoneAndOneThatStoppedSaysWhen() throws {
    var model = try model()
    for step in 1...2 {
      let point = Point(x: Double(step), y: 2)
      _ = update(&model, .external(.arrived(racer: 3, at: point, evaluations: 1)))
      _ = update(&model, .external(.reported(racer: 3, state: [:], printed: [])))
    }
    (model, _) = Fixture.send(
      Array(repeating: .key(.tab), count: 4) + [Fixture.key("i")], to: model)
    #expect(try panel(model, rows: 7)[4] == "state     none kept")
    _ = update(&model, .external(.failed(racer: 3, reason: "timed out: no answer within 5 s")))
    #expect(try panel(model, rows: 7)[4] == "state     — (stopped at step 2)")
  }
}
