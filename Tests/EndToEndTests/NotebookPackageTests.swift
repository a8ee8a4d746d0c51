import Foundation
import Testing

/// The notebook package from a plain `python -c`: a class of the caller's own process checked.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct NotebookPackageTests {
  static func python(_ code: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try PluginPython.required())
    process.arguments = ["-c", code]
    var environment = ProcessInfo.processInfo.environment
    environment["OPTISCOPE_BINARY"] = try OptiscopeProcess.executable().path
    environment["PYTHONPATH"] = OptiscopeProcess.packageRoot.appendingPathComponent("python").path
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  static let classes = """
    import torch, optiscope
    class My_SGD(torch.optim.Optimizer):
        def __init__(self, params, lr=0.01):
            super().__init__(params, dict(lr=lr))
        @torch.no_grad()
        def step(self, closure=None):
            for group in self.param_groups:
                for p in group["params"]:
                    p.sub_(group["lr"] * p.grad)
    class Wrong_SGD(My_SGD):
        @torch.no_grad()
        def step(self, closure=None):
            for group in self.param_groups:
                for p in group["params"]:
                    p.sub_(2 * group["lr"] * p.grad)

    """

  @Test func checkOnAClassDefinedInTheCallersProcess() throws {
    let (status, output) = try Self.python(
      Self.classes + """
        right = optiscope.check(My_SGD, against="sgd", lr=0.001, function="rosenbrock", steps=30)
        wrong = optiscope.check(Wrong_SGD, against="sgd", lr=0.001, function="rosenbrock", steps=30)
        print(right.ok, wrong.ok, wrong.results[0]["step"])
        print(right)
        """)
    #expect(status == 0, "\(output)")
    #expect(
      output
        == "True False 1\nrosenbrock from (-1.5, 2): equal for 30 steps (bitwise)\n")
  }

  @Test func traceOnAClassDefinedInTheCallersProcess() throws {
    let (status, output) = try Self.python(
      Self.classes + """
        report = optiscope.trace(My_SGD, lr=0.001, function="rosenbrock", steps=5, against="sgd:lr=0.001")
        print(report.points("My_SGD") == report.points("sgd"), len(report.points("My_SGD")))
        """)
    #expect(status == 0, "\(output)")
    #expect(output == "True 6\n")
  }
}
