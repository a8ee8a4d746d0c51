import OptimKit

/// News of a racer that steps outside the program (a plug-in, see `ExternalOptimizer`), for
/// `update` to apply to the race: the runtime that talks to the plug-in sends it as
/// `Msg.external`, so the race changes only through `update`.
///
/// Not an input: a recording does not list these (`Msg.logText` is nil). What
/// the plug-ins did is logged in lines of its own (`LogEvent.pluginSteps`,
/// `.pluginEdit`, `.pluginFailed`), from which a replay reruns them.
public enum ExternalEvent: Hashable, Sendable {
  /// A plug-in racer joins the race after the others, labelled `label` (made unique).
  case joined(label: String, ExternalOptimizer)
  /// Racer `racer` has stepped to `position`, using `evaluations` of f and ∇f, with `noise`
  /// added to its gradient (zero without `--noise`).
  case arrived(racer: Int, at: Point, evaluations: Int, noise: Point = .zero)
  /// Racer `racer`'s state after its step and the last lines it printed, for the inspector.
  case reported(racer: Int, state: [String: [Double]], printed: [String])
  /// Racer `racer` has stopped, saying `reason` (an exception, a timeout).
  case failed(racer: Int, reason: String)
}
