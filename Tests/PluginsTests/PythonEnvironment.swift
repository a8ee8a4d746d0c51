import FoundationEssentials
import LibC
import Plugins

/// The Python with numpy and torch the plug-in tests run.
///
/// `$OPTISCOPE_PYTHON`, else `$OPTISCOPE_VENV/bin/python`, else
/// `~/.cache/optiscope-venv/bin/python` (what `scripts/setup --tests` makes).
/// Without one the tests fail under CI (`CI=true`) and are skipped elsewhere.
enum PythonEnvironment {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The interpreter's path, when it exists.
  static let python: String? = {
    let env = environment
    var candidates: [String] = []
    if let python = env["OPTISCOPE_PYTHON"], !python.isEmpty { candidates.append(python) }
    if let venv = env["OPTISCOPE_VENV"], !venv.isEmpty { candidates.append(venv + "/bin/python") }
    if let home = env["HOME"] { candidates.append(home + "/.cache/optiscope-venv/bin/python") }
    return candidates.first { access($0, X_OK) == 0 }
  }()

  /// Whether the tests must run (CI) rather than be skipped without Python.
  static var isRequired: Bool { environment["CI"] == "true" }

  /// Whether the plug-in tests can run here; under CI a missing Python is a failure, not a skip.
  static var isAvailable: Bool { python != nil || isRequired }

  /// The helper script in this source tree.
  static let helper: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("python/optiscope/helper.py").path

  /// The Python to use; records a failure (CI) when there is none.
  static func required() throws -> String {
    guard let python else {
      throw MissingPython()
    }
    return python
  }

  struct MissingPython: Error, CustomStringConvertible {
    var description: String {
      "no Python with numpy and torch: run scripts/setup --tests, or set OPTISCOPE_PYTHON"
    }
  }
}
