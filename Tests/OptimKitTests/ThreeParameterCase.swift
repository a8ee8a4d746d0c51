import Foundation
import OptimKit
import Testing

/// One torch.optim trajectory of a (3,) tensor [w1, w2, b] on `HandModel`'s loss
/// (Fixtures/torch-three-parameters.json, scripts/torch-reference.py's three-parameter part).
struct ThreeParameterCase: Decodable, Sendable, CustomTestStringConvertible {
  let id: String
  let optimizer: String
  let params: [String: GoldenNumber]
  let steps: Int
  let start: [Double]
  /// The batch size of `BatchPlan`'s mini-batches, with their seed; nil: the full batch.
  let batch: Int?
  let seed: UInt64?
  let changes: [GoldenCase.Change]?
  /// [w1, w2, b, loss over all the data] after k steps.
  let trajectory: [[Double]]
  /// The steps before torch's first inexact `Tensor.sqrt`; nil for the whole case.
  let exactSteps: Int?

  enum CodingKeys: String, CodingKey {
    case id, optimizer, params, steps, start, batch, seed, changes, trajectory
    case exactSteps = "exact_steps"
  }

  var testDescription: String { id }

  /// The spec text for this case, keys sorted as the generator wrote them.
  var specText: String {
    let settings = params.keys.sorted().map { "\($0)=\(params[$0]?.text ?? "")" }
    return settings.isEmpty ? optimizer : optimizer + ":" + settings.joined(separator: ",")
  }

  /// torch's `clip_grad_norm_(max_norm=1)` of one vector: the gradient and what it became.
  struct Norm: Decodable, Sendable {
    let gradient: [Double]
    let clipped: [Double]
  }

  struct File: Decodable {
    let examples: [[Double]]
    let norms: [Norm]
    let cases: [ThreeParameterCase]
  }

  static func load() throws -> File {
    guard
      let url = Bundle.module.url(
        forResource: "torch-three-parameters", withExtension: "json", subdirectory: "Fixtures")
    else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
  }
}
