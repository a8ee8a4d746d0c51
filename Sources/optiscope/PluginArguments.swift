import ArgumentParser
import Plugins

/// `--python`, `--step-timeout` and `--plugin-output`: how plug-in optimizers are run, and
/// where what they print goes.
struct PluginArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The Python for plug-ins (default $OPTISCOPE_PYTHON, $VIRTUAL_ENV/bin/python, python3).",
      valueName: "path"))
  var python: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Seconds a plug-in step may take.", valueName: "seconds"))
  var stepTimeout: String = "5"

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Seconds a plug-in may take to start: Python, its import and construction.",
      valueName: "seconds"))
  var startTimeout: String = "30"

  @Option(
    help: ArgumentHelp(
      "Write what plug-ins print (stdout, stderr, warnings) to FILE (replaced).",
      valueName: "file"))
  var pluginOutput: String?

  // The notebook package's own process serves `@:OBJECT` over these two inherited pipes.
  @Option(help: .hidden)
  var pluginChannel: String?

  /// The `--plugin-output` file, opened (not yet in place) before anything runs, so a bad
  /// path is refused first; nil without the option.
  func openPluginOutput() throws -> FileSink? {
    guard let pluginOutput else { return nil }
    do {
      return try FileSink.open(pluginOutput, force: true, option: "--plugin-output")
    } catch {
      throw CommandError(error.description)
    }
  }

  /// Says where what the plug-ins printed went: into `sink` (`--plugin-output`), each
  /// plug-in's text after a `== LABEL ==` line; else, for each plug-in that printed, a note
  /// on standard error (never the text itself, which may hold anything) naming how to see it.
  ///
  /// `failed` (a plug-in could not run): with nothing printed, an existing `--plugin-output`
  /// file is left as it was rather than replaced by an empty one.
  static func finish(
    _ sink: FileSink?, printed: [(label: String, text: String)], otherwise hint: String,
    failed: Bool = false
  ) throws {
    if let sink {
      var text = ""
      for (label, output) in printed where !output.isEmpty {
        text += "== \(label) ==\n" + output + (output.hasSuffix("\n") ? "" : "\n")
      }
      if failed && text.isEmpty {
        sink.discard()
        return
      }
      do {
        try sink.write(Array(text.utf8))
        try sink.commit()
      } catch {
        throw CommandError("cannot write --plugin-output '\(sink.path)': \(error)")
      }
      return
    }
    for (label, output) in printed where !output.isEmpty {
      let lines =
        output.split(separator: "\n", omittingEmptySubsequences: false).count
        - (output.hasSuffix("\n") ? 1 : 0)
      StandardStream.warn(
        "optiscope: \(label) printed \(lines) line\(lines == 1 ? "" : "s"), not shown (\(hint))")
    }
  }

  /// The interpreter and helper, checked.
  func runtime() throws -> PluginRuntime {
    guard let timeout = Double(stepTimeout), timeout > 0, timeout.isFinite else {
      throw CommandError("--step-timeout must be a number of seconds > 0, got '\(stepTimeout)'")
    }
    guard let startLimit = Double(startTimeout), startLimit > 0, startLimit.isFinite else {
      throw CommandError("--start-timeout must be a number of seconds > 0, got '\(startTimeout)'")
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
        python: python, stepTimeout: timeout, servedChannel: served, startTimeout: startLimit)
    } catch {
      throw CommandError(error.description)
    }
  }
}
