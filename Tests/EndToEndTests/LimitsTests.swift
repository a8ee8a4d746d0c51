import Foundation
import Testing

/// The README's "Limits" are the program's: each bound accepted at the limit and refused one
/// past it, in one line, and each number written in the README's table.
@Suite struct LimitsTests {
  /// The README's "Limits" section.
  static func limitsSection() throws -> String {
    let readme = try String(
      contentsOf: OptiscopeProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "\n## Limits\n"))
    let rest = readme[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// Runs optiscope; returns whether it succeeded, and checks a refusal is one line.
  static func accepts(_ arguments: [String]) throws -> Bool {
    let result = try OptiscopeProcess.run(arguments)
    if result.status != 0 {
      #expect(result.status == 1)
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr.prefix(300))")
    }
    return result.status == 0
  }

  @Test("the README's table names every limit tested here")
  func readmeNamesTheNumbers() throws {
    let section = try Self.limitsSection()
    for number in [
      "1,000 characters", "64 levels", "63 nested parentheses", "1 to 2,000", "1 MiB",
      "1,048,576 bytes", "0 to 100,000", "0 to 1,000,000", "1 to 100,001", "1 to 1,024",
      "1 to 120", "2 to 64", "1/16 to 16", "`label`",
    ] {
      #expect(section.contains(number), "\(number)")
    }
  }

  @Test("expressions: 1,000 characters and 63 nested parentheses")
  func expressionLimits() throws {
    func levels(_ expression: String) throws -> Bool {
      try Self.accepts(["levels", "--size", "4x4", "--expr=\(expression)"])
    }
    #expect(try levels(String(repeating: "x+", count: 499) + "x"))
    #expect(!(try levels(String(repeating: "x+", count: 500) + "x")))
    let nested = { (n: Int) in
      String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n)
    }
    #expect(try levels(nested(63)))
    #expect(!(try levels(nested(64))))
  }

  @Test("sizes, steps, frames, pace and sweep counts at and past their limits")
  func numberLimits() throws {
    #expect(try Self.accepts(["levels", "--function", "sphere", "--size", "2000x1"]))
    #expect(!(try Self.accepts(["levels", "--function", "sphere", "--size", "2001x1"])))
    let small = ["--function", "sphere", "--optimizer", "sgd", "--size", "40x12"]
    #expect(try Self.accepts(["render", "--steps", "100000"] + small))
    #expect(!(try Self.accepts(["render", "--steps", "100001"] + small)))
    #expect(!(try Self.accepts(["trace", "--function", "sphere", "--steps", "1000001"])))
    #expect(!(try Self.accepts(["record", "--out", "-", "--frames", "100002"] + small)))
    #expect(
      try Self.accepts(
        ["record", "--out", "-", "--frames", "2", "--steps-per-frame", "1024"] + small))
    #expect(!(try Self.accepts(["render", "--steps-per-frame", "1025"] + small)))
    #expect(!(try Self.accepts(["render", "--fps", "121"] + small)))
    let sweep = ["trace", "--function", "sphere", "--steps", "0", "--sweep"]
    #expect(try Self.accepts(sweep + ["adam:lr=1e-3..1,count=64"]))
    #expect(!(try Self.accepts(sweep + ["adam:lr=1e-3..1,count=65"])))
    #expect(!(try Self.accepts(sweep + ["adam:lr=1e-3..1,count=1"])))
  }

  @Test("scene and theme files: 1 MiB")
  func fileLimits() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-limits-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scene = Array("function = sphere\n".utf8)
    /// A scene file of exactly `size` bytes: the scene, then a comment filling the rest.
    func sceneFile(_ size: Int) throws -> String {
      let filler = size - scene.count - 2
      let bytes =
        scene + [UInt8(ascii: "#")] + Array(repeating: UInt8(ascii: "x"), count: filler)
        + [UInt8(ascii: "\n")]
      let path = folder.appendingPathComponent("scene-\(size).txt")
      try Data(bytes).write(to: path)
      return path.path
    }
    let render = ["render", "--size", "40x12", "--steps", "0", "--scene"]
    #expect(try Self.accepts(render + [try sceneFile(1 << 20)]))
    #expect(!(try Self.accepts(render + [try sceneFile((1 << 20) + 1)])))
    // A theme file one byte over 1 MiB is refused as broken, by --theme.
    let theme = folder.appendingPathComponent("big.theme")
    try Data(Array("# big\n".utf8) + Array(repeating: UInt8(ascii: "#"), count: 1 << 20)).write(
      to: theme)
    let result = try OptiscopeProcess.run(
      ["render", "--function", "sphere", "--size", "40x12", "--theme", theme.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("at most 1 MiB"), "\(result.stderr)")
  }
}
