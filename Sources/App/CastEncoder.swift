import Plot

/// Writes asciicast v2, asciinema's recording format: a JSON header line, then one
/// `[time, "o", data]` line per frame.
///
/// The first frame hides the cursor, clears the screen and homes the cursor;
/// later frames home the cursor and overwrite the screen (after a change of
/// size, announced by an `[time, "r", "WxH"]` resize event, they clear it first). Rows are joined by "\r\n" with none after the
/// last, so a player's screen of the header's size never scrolls.
public enum CastEncoder {
  /// The header line: version 2, the screen size, the start time (seconds since 1970) and a title.
  public static func header(size: ScreenSize, timestamp: Int, title: String) -> String {
    "{\"version\": 2, \"width\": \(size.width), \"height\": \(size.height), "
      + "\"timestamp\": \(timestamp), \"title\": \(json(title)), "
      + "\"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}}\n"
  }

  /// An output event writing `text` as it is at `time` seconds.
  public static func output(_ text: String, time: Double) -> String {
    "[\(seconds(time)), \"o\", \(json(text))]\n"
  }

  /// A resize event: the screen is now `size` from `time` seconds on.
  public static func resize(to size: ScreenSize, time: Double) -> String {
    "[\(seconds(time)), \"r\", \"\(size)\"]\n"
  }

  /// One output event drawing `canvas` in 256 colours at `time` seconds.
  ///
  /// - Parameter clears: whether to clear the screen first (the first frame, or a new size).
  public static func frame(_ canvas: Canvas, time: Double, clears: Bool) -> String {
    var data = clears ? "\u{1B}[?25l\u{1B}[2J\u{1B}[H" : "\u{1B}[H"
    var ansi = TextEncoder.ansi(canvas, depth: .full256)
    if ansi.hasSuffix("\n") { ansi.removeLast() }
    data += ansi
    return "[\(seconds(time)), \"o\", \(json(data, crlf: true))]\n"
  }

  /// `time` in seconds with microseconds, e.g. `1.050000`; negative or non-finite as 0.
  static func seconds(_ time: Double) -> String {
    let micros = time.isFinite && time > 0 ? Int((min(time, 1e12) * 1e6).rounded()) : 0
    let fraction = String(micros % 1_000_000)
    return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
  }

  /// `text` as a JSON string: quotes, backslashes and control characters escaped;
  /// with `crlf`, every "\n" is sent as "\r\n" (a terminal's new row).
  ///
  /// Works on UTF-8 bytes: every byte of a multi-byte character is ≥ 0x80,
  /// so only ASCII needs looking at, and a frame is escaped in one pass.
  static func json(_ text: String, crlf: Bool = false) -> String {
    var output: [UInt8] = [0x22]
    output.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 16)
    let hexDigits = Array("0123456789abcdef".utf8)
    for byte in text.utf8 {
      switch byte {
      case 0x22: output += [0x5C, 0x22]
      case 0x5C: output += [0x5C, 0x5C]
      case 0x0A: output += crlf ? [0x5C, 0x72, 0x5C, 0x6E] : [0x5C, 0x6E]
      case 0x0D: output += [0x5C, 0x72]
      case 0x09: output += [0x5C, 0x74]
      case 0..<0x20, 0x7F:
        output += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
      default: output.append(byte)
      }
    }
    output.append(0x22)
    return String(decoding: output, as: UTF8.self)
  }
}
