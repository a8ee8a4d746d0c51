/// A setting of the plug-in's `param_groups[0]` (by torch's name) that is not the reference's.
///
/// A wrong default (`eps=1e-6` where torch has 1e-8) moves every step a little, so the
/// point leaves the reference late and the state follows it; the setting itself is the
/// cause, and naming it saves the hunt.
public struct PluginSettingDifference: Sendable {
  /// torch's name: `lr`, `eps`, `weight_decay`, `beta1` (the first of `betas`), ...
  public var name: String
  public var yours: Double
  public var reference: Double
}
