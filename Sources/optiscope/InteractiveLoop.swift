import App
import Plot
import Terminal

/// The interactive program's loop: event → message → update → view → screen.
///
/// Nothing clever lives here: the program's behaviour is in `App.update`,
/// the drawing in `App.view`, the terminal in `Terminal`. The loop only keeps
/// time — ticks at the frame rate while running, and blocks (no CPU) while
/// paused.
struct InteractiveLoop {
  let terminal: Terminal
  let scene: Scene
  /// The themes `t` cycles through and the one to start with.
  let themes: (choices: [ThemeChoice], index: Int)
  /// Draw with ASCII only (`--ascii`, or a terminal without UTF-8).
  let usesASCII: Bool

  /// Runs until the user quits; returns the signal number if a signal ended it.
  func run() -> Int32? {
    let size = terminal.size
    var model = Model(scene: scene, width: size.width, height: size.height)
    model.usesASCII = usesASCII
    model.colorDepth = terminal.colorDepth
    model.useThemes(themes.choices, current: themes.index)
    let clock = ContinuousClock()
    let frame = Duration.seconds(1) / model.framesPerSecond
    var nextTick = clock.now + frame
    while true {
      terminal.draw(view(model))
      let timeout: Duration? = model.isIdle ? nil : max(.zero, clock.now.duration(to: nextTick))
      var messages: [Msg] = []
      switch terminal.nextEvent(timeout: timeout) {
      case .character(let character): messages.append(.key(.character(character)))
      case .key(let key): if let key = Key(key) { messages.append(.key(key)) }
      case .interrupt: messages.append(.key(.interrupt))
      case .mouseClick(let column, let row): messages.append(.click(column: column, row: row))
      case .resize(let width, let height): messages.append(.resize(width: width, height: height))
      case .timeout: break
      case .signal(let number): return number
      case .endOfInput: return nil
      }
      let now = clock.now
      if model.isIdle {
        nextTick = now + frame
      } else if now >= nextTick {
        messages.append(.tick)
        // Never try to catch up on missed frames: a slow frame just slows the race.
        nextTick = max(nextTick + frame, now)
      }
      for message in messages {
        let (next, effects) = update(model, message)
        model = next
        if effects.contains(.quit) { return nil }
      }
    }
  }
}

extension Key {
  /// The App's name for a terminal key; nil for keys the program does not use.
  init?(_ key: TerminalEvent.Key) {
    switch key {
    case .up: self = .up
    case .down: self = .down
    case .left: self = .left
    case .right: self = .right
    case .tab: self = .tab
    case .backTab: self = .backTab
    case .escape: self = .escape
    case .enter: self = .enter
    case .backspace: self = .backspace
    case .delete: self = .delete
    case .home, .end, .pageUp, .pageDown: return nil
    }
  }
}
