/// A screen's size in character cells.
///
/// Written `WxH` (`120x40`) in scene files, log headers and `--size`.
public struct ScreenSize: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  /// The most cells a screen has either way, in `--size`, a scene's or log's `size`, and a
  /// log's `resize` lines: a screen this big already takes 4 million cells per frame.
  public static let maximumSide = 2000

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The size with each side brought into 0 to `maximumSide`, as the program holds any
  /// terminal's size (a bigger terminal shows the top left 2000×2000 cells).
  public var bounded: ScreenSize {
    ScreenSize(
      width: min(max(0, width), Self.maximumSide), height: min(max(0, height), Self.maximumSide))
  }

  /// Parses `WxH`, each 1 to `maximumSide`; `option` names the setting in the refusal.
  public init(parsing text: String, option: String = "--size") throws(SceneOptions.Problem) {
    let parsed = try SceneOptions.parseSize(text, option: option)
    self.init(width: parsed.width, height: parsed.height)
  }

  public var description: String { "\(width)x\(height)" }
}
