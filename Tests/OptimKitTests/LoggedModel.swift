import OptimKit
import Synchronization

/// A `HandModel` that notes the examples of every batch gradient asked of it, to check which
/// examples a race gives each racer's step.
struct LoggedModel: TrainingObjective {
  /// The batches asked for, in order (full-data evaluations, `examples` nil, are left out).
  final class Log: Sendable {
    let batches = Mutex<[[Int]]>([])
  }

  var model: HandModel
  let log: Log

  var parameterNames: [String] { model.parameterNames }
  var mappedParameters: (x: Int, y: Int) { model.mappedParameters }
  var parameters: [Double] { model.parameters }
  var trainsAll: Bool { model.trainsAll }
  var exampleCount: Int { model.exampleCount }

  func valueAndGradient(parameters: [Double], examples: [Int]?) -> (
    value: Double, gradient: [Double]
  ) {
    if let examples {
      log.batches.withLock { $0.append(examples) }
    }
    return model.valueAndGradient(parameters: parameters, examples: examples)
  }

  func sliced(through parameters: [Double]) -> LoggedModel {
    LoggedModel(model: model.sliced(through: parameters), log: log)
  }

  func value(at point: Point) -> Double { model.value(at: point) }
  func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    model.valueAndGradient(at: point)
  }
}
