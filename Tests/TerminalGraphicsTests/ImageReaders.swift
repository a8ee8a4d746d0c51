import Foundation

/// Real readers of image files for the tests: Pillow (the venv's Python, from
/// `scripts/setup --tests`) and libsixel's own `sixel2png` (libsixel-bin).
enum ImageReaders {
  /// A fresh file path in the temporary folder.
  static func scratch(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "optiscope-graphics-\(UUID().uuidString)-\(name)"
    ).path
  }

  /// Runs a program; its status and everything it printed.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
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

  static var python: String {
    let environment = ProcessInfo.processInfo.environment
    let venv =
      environment["OPTISCOPE_VENV"]
      ?? ((environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/optiscope-venv")
    return venv + "/bin/python"
  }

  /// What Pillow reads from an image file: "WIDTHxHEIGHT FORMAT COLOURS", or its error.
  static func pillow(_ path: String) throws -> String {
    let script = """
      import sys
      from PIL import Image
      image = Image.open(sys.argv[1]); image.load()
      colors = image.convert("RGB").getcolors(maxcolors=1 << 24)
      print(f"{image.size[0]}x{image.size[1]} {image.format} {len(colors)}")
      """
    let result = try run([python, "-c", script, path])
    return result.output.split(separator: "\n").last.map(String.init) ?? result.output
  }

  /// Decodes a sixel file with libsixel's `sixel2png` and reads the PNG with Pillow.
  static func sixel(_ bytes: [UInt8]) throws -> String {
    let input = scratch("image.six")
    let output = scratch("image.png")
    defer {
      try? FileManager.default.removeItem(atPath: input)
      try? FileManager.default.removeItem(atPath: output)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: input))
    let result = try run(["sixel2png", "-i", input, "-o", output])
    guard result.status == 0 else { return "sixel2png failed: \(result.output)" }
    return try pillow(output)
  }

  /// Reads PNG bytes with Pillow.
  static func png(_ bytes: [UInt8]) throws -> String {
    let path = scratch("image.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return try pillow(path)
  }
}
