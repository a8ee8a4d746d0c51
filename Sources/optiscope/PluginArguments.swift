import ArgumentParser
import Plugins

/// `--python` and `--step-timeout`: how plug-in optimizers are run.
struct PluginArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The Python for plug-ins (default $OPTISCOPE_PYTHON, $VIRTUAL_ENV/bin/python, python3).",
      valueName: "path"))
  var python: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Seconds a plug-in step may take (default 5).", valueName: "seconds"))
  var stepTimeout: String = "5"

  /// The interpreter and helper, checked.
  func runtime() throws -> PluginRuntime {
    guard let timeout = Double(stepTimeout), timeout > 0, timeout.isFinite else {
      throw CommandError("--step-timeout must be a number of seconds > 0, got '\(stepTimeout)'")
    }
    do {
      return try PluginRuntime.standard(python: python, stepTimeout: timeout)
    } catch {
      throw CommandError(error.description)
    }
  }
}
