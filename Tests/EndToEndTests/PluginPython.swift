import Foundation

/// The Python with numpy and torch the plug-in end-to-end tests give optiscope.
///
/// `$OPTISCOPE_PYTHON`, else `$OPTISCOPE_VENV/bin/python`, else
/// `~/.cache/optiscope-venv/bin/python`. Without one the tests fail under CI
/// (`CI=true`) and are skipped elsewhere.
enum PluginPython {
  static let python: String? = {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [String] = []
    if let python = environment["OPTISCOPE_PYTHON"], !python.isEmpty { candidates.append(python) }
    if let venv = environment["OPTISCOPE_VENV"], !venv.isEmpty {
      candidates.append(venv + "/bin/python")
    }
    candidates.append(NSHomeDirectory() + "/.cache/optiscope-venv/bin/python")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Whether the tests run: with Python, or under CI, where its absence fails them.
  static var isAvailable: Bool {
    python != nil || ProcessInfo.processInfo.environment["CI"] == "true"
  }

  struct Missing: Error, CustomStringConvertible {
    var description: String {
      "no Python with numpy and torch: run scripts/setup --tests, or set OPTISCOPE_PYTHON"
    }
  }

  static func required() throws -> String {
    guard let python else { throw Missing() }
    return python
  }

  /// The plug-in fixtures (students' optimizers, numpy homework).
  static let fixtures = OptiscopeProcess.packageRoot
    .appendingPathComponent("Tests/PluginsTests/Fixtures").path

  /// A fresh virtual environment with nothing installed (no numpy, no torch), made once.
  static let bare: String? = {
    guard let python else { return nil }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-bare-venv-\(getpid())").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-m", "venv", "--without-pip", folder]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? folder + "/bin/python" : nil
  }()
}
