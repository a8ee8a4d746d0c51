import OptimKit

/// Computes the next model from the current one and a message, plus what the outside world should do.
///
/// The single place where the program's behaviour lives: keys, clicks, ticks
/// and resizes all come through here, so tests can drive the whole program.
public func update(_ model: Model, _ msg: Msg) -> (Model, [Effect]) {
  var next = model
  var effects: [Effect] = []
  switch msg {
  case .tick:
    if next.isRacing, next.input == nil {
      next.stepRace(times: next.stepsPerFrame)
    }
    next.advanceBasins()
  case .resize(let width, let height):
    next.width = max(0, width)
    next.height = max(0, height)
  case .click(let column, let row):
    next.message = nil
    next.handleClick(column: column, row: row, effects: &effects)
  case .pointer(let column, let row):
    next.pictureChoices.pointer = (column, row)
  case .key(let key):
    next.handleKey(key, effects: &effects)
    // Editing the open input line changes nothing the refreshes below depend on, and a
    // paste is thousands of such keys: they cost the edit alone.
    if model.input != nil, next.input != nil, key != .enter { return (next, effects) }
  case .recordingStarted(let file):
    next.recordingFile = file
    next.message = Message("recording to \(file) — R stops")
  case .recordingStopped(let note):
    next.recordingFile = nil
    next.message = note
  case .notice(let note):
    next.message = note
  }
  next.refreshLeaderboard()
  next.refreshBasins()
  return (next, effects)
}
