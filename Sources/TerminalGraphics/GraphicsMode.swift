/// What `--graphics` asks for: images in the terminal by a protocol, by asking the
/// terminal (`auto`), or never (`none`, the text map).
public enum GraphicsMode: String, CaseIterable, Sendable {
  case auto
  case kitty
  case sixel
  case none

  /// The protocol an explicit mode names; nil for `auto` and `none`.
  public var named: ImageProtocol? {
    switch self {
    case .kitty: .kitty
    case .sixel: .sixel
    case .auto, .none: nil
    }
  }
}
