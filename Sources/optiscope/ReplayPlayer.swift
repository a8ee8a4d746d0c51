import App
import Plot
import Terminal

/// Plays a recorded log's frames in the terminal: pause, step, speed, quit — a program of
/// the one loop (`ProgramLoop`), so it runs on a terminal or headless alike.
///
/// The frames are shown as recorded (plain text); a line under them (or over
/// the last row, when the terminal is no taller than the frames) tells the
/// frame, the step, the speed and the latest live change.
struct ReplayPlayer {
  let frames: [LogFrame]
  /// For each frame, the last live change logged at or before it.
  let changes: [String?]
  /// The recording's frame rate.
  let framesPerSecond: Int
  /// The position in `frames`.
  private(set) var index = 0
  private(set) var isPaused = false
  /// Playback speed, a power of two from 1/16 to 16.
  private(set) var speed: Double
  /// The screen's size in cells.
  private(set) var size: (width: Int, height: Int)

  init(log: RecordingLog, speed: Double, size: (width: Int, height: Int)) {
    self.size = size
    frames = log.frames
    var latest: String?
    var changes: [String?] = []
    for event in log.events {
      switch event {
      case .change(let step, let description): latest = "@ step \(step) \(description)"
      case .frame: changes.append(latest)
      default: break
      }
    }
    self.changes = changes
    framesPerSecond = log.header.options.framesPerSecond
    self.speed = speed
  }

  /// What the player acts on.
  enum Message: Equatable {
    case character(Character)
    case key(TerminalEvent.Key)
    /// Time for the next frame.
    case tick
    /// The screen is now `width` × `height` cells.
    case resize(width: Int, height: Int)
    /// q or Ctrl-C.
    case quit
  }

  /// The time between frames at the current speed.
  private var interval: Duration {
    .seconds(1) / (Double(max(1, framesPerSecond)) * speed)
  }

  /// Acts on a typed character.
  mutating func handle(_ character: Character) {
    switch character {
    case " ":
      if index == frames.count - 1 && isPaused == false {
        index = 0
      } else {
        isPaused.toggle()
      }
    case ".": step(by: 1)
    case ",": step(by: -1)
    case "+", "=": speed = min(16, speed * 2)
    case "-", "_": speed = max(1.0 / 16, speed / 2)
    default: break
    }
  }

  /// Acts on a named key.
  mutating func handle(_ key: TerminalEvent.Key) {
    switch key {
    case .right: step(by: 1)
    case .left: step(by: -1)
    case .home:
      isPaused = true
      index = 0
    case .end:
      isPaused = true
      index = frames.count - 1
    default: break
    }
  }

  /// Pauses and moves `offset` frames, staying within the recording.
  private mutating func step(by offset: Int) {
    isPaused = true
    index = min(max(0, index + offset), frames.count - 1)
  }

  /// The picture on a `size` screen: the frame at the top left, the player's line below it.
  func screen(size: (width: Int, height: Int)) -> Canvas {
    var canvas = Canvas(width: size.width, height: size.height)
    let frame = frames[index]
    for (row, text) in frame.rows.enumerated() {
      canvas.write(text, x: 0, y: row)
    }
    let state = index == frames.count - 1 ? "end" : (isPaused ? "paused" : "playing")
    let speedText = speed >= 1 ? "\(Int(speed))×" : "1/\(Int((1 / speed).rounded()))×"
    var line =
      " frame \(frame.number) (\(index + 1)/\(frames.count)) · step \(frame.step) · \(state) · "
      + "\(speedText) · space pause  ←/→ step  +/- speed  q quit"
    if let change = changes[index] { line += "  │ " + change }
    let row = min(frame.rows.count, size.height - 1)
    for column in 0..<size.width { canvas[column, row] = Cell(" ", attributes: [.reverse]) }
    canvas.write(line, x: 0, y: row, attributes: [.reverse])
    return canvas
  }
}

extension ReplayPlayer: Program {
  func message(for event: TerminalEvent) -> Message? {
    switch event {
    case .character("q"), .interrupt: return .quit
    case .character(let character): return .character(character)
    case .key(let key): return .key(key)
    case .resize(let width, let height): return .resize(width: width, height: height)
    default: return nil
    }
  }

  var tick: Message { .tick }

  /// Frames advance at the recording's rate times the speed, until paused or at the end.
  var tickInterval: Duration? { isPaused || index == frames.count - 1 ? nil : interval }

  mutating func update(_ message: Message) -> [ProgramEffect<Message>] {
    switch message {
    case .quit: return [.quit]
    case .tick:
      if !isPaused, index < frames.count - 1 { index += 1 }
      return []
    case .resize(let width, let height):
      size = (width, height)
      return []
    case .character(let character): handle(character)
    case .key(let key): handle(key)
    }
    // A key starts the wait for the next frame afresh.
    return [.restartClock]
  }

  mutating func view(time: Double) -> Canvas { screen(size: size) }
}
