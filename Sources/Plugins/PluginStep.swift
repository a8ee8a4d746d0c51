import OptimKit

/// A step's answer: the new point and, when asked for, the state after it.
public struct PluginStep: Hashable, Sendable {
  public var position: Point
  public var state: [String: [Double]]
}
