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

  // The notebook package's own process serves `@:OBJECT` over these two inherited pipes.
  @Option(help: .hidden)
  var pluginChannel: String?

  /// The interpreter and helper, checked.
  func runtime() throws -> PluginRuntime {
    guard let timeout = Double(stepTimeout), timeout > 0, timeout.isFinite else {
      throw CommandError("--step-timeout must be a number of seconds > 0, got '\(stepTimeout)'")
    }
    var served: (read: Int32, write: Int32)?
    if let pluginChannel {
      let parts = pluginChannel.split(separator: ",").compactMap { Int32($0) }
      guard parts.count == 2, parts.allSatisfy({ $0 > 2 }) else {
        throw CommandError(
          "--plugin-channel must be READ,WRITE descriptors, got '\(pluginChannel)'")
      }
      served = (parts[0], parts[1])
    }
    do {
      return try PluginRuntime.standard(
        python: python, stepTimeout: timeout, servedChannel: served)
    } catch {
      throw CommandError(error.description)
    }
  }
}
