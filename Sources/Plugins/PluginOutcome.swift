/// What `poll` found: a step, or nil when a history function has no more points.
public struct PluginOutcome: Hashable, Sendable {
  public var step: PluginStep?
}
