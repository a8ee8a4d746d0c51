import OptimKit

/// Reruns a recording's plug-in racers for `LogVerifier`: App says when (the log's plug-in
/// lines), the executable, which can start Python, does the stepping.
///
/// A plug-in answers in its own time, so a live race shows whichever of its
/// steps had come; a recording logs them (`LogEvent.pluginSteps`, `pluginEdit`,
/// `pluginFailed`), and the rerun takes exactly those steps, waiting for each,
/// so every frame comes out as it was shown.
public protocol PluginReplay: AnyObject {
  /// Steps the plug-in racers (in race order) until they have taken `steps`.
  func reach(_ steps: [Int], in session: inout Session)
  /// Steps racer `racer` to `step` steps, then gives its plug-in the edit.
  func edit(racer: Int, key: Hyperparameter, value: Double, at step: Int, in session: inout Session)
  /// Steps racer `racer` to `step` steps and one more, which must fail as it did live;
  /// nil when it did, else why not, in one line.
  func fail(racer: Int, at step: Int, in session: inout Session) -> String?
  /// Restarts the plug-ins an input put back at the start (`r`, `s`, a click): `before` is
  /// the race before the input.
  func afterInput(before: Race, in session: inout Session)
}
