import Foundation
import Testing

/// `optiscope trace` on a model trained on data, as the neuron lab's user runs it: the course
/// exercise's numbers, the bias's column, batches reproducible from the seed, and refusals.
@Suite struct NeuronLabTraceTests {
  /// The exercise run scripts/data-reference.py wrote with torch.optim.SGD.
  struct Exercise: Decodable {
    let parameters: [[Double]]
    let epoch_losses: [Double]
  }

  static func torchExercise() throws -> Exercise {
    struct File: Decodable { let exercise: Exercise }
    let url = OptiscopeProcess.packageRoot.appendingPathComponent(
      "Tests/OptimKitTests/Fixtures/torch-data.json")
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).exercise
  }

  /// The rows of a CSV output: the header's names, then one dictionary per row.
  static func table(_ csv: String) -> (header: [String], rows: [[String: String]]) {
    let lines = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    guard let header = lines.first else { return ([], []) }
    return (header, lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
  }

  /// Full-batch gradient descent on the MSE of the sigmoid output, weights [0.1, −0.2], bias
  /// 0, lr 0.1, 2 epochs: weights [0.1036, −0.1425], bias −0.0167, per-epoch MSE
  /// [0.3033, 0.2942] (the loss each epoch's forward pass computes, before its step: trace's
  /// f at steps 0 and 1), and torch's own values bit for bit.
  @Test func reproducesTheExercise() throws {
    let result = try OptiscopeProcess.run([
      "trace", "--dataset", "exercise", "--loss", "mse", "--train-all", "--steps", "2",
      "--optimizer", "sgd:lr=0.1",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let (header, rows) = Self.table(result.stdout)
    #expect(header == ["optimizer", "step", "x", "y", "f", "status", "b"])
    #expect(rows.count == 3)
    guard rows.count == 3 else { return }
    func number(_ row: Int, _ column: String) -> Double { Double(rows[row][column] ?? "") ?? .nan }
    func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
    #expect([number(2, "x"), number(2, "y")].map(rounded) == [0.1036, -0.1425])
    #expect(rounded(number(2, "b")) == -0.0167)
    #expect([number(0, "f"), number(1, "f")].map(rounded) == [0.3033, 0.2942])
    let torch = try Self.torchExercise()
    for step in 0...2 {
      #expect([number(step, "x"), number(step, "y"), number(step, "b")] == torch.parameters[step])
    }
    #expect([number(0, "f"), number(1, "f")] == torch.epoch_losses)
  }

  /// Without --train-all the bias stays where it started, and its column says so.
  @Test func biasStaysWithoutTrainAll() throws {
    let result = try OptiscopeProcess.run([
      "trace", "--dataset", "exercise", "--steps", "3", "--optimizer", "adam:lr=0.1",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let (header, rows) = Self.table(result.stdout)
    #expect(header.last == "b")
    #expect(rows.map { $0["b"] } == Array(repeating: "0.0", count: 4))
    #expect(Set(rows.map { $0["x"] }).count == 4)
  }

  /// `--params` maps other parameters: the bias as x and w2 as y, w1 in its own column.
  @Test func paramsChooseTheMappedTwo() throws {
    let result = try OptiscopeProcess.run([
      "trace", "--dataset", "exercise", "--params", "b,w2", "--steps", "1", "--train-all",
      "--optimizer", "sgd:lr=0.1", "--format", "jsonl",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let first = try #require(result.stdout.split(separator: "\n").first)
    #expect(first.hasPrefix(#"{"optimizer":"sgd","step":0,"x":0.0,"y":-0.2,"#))
    #expect(first.contains(#","w1":0.1,"status":"running"}"#))
  }

  /// Stochastic batches come from the seed: the same seed gives the same run, another seed
  /// another; two identical optimizers get the same batches, so they move together.
  @Test func batchesAreSeededAndShared() throws {
    func run(seed: String) throws -> String {
      let result = try OptiscopeProcess.run([
        "trace", "--dataset", "overlapping", "--batch", "1", "--seed", seed, "--steps", "12",
        "--optimizer", "sgd:lr=0.5", "--optimizer", "sgd:lr=0.5", "--train-all",
      ])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout
    }
    let first = try run(seed: "4")
    #expect(try run(seed: "4") == first)
    #expect(try run(seed: "5") != first)
    let rows = Self.table(first).rows
    let one = rows.filter { $0["optimizer"] == "sgd" }.map { [$0["x"], $0["y"], $0["b"]] }
    let two = rows.filter { $0["optimizer"] == "sgd#2" }.map { [$0["x"], $0["y"], $0["b"]] }
    #expect(one.count == 13 && one == two)
    let full = try OptiscopeProcess.run([
      "trace", "--dataset", "overlapping", "--steps", "12", "--optimizer", "sgd:lr=0.5",
      "--train-all",
    ])
    #expect(Self.table(full.stdout).rows.last?["x"] != one.last?[0])
  }

  static let refusals: [(arguments: [String], csv: String?, message: String)] = [
    (
      ["--dataset", "nope"], nil,
      "optiscope: unknown --dataset 'nope'; known: exercise, separable, overlapping, outliers"
    ),
    (
      ["--data", "DATA"], "x1,x2,label\n1,2,1\n3,,0\n",
      "optiscope: DATA row 3: the value in column 'x2' is missing"
    ),
    (
      ["--data", "DATA"], "1,2,1\n3,4\n",
      "optiscope: DATA row 2: 2 values where the first row has 3"
    ),
    (["--data", "DATA"], "", "optiscope: DATA: the file is empty"),
    (
      ["--data", "DATA"], "1,2,1\n3,4,1\n",
      "optiscope: DATA: every label is 1: a classifier needs examples of both classes, 0 and 1"
    ),
    (
      ["--data", "DATA", "--model", "logistic"], "1,2,1\n3,4,0.5\n",
      "optiscope: DATA row 2: label 0.5 is not 0 or 1, as --model logistic needs (--model linear fits any number)"
    ),
    (
      ["--dataset", "outliers", "--loss", "nll"], nil,
      "optiscope: outliers: --loss nll needs --model logistic (a probability to score); use --loss mse"
    ),
    (
      ["--dataset", "exercise", "--batch", "0"], nil,
      "optiscope: bad --batch '0': expected full, a whole number of examples, or 1"
    ),
    (
      ["--dataset", "exercise", "--params", "w1,w3"], nil,
      "optiscope: exercise: bad --params 'w1,w3': expected two different of w1, w2, b"
    ),
    (
      ["--dataset", "exercise", "--function", "rosenbrock"], nil,
      "optiscope: give --data or --dataset, or --function or --expr, not both"
    ),
    (
      ["--function", "rosenbrock", "--train-all"], nil,
      "optiscope: --train-all needs --data FILE.csv or --dataset NAME"
    ),
    (
      ["--dataset", "exercise", "--train-all", "--optimizer", "lbfgs"], nil,
      "optiscope: lbfgs (shape=vector) cannot train every parameter (--train-all): it steps the two mapped parameters only; drop --train-all or use a per-element optimizer"
    ),
  ]

  /// Bad data or options: status 1, one line naming the row and the problem, nothing printed.
  @Test(arguments: refusals)
  func refusesInOneLine(_ refusal: (arguments: [String], csv: String?, message: String)) throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-data-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    if let csv = refusal.csv { try Data(csv.utf8).write(to: file) }
    let arguments = refusal.arguments.map { $0 == "DATA" ? file.path : $0 }
    let result = try OptiscopeProcess.run(["trace", "--steps", "1"] + arguments)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == refusal.message.replacingOccurrences(of: "DATA", with: file.path) + "\n")
  }

  /// `--batch` with a lab's scene changes the batch of the scene's own data set; with a
  /// scene that trains on no data it is refused in one line, as without a scene.
  @Test func batchOnTopOfADataScene() throws {
    let scene = OptiscopeProcess.packageRoot.appendingPathComponent("scenes/05-neuron-nll.txt")
    let render = ["render", "--steps", "30", "--size", "100x30", "--scene", scene.path]
    let full = try OptiscopeProcess.run(render)
    let batched = try OptiscopeProcess.run(render + ["--batch", "8"])
    #expect(full.status == 0)
    #expect(batched.status == 0)
    let header = { (text: String) in text.split(separator: "\n").first.map(String.init) ?? "" }
    #expect(header(full.stdout).contains("full batch"))
    #expect(header(batched.stdout).contains("batch 2/2 of 8"))
    let ellipse = OptiscopeProcess.packageRoot.appendingPathComponent("scenes/01-ellipse.txt")
    let refused = try OptiscopeProcess.run(
      ["render", "--steps", "3", "--scene", ellipse.path, "--batch", "8"])
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "optiscope: --batch needs --data FILE.csv or --dataset NAME (--scene '\(ellipse.path)' trains on no data)\n"
    )
  }
}
