import OptimKit

/// A recording in optiscope's plain-text log format, parsed: the scene header and the events.
///
/// The format (version 2), line by line:
///
/// ```
/// optiscope-log 2
/// # comments
/// function = rosenbrock        the scene, as in a scene file (`SceneFile`),
/// optimizer = adam:lr=0.1      with the screen `size` always given
/// size = 120x40
/// > key +                      an input sent to `update`
/// @ step 48 adam: lr=0.141     a live change it caused, at the step it took effect
/// > ticks 3                    clock ticks with no frame in between
/// --- frame 12 step 48         a frame: one tick (unless the line ends in `no-tick`),
/// …exactly H rows of text…     then the screen, H rows of W characters
/// ```
///
/// A log cut short (a crash, `kill -9`, a full disk) parses up to its last
/// complete frame and says so in `isTruncated`.
public struct RecordingLog: Sendable {
  /// The first line's first word.
  public static let magic = "optiscope-log"
  /// The format version this program writes.
  ///
  /// Version 2 came with the editable input line: `e` and `s` open it prefilled
  /// and the arrows move in it, so the same keys make another text than in a
  /// version-1 log. Version 1 is still read, and replayed with the line as it
  /// was then (see `Model.InputEditing`).
  public static let version = 2
  /// The versions this program reads.
  public static let readableVersions = 1...2

  /// The most clock ticks one `> ticks N` line may hold: 14 hours at 20 frames a second
  /// without a key or a new frame, more than any recording holds, and few enough that
  /// `replay --verify` re-simulates them in bounded time.
  public static let maximumTicks = 1_000_000

  /// The scene, screen size, theme and ASCII mode the recording started from.
  public var header: SceneFile
  /// Everything after the header, in order.
  public var events: [LogEvent]
  /// The format version the log was written in (one of `readableVersions`).
  public var formatVersion: Int = RecordingLog.version
  /// Whether the text ended inside a line or a frame; that part was dropped.
  public var isTruncated: Bool

  /// Why a log could not be read, in one line.
  public struct Problem: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The frames, in order.
  public var frames: [LogFrame] {
    events.compactMap { event in
      if case .frame(let frame) = event { return frame }
      return nil
    }
  }

  /// The screen size the recording started at.
  public var size: ScreenSize { header.size ?? ScreenSize(width: 0, height: 0) }

  /// The lines that open a log: the format line, a comment, and the header as a scene file.
  public static func headerText(_ header: SceneFile) -> String {
    "\(magic) \(version)\n"
      + "# optiscope recording: check it with `optiscope replay --verify FILE`, "
      + "play it with `optiscope replay FILE`\n" + header.text
  }

  /// Parses a log; `name` (the path) opens every refusal.
  public init(parsing text: String, name: String) throws(Problem) {
    let (lines, rest) = LogText.split(text)
    guard let first = lines.first ?? (rest.isEmpty ? nil : rest) else {
      throw Problem(description: "\(name) is empty, not an optiscope log")
    }
    let magicWords = first.split(separator: " ")
    guard magicWords.first.map(String.init) == Self.magic else {
      throw Problem(
        description:
          "\(name) is not an optiscope log (its first line is not '\(Self.magic) \(Self.version)')")
    }
    guard magicWords.count == 2, let version = Int(magicWords[1]),
      Self.readableVersions.contains(version)
    else {
      throw Problem(
        description:
          "\(name) is an optiscope log of another version ('\(LogText.oneLine(first))'); "
          + "this optiscope reads versions \(Self.readableVersions.lowerBound) to "
          + "\(Self.readableVersions.upperBound)")
    }
    formatVersion = version
    // The header runs from the second line (there may be none: a log of one line,
    // or one without its final "\n") to the first event.
    let body = lines.dropFirst()
    let headerEnd = body.firstIndex(where: LogText.isEventLine) ?? body.endIndex
    do {
      header = try SceneFile(lines: body[..<headerEnd], firstLine: 2, name: name)
    } catch {
      throw Problem(description: error.description)
    }
    guard let startSize = header.size else {
      throw Problem(description: "\(name): the header has no size = WxH line")
    }
    events = []
    isTruncated = !rest.isEmpty
    var size = startSize
    var index = headerEnd
    while index < lines.count {
      let line = lines[index]
      let lineNumber = index + 1
      if line.hasPrefix("--- ") {
        guard let fields = LogFrame.separatorFields(line) else {
          throw Problem(description: "\(name) line \(lineNumber): bad frame line '\(line)'")
        }
        let rowsEnd = index + 1 + size.height
        guard rowsEnd <= lines.count else {
          isTruncated = true
          break
        }
        events.append(
          .frame(
            LogFrame(
              number: fields.number, step: fields.step, followsTick: fields.followsTick,
              rows: Array(lines[(index + 1)..<rowsEnd]))))
        index = rowsEnd
        continue
      }
      events.append(try Self.event(line, lineNumber: lineNumber, name: name))
      if case .input(.resize(let width, let height)) = events.last {
        size = ScreenSize(width: width, height: height)
      }
      index += 1
    }
  }

  /// An input, ticks or change line.
  private static func event(_ line: String, lineNumber: Int, name: String) throws(Problem)
    -> LogEvent
  {
    if line.hasPrefix("> ") {
      let body = String(line.dropFirst(2))
      if body.hasPrefix("ticks ") {
        guard let count = Int(body.dropFirst("ticks ".count)), count >= 0 else {
          throw Problem(description: "\(name) line \(lineNumber): bad ticks line '\(line)'")
        }
        guard count <= maximumTicks else {
          throw Problem(
            description:
              "\(name) line \(lineNumber): bad ticks line '\(line)': "
              + "at most \(maximumTicks) ticks go between two inputs or frames")
        }
        return .ticks(count)
      }
      guard let message = Msg(logText: body) else {
        throw Problem(description: "\(name) line \(lineNumber): unknown input '\(line)'")
      }
      // A logged size is bounded as `--size` and the header are: replay draws every frame.
      if case .resize(let width, let height) = message,
        max(width, height) > ScreenSize.maximumSide
      {
        throw Problem(
          description:
            "\(name) line \(lineNumber): bad resize line '\(line)': width and height must be "
            + "0 to \(ScreenSize.maximumSide)")
      }
      return .input(message)
    }
    if line.hasPrefix("@ plug-in ") {
      guard let event = pluginEvent(line.dropFirst("@ plug-in ".count)) else {
        throw Problem(description: "\(name) line \(lineNumber): bad plug-in line '\(line)'")
      }
      return event
    }
    if line.hasPrefix("@ step ") {
      let body = line.dropFirst("@ step ".count)
      let number = body.prefix { $0 != " " }
      guard let step = Int(number), step >= 0 else {
        throw Problem(description: "\(name) line \(lineNumber): bad change line '\(line)'")
      }
      return .change(step: step, description: String(body.dropFirst(number.count + 1)))
    }
    throw Problem(
      description:
        "\(name) line \(lineNumber): expected '> input', '@ step N change' or '--- frame', "
        + "got '\(LogText.oneLine(String(line.prefix(40))))'")
  }

  /// A plug-in line after its `@ plug-in `: `steps A B …`, `edit R KEY=VALUE at S` or
  /// `failed R at S`; nil when it is none of them.
  private static func pluginEvent(_ body: Substring) -> LogEvent? {
    let words = body.split(separator: " ", omittingEmptySubsequences: false)
    guard let kind = words.first else { return nil }
    let count = { (word: Substring) in Int(word).flatMap { $0 >= 0 ? $0 : nil } }
    switch kind {
    case "steps":
      let steps = words.dropFirst().compactMap(count)
      guard steps.count == words.count - 1, !steps.isEmpty else { return nil }
      return .pluginSteps(steps)
    case "edit":
      guard words.count == 5, words[3] == "at", let racer = count(words[1]),
        let step = count(words[4])
      else { return nil }
      let setting = words[2].split(separator: "=", maxSplits: 1)
      guard setting.count == 2, let key = Hyperparameter(rawValue: String(setting[0])),
        let value = Double(setting[1])
      else { return nil }
      return .pluginEdit(racer: racer, key: key, value: value, step: step)
    case "failed":
      guard words.count == 4, words[2] == "at", let racer = count(words[1]),
        let step = count(words[3])
      else { return nil }
      return .pluginFailed(racer: racer, step: step)
    default:
      return nil
    }
  }
}
