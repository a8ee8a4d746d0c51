/// An image's size in pixels, as `--pixels WxH` gives it.
public struct PixelSize: Hashable, Sendable {
  public var width: Int
  public var height: Int

  /// The notebooks' figure size.
  public static let standard = PixelSize(width: 1000, height: 800)
  /// The accepted range of each side: big enough for a poster, small enough to fit in memory.
  public static let sides = 64...8000

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// Reads "WxH" (or "W×H"); refused in one line when malformed or out of range.
  public init(parsing text: String, option: String = "--pixels") throws(ImageError) {
    let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
      throw ImageError("bad \(option) '\(text)': expected WxH, e.g. 1000x800")
    }
    guard Self.sides.contains(width), Self.sides.contains(height) else {
      throw ImageError(
        "bad \(option) '\(text)': each side must be \(Self.sides.lowerBound) to \(Self.sides.upperBound) pixels"
      )
    }
    self.init(width: width, height: height)
  }
}
