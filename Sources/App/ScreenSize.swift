/// A screen's size in character cells.
///
/// Written `WxH` (`120x40`) in scene files, log headers and `--size`.
public struct ScreenSize: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// Parses `WxH`, each 1 to 2000; `option` names the setting in the refusal.
  public init(parsing text: String, option: String = "--size") throws(SceneOptions.Problem) {
    let parsed = try SceneOptions.parseSize(text, option: option)
    self.init(width: parsed.width, height: parsed.height)
  }

  public var description: String { "\(width)x\(height)" }
}
