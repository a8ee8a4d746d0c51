import App
import ArgumentParser
import OptimKit
import Plugins

/// `optiscope check`: does a plug-in optimizer take torch's steps? The step where it leaves them.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a Python optimizer against optiscope's torch-exact one, step by step.",
    discussion: """
      Runs the plug-in --optimizer and the built-in --against from the same start on the same \
      function and compares the points after every step (step K is the point after K updates; \
      the start is step 0). Prints "equal" (bitwise, or up to rounding with the largest \
      relative difference), or "first difference at step K: (x, y) = ... yours, ... reference", \
      followed by the first state variable that differs when the plug-in keeps torch's state \
      names (exp_avg, exp_avg_sq, momentum_buffer, step, ...).

      Without --function or --expr it runs the course suite: the functions and starts of \
      scenes/, each with the SPECs' settings and again with lr ten times smaller, one line per \
      case and a summary.

      Two points count as equal when each coordinate agrees to the relative --tolerance \
      (default 1e-8): equivalent formulas round differently, so a right optimizer written \
      another way is not bitwise torch's.

      Exit status: 0 when every case agrees, 1 when any differs, 2 when the plug-in could not \
      run (missing Python, numpy, torch, file or object; a bad keyword; an exception; a timeout), \
      64 when the command line is refused (an unknown --against or --function, a bad number, an \
      unwritable --plugin-output), before anything runs. With --format jsonl a refusal or a \
      plug-in that cannot start is also one JSON line on stdout: {"result": "usage" or "error", \
      "error": the message, ...}.

      Examples:
        optiscope check --optimizer my_adam.py:My_Adam:lr=0.1 --against adam:lr=0.1
        optiscope check --optimizer my_adam.py:My_Adam:lr=0.1 --against adam:lr=0.1 \\
            --function rosenbrock --start=-1.5,2 --steps 200
        optiscope check --optimizer hw.py:adam:lr=0.01 --against adam:lr=0.01 --format jsonl
      """
  )

  @Option(
    help: ArgumentHelp("The plug-in SPEC: FILE.py:OBJECT[:KEYWORDS] or MODULE:OBJECT[:KEYWORDS]."))
  var optimizer: String

  @Option(help: ArgumentHelp("The built-in optimizer SPEC to compare with, e.g. adam:lr=0.1."))
  var against: String

  // duplicates: --start/--steps/--tolerance as in compare, but with check's own help and defaults.
  @OptionGroup var function: FunctionArguments

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The start point X,Y (write --start=-1.5,2).", valueName: "x,y"))
  var start: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Steps per case (default 100; the suite: each scene's).", valueName: "n"))
  var steps: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Largest relative difference per coordinate (default 1e-8).", valueName: "t")
  )
  var tolerance: String = "1e-8"

  @Option(help: ArgumentHelp("Output format: text or jsonl.", valueName: "format"))
  var format: String = "text"

  @Flag(help: "Also print what the plug-in printed (escaped, after each case, lines led by '| ').")
  var showOutput = false

  @OptionGroup var plugins: PluginArguments

  func run() throws {
    guard ["text", "jsonl"].contains(format.lowercased()) else {
      throw CommandError("--format must be text or jsonl, got '\(format)'")
    }
    guard let tolerance = Double(tolerance), tolerance >= 0, tolerance.isFinite else {
      throw CommandError("--tolerance must be a number ≥ 0, got '\(self.tolerance)'")
    }
    let stepCount: Int?
    if let steps {
      guard let count = Int(steps), (1...Trace.maximumSteps).contains(count) else {
        throw CommandError(
          "--steps must be a whole number from 1 to \(Trace.maximumSteps), got '\(steps)'")
      }
      stepCount = count
    } else {
      stepCount = nil
    }
    guard PluginSpec.isPlugin(optimizer) else {
      throw CommandError(
        "--optimizer '\(optimizer)' is not a plug-in SPEC: give FILE.py:OBJECT[:KEYWORDS] or MODULE:OBJECT, e.g. my_adam.py:My_Adam:lr=0.1"
      )
    }
    let plugin: PluginSpec
    do {
      plugin = try PluginSpec(parsing: optimizer)
    } catch {
      throw cannotRun(error.description)
    }
    let reference: OptimizerSpec
    do {
      reference = try OptimizerSpec(parsing: against)
    } catch {
      throw CommandError("--against: \(error)")
    }
    let cases = try makeCases(
      plugin: plugin, reference: reference, steps: stepCount, tolerance: tolerance)
    let runtime: PluginRuntime
    do {
      runtime = try plugins.runtime()
    } catch {
      throw cannotRun("\(error)")
    }
    let printedFile = try plugins.openPluginOutput()
    var results: [PluginCheckResult] = []
    var optimizer: PluginOptimizer?
    defer { optimizer?.terminate() }
    for check in cases {
      let result: PluginCheckResult
      (result, optimizer) = check.run(runtime: runtime, reusing: optimizer)
      let printedBefore = results.last?.printed.count ?? 0
      results.append(result)
      try StandardStream.print((format.lowercased() == "jsonl" ? result.json : result.text) + "\n")
      if showOutput && format.lowercased() == "text" {
        // One helper serves every case: its output so far, less what earlier cases showed.
        let printed = String(result.printed.dropFirst(printedBefore))
        for line in printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
          try StandardStream.print("| " + PluginError.escaped(String(line)) + "\n")
        }
      }
      if result.failed { break }
    }
    if cases.count > 1 && format.lowercased() == "text" {
      let agreeing = results.filter(\.agrees).count
      var summary = "\(agreeing) of \(cases.count) cases agree"
      if results.count < cases.count { summary += " (stopped: the plug-in could not run)" }
      try StandardStream.print(summary + "\n")
    }
    let shown = showOutput && format.lowercased() == "text"
    try PluginArguments.finish(
      printedFile,
      printed: shown && printedFile == nil ? [] : [(plugin.object, results.last?.printed ?? "")],
      otherwise: "--show-output shows it, --plugin-output FILE keeps it",
      failed: results.contains(where: \.failed))
    if results.contains(where: \.failed) { throw ExitCode(2) }
    if !results.allSatisfy(\.agrees) { throw ExitCode(1) }
  }

  /// Exit status 2 after one line (and, for jsonl, one JSON record): the plug-in cannot run at all.
  func cannotRun(_ message: String) -> ExitCode {
    StandardStream.warn("optiscope: " + message + "\n")
    if format.lowercased() == "jsonl" {
      try? StandardStream.print(Self.errorRecord(result: "error", message: message) + "\n")
    }
    return ExitCode(2)
  }

  /// The exit status of a refused command line (EX_USAGE, ArgumentParser's own code for
  /// one): not 1, which says the plug-in differs, nor 2, which says it could not run.
  static let usageStatus: Int32 = 64

  /// After a refusal's line on stderr: the same as one JSON record on stdout when the
  /// command line asks for `--format jsonl`, so an autograder reading stdout sees why.
  static func reportRefusal(_ message: String, arguments: [String]) {
    let asksForJSON = zip(arguments, arguments.dropFirst()).contains {
      $0 == "--format" && $1.lowercased() == "jsonl"
    }
    guard asksForJSON || arguments.contains(where: { $0.lowercased() == "--format=jsonl" }) else {
      return
    }
    try? StandardStream.print(errorRecord(result: "usage", message: message) + "\n")
  }

  /// `{"error": MESSAGE, "result": RESULT, "text": "optiscope: MESSAGE"}`.
  static func errorRecord(result: String, message: String) -> String {
    JSONValue.object([
      "result": .string(result), "error": .string(message),
      "text": .string("optiscope: " + message),
    ]).text
  }

  /// One case for --function/--expr, or the course suite.
  func makeCases(plugin: PluginSpec, reference: OptimizerSpec, steps: Int?, tolerance: Double)
    throws -> [PluginCheck]
  {
    if function.isGiven {
      let (choice, hasOwnStart) = try function.requiredChoice()
      let point: Point
      if let start {
        point = try Trace.parsePoint(start)
      } else if hasOwnStart {
        point = choice.start
      } else {
        throw CommandError("--expr needs --start X,Y (e.g. --start 1,1)")
      }
      return [
        PluginCheck(
          name: "\(choice.name) from \(Self.text(point))", objective: choice.objective,
          start: point, reference: reference, plugin: plugin, steps: steps ?? 100,
          tolerance: tolerance)
      ]
    }
    if start != nil { throw CommandError("--start needs --function or --expr") }
    let lr = reference.hyperparameters.learningRate
    var cases: [PluginCheck] = []
    for scene in CourseSuite.scenes {
      let choice = try SceneOptions(function: scene.function, expression: scene.expression)
        .functionChoice()
      for overrides in [[:], ["lr": lr / 10]] {
        let settings = overrides.isEmpty ? "as given" : "lr=\(lr / 10)"
        cases.append(
          PluginCheck(
            name: "\(scene.name) from \(Self.text(scene.start)), \(settings)",
            objective: choice.objective, start: scene.start, reference: reference,
            plugin: plugin, overrides: overrides, steps: steps ?? scene.steps,
            tolerance: tolerance))
      }
    }
    return cases
  }

  static func text(_ point: Point) -> String {
    func number(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
    return "(\(number(point.x)), \(number(point.y)))"
  }
}
