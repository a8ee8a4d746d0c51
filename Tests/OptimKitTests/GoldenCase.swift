import Foundation
import OptimKit
import Testing

/// One reference trajectory computed by torch.optim (Fixtures/torch-trajectories.json).
struct GoldenCase: Decodable, Sendable, CustomTestStringConvertible {
  struct Change: Decodable, Sendable {
    let step: Int
    let params: [String: GoldenNumber]
  }

  let id: String
  let function: String
  let expr: String
  let start: [Double]
  let steps: Int
  let optimizer: String
  let params: [String: GoldenNumber]
  let changes: [Change]?
  /// [x, y, f] after k steps; nil where torch's value is not finite (the case's last row).
  let trajectory: [[Double?]]
  /// The steps before torch's first inexact `Tensor.sqrt` (scripts/torch-reference.py);
  /// nil for the whole case. Through these the replay must be bit for bit.
  let exactSteps: Int?
  /// For closure optimizers (LBFGS): torch's closure calls in step k (0 for the start).
  let evaluations: [Int]?
  /// torch's message where torch refuses the case's `shape` (Muon and a vector); the
  /// trajectory is then empty.
  let refused: String?

  enum CodingKeys: String, CodingKey {
    case id, function, expr, start, steps, optimizer, params, changes, trajectory, evaluations
    case refused
    case exactSteps = "exact_steps"
  }

  var testDescription: String { id }

  var startPoint: Point { Point(x: start[0], y: start[1]) }

  /// The spec text `optiscope trace --optimizer` takes for this case.
  var specText: String {
    let settings = params.keys.sorted().map { "\($0)=\(params[$0]?.text ?? "")" }
    return settings.isEmpty ? optimizer : optimizer + ":" + settings.joined(separator: ",")
  }

  /// Whether `actual` is within `1e-9 · max(1, |reference|)` of `reference`.
  static func agrees(_ actual: Double, _ reference: Double) -> Bool {
    abs(actual - reference) <= 1e-9 * max(1, abs(reference))
  }

  /// Whether `actual` is exactly torch's value, or non-finite where torch's is (nil).
  static func identical(_ actual: Double, _ reference: Double?) -> Bool {
    guard let reference else { return !actual.isFinite }
    return actual == reference
  }

  /// Whether `actual` agrees with `reference` within the tolerance, or is non-finite where it is.
  static func agrees(_ actual: Double, _ reference: Double?) -> Bool {
    guard let reference else { return !actual.isFinite }
    return agrees(actual, reference)
  }

  /// The cases of `Fixtures/<resource>.json`: the first golden set (`torch-trajectories`) or
  /// the generated one (`torch-optimizers`, scripts/torch-reference.py).
  static func loadAll(_ resource: String = "torch-trajectories") throws -> [GoldenCase] {
    guard
      let url = Bundle.module.url(
        forResource: resource, withExtension: "json", subdirectory: "Fixtures")
    else {
      throw CocoaError(.fileNoSuchFile)
    }
    struct File: Decodable { let cases: [GoldenCase] }
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
  }
}

/// A hyper-parameter value in the fixture: a number, or a boolean switch.
struct GoldenNumber: Decodable, Sendable {
  let value: Double
  let text: String

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      value = flag ? 1 : 0
      text = flag ? "true" : "false"
    } else if let name = try? container.decode(String.self) {
      // A choice such as Muon's adjust_lr_fn or LBFGS's line_search_fn: its stored number,
      // as the SPEC parser reads it.
      value =
        Hyperparameter.adjustLearningRate.value(parsing: name)
        ?? Hyperparameter.lineSearch.value(parsing: name) ?? .nan
      text = name
    } else {
      value = try container.decode(Double.self)
      text = value.description
    }
  }
}
