import App
import OptimKit

extension Fixture {
  /// The fixture's race plus two plug-in racers, as they join from their helpers: a
  /// torch-like `My_Adam` with param_groups (index 3) and a history function `descent`
  /// (index 4), which keeps no state to inspect unless `descentKeepsState`.
  static func modelWithPlugins(descentKeepsState: Bool = true) throws -> Model {
    var model = try Fixture.model()
    _ = update(
      &model,
      .external(
        .joined(
          label: "My_Adam",
          ExternalOptimizer(
            name: "my.py:My_Adam", settings: [.learningRate: 0.1, .beta1: 0.9, .beta2: 0.999]))))
    _ = update(
      &model,
      .external(
        .joined(
          label: "descent",
          ExternalOptimizer(name: "hw.py:descent", keepsState: descentKeepsState))))
    return model
  }
}
