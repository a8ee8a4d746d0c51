import FoundationEssentials
import LibC
import OptimKit

/// Which Python runs plug-ins, and where optiscope's helper script is.
///
/// The interpreter: `--python PATH`, else `$OPTISCOPE_PYTHON`, else
/// `$VIRTUAL_ENV/bin/python`, else `python3` from the PATH. The helper is
/// found as the themes are: `../share/optiscope/python/optiscope/helper.py`
/// next to the executable (an installed copy), else the `python/` folder of
/// the source tree the program was built from.
public struct PluginRuntime: Sendable {
  /// The interpreter to start.
  public var python: String
  /// The helper script it runs.
  public var helper: String
  /// Seconds a step may take.
  public var stepTimeout: Double
  /// Seconds a plug-in may take to start (Python, its import and construction).
  public var startTimeout: Double = PluginOptimizer.startTimeout
  /// Open descriptors (read, write) of a process that serves `@` objects itself: the
  /// notebook package's. Used by the first `@` plug-in only.
  public var servedChannel: (read: Int32, write: Int32)?

  public init(
    python: String, helper: String, stepTimeout: Double = 5,
    servedChannel: (read: Int32, write: Int32)? = nil
  ) {
    self.python = python
    self.helper = helper
    self.stepTimeout = stepTimeout
    self.servedChannel = servedChannel
  }

  /// The runtime of this process: `--python`'s value (if given) and the environment.
  public static func standard(
    python given: String? = nil, stepTimeout: Double = 5,
    servedChannel: (read: Int32, write: Int32)? = nil,
    startTimeout: Double = PluginOptimizer.startTimeout,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(PluginError) -> PluginRuntime {
    let python: String
    if let given, !given.isEmpty {
      python = given
    } else if let chosen = environment["OPTISCOPE_PYTHON"], !chosen.isEmpty {
      python = chosen
    } else if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty {
      python = venv + "/bin/python"
    } else {
      python = "python3"
    }
    if python.contains("/") && access(python, X_OK) != 0 {
      throw PluginError(
        .missing,
        "no Python at \(python) (install Python 3 with numpy and torch, or name another with --python PATH)"
      )
    }
    guard let helper = helperCandidates().first(where: { access($0, R_OK) == 0 }) else {
      throw PluginError(
        .missing,
        "optiscope's plug-in helper is missing (looked for \(helperCandidates().joined(separator: ", ")))"
      )
    }
    var runtime = PluginRuntime(
      python: python, helper: helper, stepTimeout: stepTimeout, servedChannel: servedChannel)
    runtime.startTimeout = startTimeout
    return runtime
  }

  /// Where the helper may be, in order.
  static func helperCandidates() -> [String] {
    var candidates: [String] = []
    let executable =
      FileManager.default.fileExists(atPath: "/proc/self/exe")
      ? "/proc/self/exe" : CommandLine.arguments.first
    if let executable {
      let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
      candidates.append(
        binary.deletingLastPathComponent()
          .appendingPathComponent("../share/optiscope/python/optiscope/helper.py")
          .standardizedFileURL.path)
    }
    candidates.append(sourceTreeHelper)
    return candidates
  }

  /// `python/optiscope/helper.py` of the source tree this file was compiled from.
  static let sourceTreeHelper: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Plugins
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()  // the package
    .appendingPathComponent("python/optiscope/helper.py").path

  /// Starts every plug-in of `specs` at `start`, their helpers starting at once (`@` SPECs,
  /// served by the notebook's process, one at a time).
  public func start(_ specs: [PluginSpec], at start: Point, steps: Int) throws(PluginError)
    -> [PluginOptimizer]
  {
    let spawned = specs.filter { $0.source != "@" }
    var started = try PluginOptimizer.start(
      spawned, at: start, steps: steps, python: python, helper: helper, stepTimeout: stepTimeout,
      directory: FileManager.default.currentDirectoryPath, startTimeout: startTimeout)
    var result: [PluginOptimizer] = []
    for spec in specs {
      if spec.source == "@" {
        result.append(try self.start(spec, at: start, steps: steps))
      } else {
        result.append(started.removeFirst())
      }
    }
    return result
  }

  /// Starts the plug-in `spec` at `start`.
  public func start(
    _ spec: PluginSpec, at start: Point, steps: Int, overrides: [String: Double] = [:]
  ) throws(PluginError) -> PluginOptimizer {
    if spec.source == "@" {
      guard let served = servedChannel else {
        throw PluginError(
          .spec,
          "'@:\(spec.object)' names an object served by the notebook package (optiscope.check in Python)"
        )
      }
      return try PluginOptimizer(
        spec: spec, start: start, steps: steps,
        channel: PluginChannel(readingFrom: served.read, writingTo: served.write),
        stepTimeout: stepTimeout, overrides: overrides, startTimeout: startTimeout)
    }
    return try PluginOptimizer(
      spec: spec, start: start, steps: steps, python: python, helper: helper,
      stepTimeout: stepTimeout, directory: FileManager.default.currentDirectoryPath,
      overrides: overrides, startTimeout: startTimeout)
  }
}
