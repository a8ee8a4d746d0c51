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
  let trajectory: [[Double]]

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

  static func loadAll() throws -> [GoldenCase] {
    guard
      let url = Bundle.module.url(
        forResource: "torch-trajectories", withExtension: "json", subdirectory: "Fixtures")
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
    } else {
      value = try container.decode(Double.self)
      text = value.description
    }
  }
}
