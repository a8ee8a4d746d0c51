import Foundation
import Testing

/// `optiscope compare`, and `trace` with sweeps, noise, new optimizers and schedule changes.
@Suite struct CompareCommandTests {
  /// On sphere from (−4, 3), SGD scales the position by 1 − 2·lr per step; see LeaderboardTests.
  @Test func compareRanksSphereAsProvable() throws {
    let result = try OptiscopeProcess.run([
      "compare", "--function", "sphere", "--steps", "100", "--format", "csv",
      "--optimizer", "sgd:lr=0.1", "--optimizer", "sgd:lr=2", "--optimizer", "sgd:lr=0.5",
      "--optimizer", "sgd:lr=0.001",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "rank,optimizer,spec,reached_step,final_f,x,y,distance,steps,status,"
        + "reached_evaluations,evaluations")
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.count == 4)
    #expect(
      rows.map { String($0[2]) } == [
        "\"sgd:lr=0.5\"", "\"sgd:lr=0.1\"", "\"sgd:lr=0.001\"", "\"sgd:lr=2.0\"",
      ])
    #expect(rows.map { String($0[3]) } == ["1", "39", "", ""])
    #expect(rows.map { String($0[9]) } == ["converged", "running", "running", "running"])
    #expect(rows[0][4] == "0.0" && rows[0][7] == "0.0")
  }

  @Test func compareWithoutOptimizersRanksTheLiveField() throws {
    let result = try OptiscopeProcess.run([
      "compare", "--function", "himmelblau", "--steps", "400", "--tolerance", "1e-3", "--format",
      "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").dropFirst()
      .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let names = Set(rows.map { String($0[1]) })
    #expect(
      names == ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "nadam"])
    // Himmelblau's presets let every one of them arrive within the budget.
    #expect(rows.allSatisfy { !$0[3].isEmpty }, "\(result.stdout)")
  }

  @Test func compareTableSaysWhatReachedMeans() throws {
    let result = try OptiscopeProcess.run([
      "compare", "--function", "himmelblau", "--steps", "300",
      "--sweep", "adam:lr=1e-2..1,count=3", "--optimizer", "newton",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines[0].contains("f - f* <= tolerance (f* = 0.0) with tolerance 1e-06"))
    #expect(lines[1].hasPrefix("rank  optimizer"))
    #expect(lines.count == 6)
    #expect(result.stdout.contains("adam lr=0.1 "))
    #expect(result.stdout.contains("newton "))
  }

  @Test func compareOnExpressionRanksByFinalValue() throws {
    let result = try OptiscopeProcess.run([
      "compare", "--expr", "x^2 + y^2", "--start", "1,1", "--steps", "10",
      "--optimizer", "lion:lr=0.01", "--optimizer", "sgd:lr=0.1",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("no known minimum: ranked by final f"))
    let body = result.stdout.split(separator: "\n").dropFirst(2).map(String.init)
    #expect(body.first?.hasPrefix("1     sgd") == true)
  }

  @Test(arguments: [
    (["--tolerance", "-1"], "--tolerance must be a finite number >= 0"),
    (["--format", "xml"], "--format must be table or csv"),
    (["--sweep", "adam:lr=0..1"], "bad --sweep 'adam:lr=0..1': log spacing needs"),
    (["--optimizer", "adam:schedule=cosine"], "schedule=cosine needs T"),
    (["--optimizer", "sgd", "--noise", "-2"], "--noise must be a finite number >= 0"),
    (["--optimizer", "sgd", "--seed", "x"], "--seed must be a whole number"),
  ])
  func compareRefusesBadInput(_ extra: [String], _ message: String) throws {
    let result = try OptiscopeProcess.run(["compare", "--function", "sphere"] + extra)
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func traceAcceptsSweepsWithLabels() throws {
    let result = try OptiscopeProcess.run([
      "trace", "--function", "sphere", "--steps", "1", "--optimizer", "nag:lr=0.01",
      "--sweep", "sgd:lr=0.1..0.5,count=2",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let names = result.stdout.split(separator: "\n").dropFirst().map {
      String($0.split(separator: ",")[0])
    }
    #expect(
      names == ["nesterov", "sgd lr=0.1", "sgd lr=0.5", "nesterov", "sgd lr=0.1", "sgd lr=0.5"])
    #expect(result.stdout.contains("sgd lr=0.5,1,0.0,0.0,0.0,running"))
  }

  @Test func traceNoiseIsReproducibleAndZeroIsNoNoise() throws {
    let base = [
      "trace", "--function", "rosenbrock", "--steps", "20", "--optimizer", "adam:lr=0.05",
    ]
    let plain = try OptiscopeProcess.run(base)
    let zero = try OptiscopeProcess.run(base + ["--noise", "0", "--seed", "9"])
    let noisy = try OptiscopeProcess.run(base + ["--noise", "1", "--seed", "9"])
    let again = try OptiscopeProcess.run(base + ["--noise", "1", "--seed", "9"])
    let other = try OptiscopeProcess.run(base + ["--noise", "1", "--seed", "10"])
    #expect(plain.status == 0 && noisy.status == 0)
    #expect(zero.stdout == plain.stdout)
    #expect(noisy.stdout == again.stdout)
    #expect(noisy.stdout != plain.stdout && noisy.stdout != other.stdout)
  }

  @Test func traceRunsNewtonAndLionAndScheduleChanges() throws {
    let result = try OptiscopeProcess.run([
      "trace", "--function", "ellipse", "--steps", "2", "--optimizer", "newton:damping=0",
      "--optimizer", "lion:lr=0.5", "--optimizer", "sgd:lr=0.1",
      "--change", "1:3:schedule=step,step_size=1,gamma=0.5",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // Newton solves 5x² + y² from (5, 5) in one step; Lion moves each coordinate by lr.
    #expect(result.stdout.contains("newton,1,0.0,0.0,0.0,running"))
    #expect(result.stdout.contains("lion,1,4.5,4.5,"))
    // sgd: step 1 at lr 0.1: (5·(1−1), 5·0.8) = (0, 4); step 2 at 0.1 (t = 0): y = 3.2. x is
    // torch's x: its kernel rounds 5 − 0.1·50 once (fused), leaving −2⁻⁵², then 2⁻¹⁰⁶.
    #expect(result.stdout.contains("sgd,1,-2.7755575615628914e-16,4.0,"))
    #expect(result.stdout.contains("sgd,2,1.5407439555097887e-32,3.2,"))
    let refused = try OptiscopeProcess.run([
      "trace", "--function", "ellipse", "--optimizer", "sgd", "--change", "1:1:T=5",
    ])
    #expect(refused.status != 0 && refused.stdout.isEmpty)
    #expect(refused.stderr.contains("'T' is a schedule setting"))
  }
}
