/// One recorded screen: its number, the race step it shows, and its rows of plain text.
public struct LogFrame: Hashable, Sendable {
  /// Counts from 0, the screen as the recording started.
  public var number: Int
  /// The race's step count on this screen.
  public var step: Int
  /// Whether one clock tick came right before this screen (otherwise only the
  /// input lines above it did). Frame 0 never follows a tick.
  public var followsTick: Bool
  /// Exactly the screen's height in rows, each the screen's width in characters.
  public var rows: [String]

  public init(number: Int, step: Int, followsTick: Bool, rows: [String]) {
    self.number = number
    self.step = step
    self.followsTick = followsTick
    self.rows = rows
  }

  /// The separator line that opens the frame: `--- frame 12 step 48`, with ` no-tick`
  /// after a frame > 0 that did not follow a tick.
  public var separator: String {
    "--- frame \(number) step \(step)" + (followsTick || number == 0 ? "" : " no-tick")
  }

  /// Reads a separator line; nil when `line` is not one.
  static func separatorFields(_ line: String) -> (number: Int, step: Int, followsTick: Bool)? {
    let words = line.split(separator: " ", omittingEmptySubsequences: false)
    guard words.count == 5 || (words.count == 6 && words[5] == "no-tick"), words[0] == "---",
      words[1] == "frame", words[3] == "step", let number = Int(words[2]), number >= 0,
      let step = Int(words[4]), step >= 0
    else { return nil }
    return (number, step, words.count == 5 && number > 0)
  }
}
