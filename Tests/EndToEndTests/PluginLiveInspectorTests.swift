import Foundation
import Testing

/// The inspector and `d` for a plug-in racer in a real 120×40 terminal (tmux): the panel shows
/// the plug-in's torch state and its last printed lines escaped, and `d` puts its lr back.
@Suite(
  .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"),
  .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginLiveInspectorTests {
  /// torch's Adam that prints its step count, with an escape sequence, after every step.
  static let source = """
    import torch

    class Chatty(torch.optim.Adam):
        def step(self, closure=None):
            loss = super().step(closure)
            for p in self.param_groups[0]["params"]:
                print("at", int(self.state[p]["step"]), "\\x1b[31mred")
            return loss

    """

  /// The inspector panel's rows below its heading, from the panel's column, trailing spaces cut.
  static func panel(_ screen: String) -> [String] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let heading = lines.firstIndex(where: { $0.contains("inspect ") }),
      let column = lines[heading].range(of: "inspect ")
    else { return [] }
    let start = lines[heading].distance(from: lines[heading].startIndex, to: column.lowerBound)
    return lines[(heading + 1)...].prefix(10).map {
      String(String($0.dropFirst(start)).reversed().drop { $0 == " " }.reversed())
    }
  }

  /// The race's step count in the top line ("│ step 204 │").
  static func raceStep(_ screen: String) -> Int? {
    let top = screen.split(separator: "\n").first.map(String.init) ?? ""
    guard let range = top.range(of: "step ") else { return nil }
    return Int(top[range.upperBound...].prefix { $0.isNumber })
  }

  @Test func theInspectorShowsThePlugInsStateAndPrintsAndDRestoresItsLearningRate() throws {
    let python = try PluginPython.required()
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-inspect-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.source.write(
      to: folder.appendingPathComponent("chatty.py"), atomically: true, encoding: .utf8)
    let session = try TmuxSession(width: 120, height: 40)
    defer { session.close() }
    let binary = try OptiscopeProcess.executable().path
    try session.run(
      "cd '\(folder.path)' && '\(binary)' --python '\(python)' --function rosenbrock"
        + " --optimizer adam:lr=0.1 --optimizer chatty.py:Chatty:lr=0.1 --fps 30; echo EXIT=$?")
    _ = try session.waitUntil("the race to take 10 steps", timeout: 180) { screen in
      (Self.raceStep(screen) ?? 0) >= 10
    }
    // Paused, the plug-in's pending step arrives and nothing moves after it.
    try session.send("Space")
    Thread.sleep(forTimeInterval: 1)
    try session.send("Tab", "Tab", "i")
    let shown = try session.waitUntil("the inspector with Chatty's state", timeout: 20) { screen in
      screen.contains("inspect ■ Chatty") && screen.contains("exp_avg_sq")
    }
    let rows = Self.panel(shown)
    let steps = try #require(
      rows.count > 3
        ? Int(rows[3].dropFirst("step".count).trimmingCharacters(in: .whitespaces)) : nil, "\(rows)"
    )
    #expect(steps >= 10)
    #expect(rows.count == 10)
    #expect(rows[0].hasPrefix("−∇f "))
    #expect(rows[1].hasPrefix("update "))
    #expect(rows[2].hasPrefix("|update| "))
    #expect(rows[3] == "step       \(steps)")
    #expect(rows[4].hasPrefix("exp_avg    ("))
    #expect(rows[5].hasPrefix("exp_avg_sq ("))
    // The last four lines it printed, the escape sequence shown escaped, never obeyed.
    #expect(
      Array(rows[6...9]) == [
        "printed    at \(steps - 3) \\e[31mred", "           at \(steps - 2) \\e[31mred",
        "           at \(steps - 1) \\e[31mred", "           at \(steps) \\e[31mred",
      ])
    try session.send("+")
    _ = try session.waitFor("Chatty: lr=0.1414 (×√2)")
    try session.send("d")
    _ = try session.waitFor("back to the scene's settings, Chatty: lr=0.1")
    #expect(try session.screen().contains("2■ Chatty lr=0.1 "))
    try session.send("q")
    #expect(try session.waitForExit(timeout: 20).contains("EXIT=0"))
  }
}
