import OptimKit
import Plot

extension Model {
  /// Routes a key: to the input line when one is open, to the help overlay, or to a command.
  mutating func handleKey(_ key: Key, effects: inout [Effect]) {
    if key == .interrupt {
      effects.append(.quit)
      return
    }
    if input != nil {
      handleInputKey(key, effects: &effects)
      return
    }
    if isHelpShown {
      // The overlay covers the map: any key closes it, and q still quits.
      isHelpShown = false
      if key == .character("q") { effects.append(.quit) }
      return
    }
    message = nil
    switch key {
    case .character(let character): handleCommand(character, effects: &effects)
    case .tab: selection = selection.next(racerCount: race.racers.count)
    case .backTab: selection = selection.previous(racerCount: race.racers.count)
    case .left: pan(columns: -1, rows: 0, effects: &effects)
    case .right: pan(columns: 1, rows: 0, effects: &effects)
    case .up where function.isOneVariable, .down where function.isOneVariable:
      message = Message("f(x): ↑ ↓ do not pan — f's range follows the x range (← → z Z 0)")
    case .up: pan(columns: 0, rows: 1, effects: &effects)
    case .down: pan(columns: 0, rows: -1, effects: &effects)
    case .escape, .enter, .backspace, .delete, .home, .end, .control, .interrupt: break
    }
  }

  /// The one-character commands.
  private mutating func handleCommand(_ character: Character, effects: inout [Effect]) {
    switch character {
    case "q": effects.append(.quit)
    case "?": isHelpShown = true
    case " ":
      isPaused.toggle()
      message = Message(isPaused ? "paused — space resumes, n steps" : "running")
    case "n", ".":
      isPaused = true
      stepRace()
    case "r":
      race.restart(from: race.start)
      effects.append(.liveChange(step: 0, description: "restart"))
      message = Message("restarted from \(Model.format(race.start))")
    case "[":
      stepsPerFrame = max(1, stepsPerFrame / 2)
      message = Message("\(stepsPerFrame) step\(stepsPerFrame == 1 ? "" : "s") per frame")
    case "]":
      stepsPerFrame = min(Model.maximumStepsPerFrame, stepsPerFrame * 2)
      message = Message("\(stepsPerFrame) steps per frame")
    case "+", "=": nudge(HyperparameterNudge(.learningRate, up: true), effects: &effects)
    case "-", "_": nudge(HyperparameterNudge(.learningRate, up: false), effects: &effects)
    case "b": nudge(HyperparameterNudge(.beta1, up: false), effects: &effects)
    case "B": nudge(HyperparameterNudge(.beta1, up: true), effects: &effects)
    case "v": nudge(HyperparameterNudge(.beta2, up: false), effects: &effects)
    case "V": nudge(HyperparameterNudge(.beta2, up: true), effects: &effects)
    case "m": nudge(HyperparameterNudge(.momentum, up: false), effects: &effects)
    case "M": nudge(HyperparameterNudge(.momentum, up: true), effects: &effects)
    case "k": chooseTunedKey(forward: true)
    case "K": chooseTunedKey(forward: false)
    case "<": nudgeTunedKey(up: false, effects: &effects)
    case ">": nudgeTunedKey(up: true, effects: &effects)
    case "d": restoreSceneHyperparameters(effects: &effects)
    case "1"..."9": toggleVisibility(Int(String(character)).map { $0 - 1 } ?? 0)
    case "z": zoom(by: 1 / Model.zoomFactor, effects: &effects)
    case "Z": zoom(by: Model.zoomFactor, effects: &effects)
    case "0":
      view = homeView
      effects.append(.liveChange(step: race.stepCount, description: "view \(view)"))
    case "f": switchFunction(by: 1, effects: &effects)
    case "F": switchFunction(by: -1, effects: &effects)
    case "e": openInput(.expression)
    case "s": openInput(.start)
    case "l":
      let layouts = PictureLayout.allCases
      let index = layouts.firstIndex(of: layout) ?? 0
      layout = layouts[(index + 1) % layouts.count]
      message = Message("layout: \(layout.rawValue)")
    case "t": nextTheme()
    case "g": changeNoise(up: false, effects: &effects)
    case "G": changeNoise(up: true, effects: &effects)
    case "c": cycleSchedule(effects: &effects)
    case "L": toggleLeaderboard()
    case "i": toggleInspector()
    case "a" where function.isOneVariable:
      message = Message("basins are a map of (x, y): not for f(x)", isError: true)
    case "a": toggleBasins()
    case "R": effects.append(recordingFile == nil ? .startRecording : .stopRecording)
    case "S": effects.append(.saveScene(sceneFileText))
    case "P": effects.append(.saveImage)
    case "o": toggleSolo()
    case "w": fitViewToTrails(effects: &effects)
    case "y": toggleLossScale()
    case "x": switchLoss(effects: &effects)
    case "j": cycleBatchSize(smaller: true, effects: &effects)
    case "J": cycleBatchSize(smaller: false, effects: &effects)
    default:
      message = Message("unknown key '\(character)' — press ? for help", isError: true)
    }
  }

  /// Moves to the next theme; a broken theme file keeps the current theme and says why.
  private mutating func nextTheme() {
    guard !themes.isEmpty else { return }
    themeIndex = (themeIndex + 1) % themes.count
    let choice = themes[themeIndex]
    switch choice.result {
    case .success(let next):
      theme = next
      message = Message(
        "theme \(themeIndex + 1)/\(themes.count): \(next.name)"
          + (next.summary.isEmpty ? "" : " — \(next.summary)"))
    case .failure(let error):
      message = Message("theme \(choice.name) not used: \(error)", isError: true)
    }
  }

  /// Shows or hides racer `index` (0-based).
  private mutating func toggleVisibility(_ index: Int) {
    guard race.racers.indices.contains(index) else {
      message = Message("there is no optimizer \(index + 1)", isError: true)
      return
    }
    if hiddenRacers.contains(index) {
      hiddenRacers.remove(index)
      message = Message("showing \(race.racers[index].label)")
    } else {
      hiddenRacers.insert(index)
      message = Message("hiding \(race.racers[index].label)")
    }
  }

  /// How much `z` / `Z` zoom in or out per press.
  static let zoomFactor = 1.5
  /// How much of the view an arrow key pans.
  static let panFraction = 0.1

  private mutating func pan(columns: Int, rows: Int, effects: inout [Effect]) {
    let dx = Double(columns) * view.width * Model.panFraction
    let dy = Double(rows) * view.height * Model.panFraction
    let moved = ViewBox(
      xMin: view.xMin + dx, xMax: view.xMax + dx, yMin: view.yMin + dy, yMax: view.yMax + dy)
    guard moved.isValid else { return }
    view = moved
    effects.append(.liveChange(step: race.stepCount, description: "view \(view)"))
  }

  /// Zooms about the view's centre; `factor` < 1 zooms in.
  ///
  /// Each limit guards its own direction: far enough in, neighbouring
  /// samples become equal doubles; far out, the view leaves the useful range
  /// (wider than 1e12) or the doubles. A view that is already huge (±1e307)
  /// can still zoom in. Centre and half-sizes are taken in halves, so that
  /// even a view of ±1.7e308, whose width overflows, has them.
  private mutating func zoom(by factor: Double, effects: inout [Effect]) {
    let center = Point(x: view.xMin / 2 + view.xMax / 2, y: view.yMin / 2 + view.yMax / 2)
    let halfWidth = (view.xMax / 2 - view.xMin / 2) * factor
    let halfHeight = (view.yMax / 2 - view.yMin / 2) * factor
    let zoomed = ViewBox(
      xMin: center.x - halfWidth, xMax: center.x + halfWidth,
      yMin: center.y - halfHeight, yMax: center.y + halfHeight)
    let fineEnough =
      halfWidth > 0.5e-9 * max(1, abs(center.x)) && halfHeight > 0.5e-9 * max(1, abs(center.y))
    let smallEnough = halfWidth < 0.5e12 && halfHeight < 0.5e12
    guard zoomed.isValid, factor < 1 ? fineEnough : smallEnough else {
      message = Message("cannot zoom further", isError: true)
      return
    }
    view = zoomed
    // One variable: only x zooms (y's range is a placeholder; the curve's is f's).
    if function.isOneVariable { (view.yMin, view.yMax) = (-1, 1) }
    effects.append(.liveChange(step: race.stepCount, description: "view \(view)"))
  }

  /// A number as shown in messages: up to 4 significant digits.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return NumberFormat.nonFinite(value) }
    return CNumberText.format("%.4g", value)
  }

  /// A point as shown in messages.
  static func format(_ point: Point) -> String {
    "(\(format(point.x)), \(format(point.y)))"
  }
}
