import Foundation
import Testing

/// No Python process outlives optiscope, even `kill -9` of optiscope while a plug-in hangs.
@Suite(.serialized, .enabled(if: PluginPython.isAvailable, "no Python with numpy and torch"))
struct PluginOrphanTests {
  /// The process ids whose parent is `parent`, from /proc.
  static func children(of parent: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 2 && Int32(fields[1]) == parent
    }
  }

  static func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return false
    }
    return !stat.contains(") Z ")
  }

  @Test func aHangingPluginsHelperEndsWhenOptiscopeIsKilled() throws {
    let python = try PluginPython.required()
    let process = Process()
    process.executableURL = try OptiscopeProcess.executable()
    process.arguments = [
      "trace", "--python", python, "--function", "rosenbrock", "--steps", "5",
      "--step-timeout", "300", "--optimizer", PluginPython.fixtures + "/my_adam.py:Hanging_Adam",
    ]
    let marker = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-hang-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: marker) }
    var environment = ProcessInfo.processInfo.environment
    environment["OPTISCOPE_HANG_MARKER"] = marker
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var helper: Int32?
    let deadline = Date().addingTimeInterval(60)
    while helper == nil && Date() < deadline {
      helper = Self.children(of: process.processIdentifier).first
      Thread.sleep(forTimeInterval: 0.05)
    }
    let pid = try #require(helper)
    // Wait until the plug-in hangs in its second step: then the helper reads no stdin.
    while !FileManager.default.fileExists(atPath: marker) && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(FileManager.default.fileExists(atPath: marker))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let gone = Date().addingTimeInterval(5)
    while Self.isAlive(pid) && Date() < gone { Thread.sleep(forTimeInterval: 0.05) }
    #expect(!Self.isAlive(pid), "helper \(pid) outlived optiscope")
    if Self.isAlive(pid) { kill(pid, SIGKILL) }
  }
}
