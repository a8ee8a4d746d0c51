/// How a terminal is sent pixels.
public enum ImageProtocol: String, Sendable {
  /// kitty's graphics protocol (kitty, Ghostty, WezTerm, Konsole): PNG, base64, in chunks.
  case kitty
  /// DEC sixel (xterm -ti vt340, foot, WezTerm, mlterm, Windows Terminal), by libsixel.
  case sixel
}
