import Foundation
import OptimKit
import Testing

/// The data objectives' losses and gradients against torch autograd's on the same model, data,
/// parameters and batch (Fixtures/torch-data.json, written by scripts/data-reference.py).
///
/// Each agrees with torch within 1e-15 of the sum of the magnitudes it is made of (for a
/// gradient entry Σᵢ|xᵢ·gᵢ|, for the loss Σᵢ|lossᵢ|/n), not bit for bit: torch's CPU kernels
/// evaluate exp, log and log1p with their own vectorised (SLEEF) approximations, which
/// differ from the C library's by an ulp now and then, and sum `X @ w` and the gradient's
/// reductions in BLAS's order. An ulp of each term is about 1.1e-16 of its magnitude; over a
/// few operations per term a few of those stay under 1e-15 of the total, while any error in
/// a formula (a missing factor, the clamp, another mean) is far larger.
@Suite struct DataObjectiveTorchTests {
  struct Case: Decodable, Sendable, CustomTestStringConvertible {
    let dataset: String
    let model: String
    let loss: String
    let parameters: [Double]
    let examples: [Int]?
    let value: Double
    let gradient: [Double]

    var testDescription: String {
      "\(dataset) \(model)/\(loss) at \(parameters) on \(examples.map { "\($0)" } ?? "all")"
    }
  }

  struct Table: Decodable { let features: [[Double]]; let labels: [Double] }

  struct Run: Decodable {
    let lr: Double
    let epochs: Int
    let parameters: [[Double]]
    let epoch_losses: [Double]
  }

  struct File: Decodable {
    let datasets: [String: Table]
    let cases: [Case]
    let exercise: Run
  }

  static func load() throws -> File {
    guard
      let url = Bundle.module.url(
        forResource: "torch-data", withExtension: "json", subdirectory: "Fixtures")
    else { throw CocoaError(.fileNoSuchFile) }
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
  }

  static let file = try? load()

  /// The data set a case names: the built-in one (which must equal the fixture's copy), or
  /// one the generator made.
  static func dataSet(_ name: String, in file: File) throws -> DataSet {
    let table = try #require(file.datasets[name])
    if let builtIn = DataSet.builtIn(named: name) {
      #expect(builtIn.features == table.features && builtIn.labels == table.labels, "\(name)")
      return builtIn
    }
    return DataSet(name: name, features: table.features, labels: table.labels)
  }

  @Test func fixtureCoversEveryBuiltInModelAndLoss() throws {
    let file = try Self.load()
    #expect(Set(file.cases.map(\.dataset)).isSuperset(of: DataSet.builtIns.map(\.name)))
    let combinations = Set(file.cases.map { "\($0.model)/\($0.loss)" })
    #expect(combinations == ["logistic/nll", "logistic/mse", "linear/mse"])
    #expect(
      file.cases.contains { $0.examples != nil } && file.cases.contains { $0.examples == nil })
    #expect(file.cases.contains { $0.parameters.count == 4 })
  }

  @Test(arguments: file?.cases ?? [])
  func lossAndGradientMatchTorch(_ golden: Case) throws {
    let file = try #require(Self.file)
    let data = try Self.dataSet(golden.dataset, in: file)
    let objective = try DataObjective(
      data: data, model: try #require(DataModel(rawValue: golden.model)),
      loss: try #require(DataLoss(rawValue: golden.loss)))
    let (value, gradient) = objective.valueAndGradient(
      parameters: golden.parameters, examples: golden.examples)
    let rows = golden.examples ?? Array(0..<data.count)
    // The magnitudes each result is summed from, for the tolerance.
    var lossScale = 0.0
    var gradientScales = [Double](repeating: 0, count: gradient.count)
    for index in rows {
      let one = objective.valueAndGradient(parameters: golden.parameters, examples: [index])
      lossScale += abs(one.value) / Double(rows.count)
      for j in gradientScales.indices {
        gradientScales[j] += abs(one.gradient[j]) / Double(rows.count)
      }
    }
    #expect(abs(value - golden.value) <= 1e-15 * lossScale, "loss \(value) vs \(golden.value)")
    #expect(gradient.count == golden.gradient.count)
    for (j, (mine, theirs)) in zip(gradient, golden.gradient).enumerated() {
      #expect(
        abs(mine - theirs) <= 1e-15 * gradientScales[j],
        "\(objective.parameterNames[j]): \(mine) vs \(theirs)")
    }
  }
}
