import Foundation

/// Runs a program from a test and waits for it: what the image readers (Pillow,
/// `sixel2png`, `pdftoppm`) and other outside programs answer.
public enum TestProcess {
  /// Runs `arguments` through `/usr/bin/env` (so the first is looked up on PATH); the exit
  /// status and everything it printed, standard output and error together.
  public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// The venv's Python, with Pillow, numpy and torch: `OPTISCOPE_VENV`, else
  /// `$XDG_CACHE_HOME/optiscope-venv` or `~/.cache/optiscope-venv`, where
  /// `scripts/setup --tests` makes it.
  public static var venvPython: String {
    let environment = ProcessInfo.processInfo.environment
    let venv =
      environment["OPTISCOPE_VENV"]
      ?? ((environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/optiscope-venv")
    return venv + "/bin/python"
  }
}
