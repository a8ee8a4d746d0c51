import Foundation
import Testing

/// The one-variable mode through the real binary: compare answering the root-finding lab,
/// trace agreeing with it, a recording verified, and bad input refused in one line.
@Suite struct OneVariableCommandTests {
  /// The lab's questions: steps to f ≤ 1e-6 from −10 and 10 at lr 1e-3 and 1e-5. Each
  /// reached step is checked against `trace` of the same race (the first row with f ≤ the
  /// tolerance), each end against the root on its side, 3 ∓ √5.
  @Test func compareAnswersTheRootFindingLab() throws {
    let result = try OptiscopeProcess.run([
      "compare", "--function", "quadratic-squared", "--optimizer", "sgd", "--start", "-10",
      "--start", "10", "--lr", "1e-3", "--lr", "1e-5", "--tolerance", "1e-6", "--steps", "30000",
      "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("start,rank,optimizer,spec,reached_step,final_f,x,") == true)
    let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(
      rows.map { $0[0] + " " + $0[2] } == [
        "-10.0 sgd lr=1e-3", "-10.0 sgd lr=1e-5", "10.0 sgd lr=1e-3", "10.0 sgd lr=1e-5",
      ])
    var reached: [String: Int] = [:]
    for row in rows {
      let step = try #require(Int(row[4]), "\(row)")
      reached[row[0] + " " + row[2]] = step
      let x = try #require(Double(row[6]))
      let root = row[0] == "-10.0" ? 3 - 5.0.squareRoot() : 3 + 5.0.squareRoot()
      #expect(abs(x - root) < 1e-3, "\(row)")
      let lr = row[2].hasSuffix("1e-3") ? "0.001" : "1e-5"
      let trace = try OptiscopeProcess.run([
        "trace", "--function", "quadratic-squared", "--start", row[0], "--steps", String(step),
        "--optimizer", "sgd:lr=\(lr)",
      ])
      #expect(trace.status == 0, "\(trace.stderr)")
      let first = trace.stdout.split(separator: "\n").dropFirst()
        .map { $0.split(separator: ",") }
        .first { (Double($0[4]) ?? .infinity) <= 1e-6 }
      #expect(first.map { Int($0[1]) } == step, "\(row)")
      #expect(first.map { Double($0[3]) } == 0, "y stays 0")
    }
    // How the learning rate changes the number of steps: about a hundredfold.
    let fast = try #require(reached["-10.0 sgd lr=1e-3"])
    let slow = try #require(reached["-10.0 sgd lr=1e-5"])
    #expect(slow > 50 * fast)
  }

  @Test func aOneVariableRecordingVerifies() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-1d-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("lab.log").path
    let record = try OptiscopeProcess.run([
      "record", "--function", "double-well", "--frames", "15", "--size", "80x24", "--out", log,
    ])
    #expect(record.status == 0, "\(record.stderr)")
    let text = try String(contentsOfFile: log, encoding: .utf8)
    #expect(text.contains("\nstart = 1.8\n") && text.contains("\nview = -2.0, 2.0\n"))
    let verify = try OptiscopeProcess.run(["replay", "--verify", log])
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("15 frames identical"))
  }

  @Test(arguments: [
    (
      ["trace", "--function", "quartic", "--start", "1,2"],
      "optiscope: bad --start '1,2': f(x) has one variable: expected one number X, e.g. -10"
    ),
    (
      ["render", "--function", "quartic", "--view", "-1,1,-1,1"],
      "optiscope: bad --view '-1,1,-1,1': f(x) has one variable: expected X0,X1, e.g. -2,2"
    ),
    (
      ["compare", "--function", "quadratic", "--optimizer", "muon"],
      "optiscope: bad --optimizer 'muon': muon: Muon only supports 2D parameters whereas we "
        + "found a parameter with size: torch.Size([1]) (a function of one variable has one "
        + "parameter, x)"
    ),
    (
      ["trace", "--expr", "x^3 - x"],
      "optiscope: --start X is required with --expr"
    ),
    (
      ["render", "--function", "quartic", "--format", "png", "--out", Self.neverWritten],
      "optiscope: --format png does not draw functions of one variable yet; render them as text"
    ),
    (
      ["record", "--function", "quartic", "--format", "gif", "--out", Self.neverWritten],
      "optiscope: --format gif does not draw functions of one variable yet; record text or cast"
    ),
    (
      ["compare", "--function", "quadratic", "--lr", "fast"],
      "optiscope: bad --lr 'fast': expected a finite number > 0, e.g. 1e-3"
    ),
  ])
  func badInputIsOneLine(_ arguments: [String], _ message: String) throws {
    let result = try OptiscopeProcess.run(arguments)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == message + "\n")
    #expect(!FileManager.default.fileExists(atPath: Self.neverWritten))
  }

  /// Where a refused image would have gone.
  static let neverWritten = FileManager.default.temporaryDirectory
    .appendingPathComponent("optiscope-one-variable-refused.png").path
}
