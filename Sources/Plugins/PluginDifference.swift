import OptimKit

/// Where a plug-in first left the reference: the step, both points, and the first state that differs.
public struct PluginDifference: Sendable {
  /// The step: the point after this many updates (the start is step 0).
  public var step: Int
  public var yours: Point
  public var reference: Point
  /// The larger relative difference of x and y.
  public var relative: Double
  /// The first state variable by torch's name that differs, if the plug-in keeps torch's names.
  public var state: PluginStateDifference?
  /// The first setting of `param_groups[0]` that differs from the reference's, if any.
  public var setting: PluginSettingDifference? = nil
}
