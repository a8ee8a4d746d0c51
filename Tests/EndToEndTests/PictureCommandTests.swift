import Foundation
import Testing

/// `optiscope levels` and `optiscope render` run as a user would run them.
@Suite struct PictureCommandTests {
  /// numpy's levels for x*x + y*y on a 7×5 grid of [-2, 2]² (scripts/levels-reference.py, "sphere").
  private let sphereLevels = [
    "0.0011102040816326534",
    "0.009734328071944158",
    "0.03385204985711759",
    "0.08144331267006447",
    "0.16048805974369626",
    "0.27896623431092465",
    "0.326530612244898",
    "0.33908877003819826",
    "0.6123605618258655",
    "0.6406896231944419",
    "0.9665306122448977",
    "0.966530612244898",
    "1.2478711623408114",
    "1.9461224489795914",
    "1.9461224489795919",
    "2.7236842074531826",
    "2.886530612244899",
    "3.578775510204082",
    "3.866122448979592",
    "5.498775510204083",
  ]

  @Test func levelsPrintsTheRecipesValuesInFullPrecision() throws {
    let result = try OptiscopeProcess.run([
      "levels", "--expr", "x*x + y*y", "--view=-2,2,-2,2", "--size", "7x5",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout == sphereLevels.map { $0 + "\n" }.joined())
  }

  @Test func levelsOfACatalogFunctionUseItsView() throws {
    let byName = try OptiscopeProcess.run(["levels", "--function", "sphere", "--size", "30x10"])
    let lines = byName.stdout.split(separator: "\n").compactMap { Double($0) }
    #expect(byName.status == 0)
    #expect(lines.count > 5)
    #expect(lines == lines.sorted())
  }

  @Test(arguments: [
    ["render", "--function", "rosenbrock", "--size", "120x40"],
    ["render", "--function", "himmelblau", "--size", "80x24", "--layout", "split"],
    [
      "render", "--expr", "x^2 + 10*y^2", "--start=-2,1", "--optimizer", "adam:lr=0.1", "--size",
      "60x20",
    ],
    ["render", "--size", "41x13", "--steps", "20"],
    ["render", "--size", "10x4"],
  ])
  func renderPrintsExactlyTheScreen(arguments: [String]) throws {
    let result = try OptiscopeProcess.run(arguments)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let size = try #require(arguments.firstIndex(of: "--size").map { arguments[$0 + 1] })
    let parts = size.split(separator: "x").compactMap { Int($0) }
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(result.stdout.hasSuffix("\n"))
    #expect(lines.count == parts[1])
    #expect(lines.allSatisfy { $0.count == parts[0] })
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test func renderDefaultsTo120By40WithoutATerminal() throws {
    let result = try OptiscopeProcess.run(["render", "--steps", "10"])
    let lines = result.stdout.split(separator: "\n")
    #expect(result.status == 0)
    #expect(lines.count == 40)
    #expect(lines.allSatisfy { $0.count == 120 })
    #expect(lines[0].hasPrefix(" Rosenbrock"))
    for name in ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "nadam"] {
      #expect(result.stdout.contains(name))
    }
  }

  @Test func renderWithColourAlwaysWritesANSI() throws {
    let result = try OptiscopeProcess.run(
      ["render", "--function", "beale", "--size", "80x24", "--color", "always"],
      environment: ["TERM": "xterm-256color"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\u{1B}[0;"))
    #expect(result.stdout.contains("38;5;"))
    let plain = try OptiscopeProcess.run(["render", "--function", "beale", "--size", "80x24"])
    let stripped = result.stdout.replacing(try Regex("\u{1B}\\[[0-9;]*m"), with: "")
    // Colour fills the bands where plain text draws the glyph ramp; the layout,
    // the status line and the panels are the same.
    let colouredLines = stripped.split(separator: "\n", omittingEmptySubsequences: false)
    let plainLines = plain.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(colouredLines.count == plainLines.count)
    #expect(colouredLines.dropLast().allSatisfy { $0.count == 80 })
    #expect(colouredLines.first == plainLines.first)
  }

  @Test func renderShowsDivergedAndOutOfView() throws {
    let result = try OptiscopeProcess.run([
      "render", "--function", "saddle", "--optimizer", "sgd:lr=1e10", "--optimizer",
      "adam:lr=0.5", "--steps", "50", "--size", "100x30",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("diverged"))
    #expect(result.stdout.contains("out of view"))
    #expect(result.stdout.contains("shifted log scale"))
  }

  @Test(arguments: [
    (["levels", "--size", "3x3"], "give --function NAME or --expr EXPRESSION"),
    (["levels", "--function", "nope", "--size", "3x3"], "unknown function 'nope'"),
    (["levels", "--function", "sphere", "--size", "3by3"], "bad --size '3by3'"),
    (["render", "--view=1,0,0,1"], "bad --view '1,0,0,1'"),
    (["render", "--layout", "diagonal"], "bad --layout 'diagonal'"),
    (["render", "--size", "0x5"], "bad --size '0x5'"),
    (["render", "--expr", "x^"], "bad --expr 'x^'"),
    (["render", "--optimizer", "adamm"], "bad --optimizer 'adamm'"),
    (["render", "--start", "1"], "bad --start '1'"),
    (["render", "--steps=-1"], "--steps must be between"),
    (["render", "--function", "sphere", "--expr", "x"], "either --function or --expr"),
  ])
  func badInputGivesOneLineOnStderrAndNothingOnStdout(arguments: [String], message: String)
    throws
  {
    let result = try OptiscopeProcess.run(arguments)
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(message))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }
}
