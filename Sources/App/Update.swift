import OptimKit

/// Computes the next model from the current one and a message, plus what the outside world should do.
///
/// The single place where the program's behaviour lives: keys, clicks, ticks
/// and resizes all come through here, so tests can drive the whole program.
public func update(_ model: Model, _ msg: Msg) -> (Model, [Effect]) {
  var next = model
  let effects = update(&next, msg)
  return (next, effects)
}

/// `update(model, msg)` in place: the same next model, without a copy of the race (its
/// trails) while the old model is still held, which a run loop that keeps only the
/// latest model (`Session`, a headless picture) need not pay for every message.
public func update(_ next: inout Model, _ msg: Msg) -> [Effect] {
  let hadInput = next.input != nil
  var effects: [Effect] = []
  switch msg {
  case .tick:
    if next.isRacing, next.input == nil {
      next.stepRace(times: next.stepsPerFrame)
    }
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
    if hadInput, next.input != nil, key != .enter { return effects }
  case .recordingStarted(let file):
    next.recordingFile = file
    next.message = Message("recording to \(file) — R stops")
  case .recordingStopped(let note):
    next.recordingFile = nil
    next.message = note
  case .notice(let note):
    next.message = note
  case .external(let event):
    // Only the race changes: the leaderboard sees a plug-in's step at the race's next step,
    // as it sees the built-in racers', and nothing the refreshes below read is touched.
    next.apply(event)
    return effects
  case .advance(let steps):
    next.stepRace(times: steps)
    // Sees the plug-in racers where their last news left them (the race's steps saw them
    // before it), so steps taken one at a time with their news in between rank exactly.
    next.leaderboard.observe(next.race)
    return effects
  }
  next.refreshLeaderboard()
  return effects
}
