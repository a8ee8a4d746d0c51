/// The first state variable (by torch's name) in which a plug-in's state left the reference's.
public struct PluginStateDifference: Sendable {
  /// torch's name: `exp_avg`, `exp_avg_sq`, `momentum_buffer`, `step`, ...
  public var name: String
  /// The step after which it first differed.
  public var step: Int
  public var yours: [Double]
  public var reference: [Double]
}
