import Foundation

/// The torch reference trajectories, read from OptimKitTests' fixture by path.
///
/// Read by path rather than as a resource of this target, so the fixture lives
/// in one place; the path is relative to this file, which works on any clone.
struct GoldenFixture: Decodable {
  struct Case: Decodable, Sendable, CustomStringConvertible {
    struct Change: Decodable, Sendable {
      let step: Int
      let params: [String: Setting]
    }
    let id: String
    let function: String
    let expr: String
    let start: [Double]
    let steps: Int
    let optimizer: String
    let params: [String: Setting]
    let changes: [Change]?
    /// [x, y, f] after k steps; nil where torch's value is not finite.
    let trajectory: [[Double?]]
    /// For LBFGS: torch's closure calls in step k (0 for the start).
    let evaluations: [Int]?

    var description: String { id }

    /// `--start=X,Y` (the `=` keeps a negative X from looking like an option).
    var startArgument: String { "--start=\(start[0]),\(start[1])" }

    /// The `--optimizer` SPEC for this case.
    var spec: String {
      let settings = params.keys.sorted().map { "\($0)=\(params[$0]?.text ?? "")" }
      return settings.isEmpty ? optimizer : optimizer + ":" + settings.joined(separator: ",")
    }

    /// `--change STEP:1:KEY=VALUE` for each of the case's live edits.
    var changeArguments: [String] {
      (changes ?? []).flatMap { change in
        change.params.keys.sorted().flatMap { key in
          ["--change", "\(change.step):1:\(key)=\(change.params[key]?.text ?? "")"]
        }
      }
    }
  }

  /// A hyper-parameter as the fixture gives it: a number or a boolean.
  struct Setting: Decodable, Sendable {
    let text: String

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let flag = try? container.decode(Bool.self) {
        text = flag ? "true" : "false"
      } else if let name = try? container.decode(String.self) {
        text = name
      } else {
        text = try container.decode(Double.self).description
      }
    }
  }

  let cases: [Case]

  /// The cases of OptimKitTests' `Fixtures/<resource>.json`.
  static func load(_ resource: String = "torch-trajectories") throws -> [Case] {
    let url = OptiscopeProcess.packageRoot
      .appendingPathComponent("Tests/OptimKitTests/Fixtures/\(resource).json")
    return try JSONDecoder().decode(GoldenFixture.self, from: Data(contentsOf: url)).cases
  }
}
