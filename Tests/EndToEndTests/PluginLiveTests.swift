import Foundation
import Testing

/// Plug-in optimizers in the live race, in a real 80×24 terminal (tmux): they move beside
/// built-in adam, a failing one shows its exception while the others race on, and `q`
/// leaves no Python behind.
@Suite(
  .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"),
  .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginLiveTests {
  /// A torch.optim.Optimizer subclass that is Adam written out, and one that raises at
  /// its third step.
  static let source = """
    import torch

    class My_Adam(torch.optim.Optimizer):
        def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
            super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

        @torch.no_grad()
        def step(self, closure=None):
            for group in self.param_groups:
                b1, b2 = group["betas"]
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    state = self.state[p]
                    if not state:
                        state["step"] = 0
                        state["exp_avg"] = torch.zeros_like(p)
                        state["exp_avg_sq"] = torch.zeros_like(p)
                    state["step"] += 1
                    t = state["step"]
                    state["exp_avg"].mul_(b1).add_(p.grad, alpha=1 - b1)
                    state["exp_avg_sq"].mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
                    m = state["exp_avg"] / (1 - b1 ** t)
                    v = state["exp_avg_sq"] / (1 - b2 ** t)
                    p.sub_(group["lr"] * m / (v.sqrt() + group["eps"]))

    class Bad_Adam(My_Adam):
        def step(self, closure=None):
            self.count = getattr(self, "count", 0) + 1
            if self.count == 3:
                raise ZeroDivisionError("boom at step 3")
            return super().step(closure)

    """

  /// The step count in the legend row under the row naming `label` ("  f 3.6e+00  #139  running").
  static func legend(_ label: String, in screen: String) -> (step: Int, status: String)? {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.split(separator: "│").last.map(String.init) ?? ""
    }
    guard let row = rows.firstIndex(where: { $0.contains(" \(label) ") }), row + 1 < rows.count
    else { return nil }
    let words = rows[row + 1].split(separator: " ")
    guard let count = words.first(where: { $0.hasPrefix("#") }).flatMap({ Int($0.dropFirst()) }),
      let status = words.last
    else { return nil }
    return (count, String(status))
  }

  @Test func pluginsRaceLiveBesideAdamAndAFailureShowsInTheLegend() throws {
    let python = try PluginPython.required()
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-live-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // A file name no other process has in its command line, for pgrep.
    let module = "live_adam_\(UUID().uuidString.prefix(8).lowercased())"
    try Self.source.write(
      to: folder.appendingPathComponent(module + ".py"), atomically: true, encoding: .utf8)

    let session = try TmuxSession(width: 80, height: 24)
    defer { session.close() }
    let binary = try OptiscopeProcess.executable().path
    try session.run(
      "cd '\(folder.path)' && '\(binary)' --python '\(python)' --function rosenbrock"
        + " --optimizer adam:lr=0.1 --optimizer \(module).py:My_Adam:lr=0.1"
        + " --optimizer \(module).py:Bad_Adam:lr=0.1 --fps 30; echo EXIT=$?")

    // Importing torch in two helpers takes a while on a loaded machine.
    let moving = try session.waitUntil("My_Adam to take 20 steps", timeout: 180) { screen in
      (Self.legend("My_Adam", in: screen)?.step ?? 0) >= 20
    }
    #expect(Self.legend("My_Adam", in: moving)?.status == "running")
    #expect(Self.legend("adam", in: moving)?.status == "running")
    // Bad_Adam took two steps, then raised: it stops there, the reason in the legend.
    let failed = try session.waitUntil("Bad_Adam to fail", timeout: 30) { screen in
      Self.legend("Bad_Adam", in: screen)?.status == "failed"
    }
    #expect(Self.legend("Bad_Adam", in: failed)?.step == 2)
    #expect(failed.contains("Bad_Adam ZeroDivision"))
    // adam and My_Adam race on.
    let adamThen = Self.legend("adam", in: failed)?.step ?? 0
    let mineThen = Self.legend("My_Adam", in: failed)?.step ?? 0
    let later = try session.waitUntil("adam and My_Adam to move on", timeout: 30) { screen in
      (Self.legend("adam", in: screen)?.step ?? 0) > adamThen + 10
        && (Self.legend("My_Adam", in: screen)?.step ?? 0) > mineThen + 10
    }
    #expect(Self.legend("Bad_Adam", in: later)?.step == 2)

    // The helpers run with the plug-in's SPEC in their command line.
    #expect(Self.pythonProcesses(named: module).count == 2)
    try session.send("q")
    let exited = try session.waitForExit(timeout: 20)
    #expect(exited.contains("EXIT=0"))
    let deadline = Date().addingTimeInterval(10)
    while !Self.pythonProcesses(named: module).isEmpty && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(Self.pythonProcesses(named: module).isEmpty, "a plug-in helper outlived optiscope")
  }

  /// `pgrep -af NAME.py:`: the plug-in helpers (python running helper.py) serving `name`.
  static func pythonProcesses(named name: String) -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    process.arguments = ["-af", name + ".py:"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return ["pgrep did not run"] }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
      .filter { $0.contains("helper.py") }
  }
}
