import Foundation
import TestSupport

/// Real readers of image files for the tests: Pillow (the venv's Python, from
/// `scripts/setup --tests`) and libsixel's own `sixel2png` (libsixel-bin).
enum ImageReaders {
  /// A fresh file path in the temporary folder.
  static func scratch(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "optiscope-graphics-\(UUID().uuidString)-\(name)"
    ).path
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
    let result = try TestProcess.run([TestProcess.venvPython, "-c", script, path])
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
    let result = try TestProcess.run(["sixel2png", "-i", input, "-o", output])
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
