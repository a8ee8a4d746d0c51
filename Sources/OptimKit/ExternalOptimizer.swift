/// What a race knows of an optimizer that steps outside it (a Python plug-in): its name,
/// its editable settings, and why it stopped, if it failed.
///
/// A racer is either built-in — `Racer.step(on:)` runs its pure, synchronous
/// update — or external: its step is requested elsewhere and answered later
/// (`Racer.arrive(at:on:)`), possibly failing or timing out (`Racer.fail(_:)`).
/// The race never waits for an external racer: `Race.step()` passes it over,
/// so built-in racing stays bit-identical and as fast as before, and the
/// program that talks to the plug-in moves it when its answer has come.
public struct ExternalOptimizer: Sendable, Equatable {
  /// How the optimizer was named, e.g. `my_adam.py:My_Adam:lr=0.1`.
  public var name: String
  /// The settings the keys may edit (torch's `param_groups[0]` by optiscope's names); nil
  /// when the plug-in has none that can change.
  public var settings: [Hyperparameter: Double]?
  /// Why it stopped ("ZeroDivisionError: boom", "timed out"); nil while it runs.
  public var failure: String?

  public init(name: String, settings: [Hyperparameter: Double]? = nil, failure: String? = nil) {
    self.name = name
    self.settings = settings
    self.failure = failure
  }
}
