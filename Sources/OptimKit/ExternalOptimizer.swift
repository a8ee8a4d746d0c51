/// What a race knows of an optimizer that steps outside it (a Python plug-in): its name,
/// its editable settings, and why it stopped, if it failed.
///
/// A racer is either built-in — `Racer.step(on:)` runs its pure, synchronous
/// update — or external: its step is requested elsewhere and answered later
/// (`Racer.arrive(at:on:)`), possibly failing or timing out (`Racer.fail(_:)`).
/// The race never waits for an external racer: `Race.step()` passes it over,
/// so built-in racing stays bit-identical and as fast as before, and the
/// program that talks to the plug-in moves it when its answer has come.
public struct ExternalOptimizer: Sendable, Hashable {
  /// How the optimizer was named, e.g. `my_adam.py:My_Adam:lr=0.1`.
  public var name: String
  /// The settings the keys may edit (torch's `param_groups[0]` by optiscope's names); nil
  /// when the plug-in has none that can change.
  public var settings: [Hyperparameter: Double]?
  /// Why it stopped ("ZeroDivisionError: boom", "timed out"); nil while it runs.
  public var failure: String?
  /// The settings it was created with (the scene's), which `d` restores.
  public var presetSettings: [Hyperparameter: Double]?
  /// Whether it keeps state between steps (a torch optimizer's `state`, a cs231n config);
  /// false for a history function, whose points are computed at once.
  public var keepsState: Bool
  /// Its state after the last step that reported it, by torch's names (`exp_avg`, `step`,
  /// ...; a cs231n rule's config keys); empty before the first step.
  public var state: [String: [Double]] = [:]
  /// The last lines it printed (stdout, stderr, warnings), oldest first, as printed.
  public var printed: [String] = []

  public init(
    name: String, settings: [Hyperparameter: Double]? = nil, failure: String? = nil,
    keepsState: Bool = true
  ) {
    self.name = name
    self.settings = settings
    self.failure = failure
    self.presetSettings = settings
    self.keepsState = keepsState
  }
}
