import App
import OptimKit
import Plot
import Plugins

/// The plug-in racers of a race: their steps asked for as jobs of the one loop (`Job`), their
/// answers taken in as messages, their edits and restarts — and the same plug-ins rerun by
/// `replay --verify` (`PluginReplay`).
///
/// A plug-in racer is an external racer of the race (`ExternalOptimizer`):
/// `Race.step()` passes it over, and this object moves it. While a racer lags
/// behind the race's step count, its helper is asked for a step from the
/// racer's point (`PluginOptimizer.request`) and the loop polls the answer: a
/// live loop within a small budget per frame, so the program never waits on
/// Python and a slow plug-in lags and catches up later; a headless one until
/// it comes, so `record` is deterministic. A step that raises, or has no
/// answer within `--step-timeout` seconds, stops that racer with the reason in
/// its legend while the others race on. Edits (`+`/`-`, b/B, ...) wait until no
/// step is pending, then go to the helper as `param_groups[0]` edits.
///
/// What the plug-ins did goes into the session's journal and recording
/// (`Session.noteExternal`): the steps each had taken before every frame, each
/// edit with the step it came at, each failure; the rerun takes exactly those
/// steps, so a recording verifies whatever a live race's timing was.
final class PluginRacers {
  /// One plug-in racer.
  private struct Entry {
    /// Its index in the race.
    let index: Int
    let optimizer: PluginOptimizer
    /// When its pending step was asked for (monotonic seconds).
    var requestedAt: Double = 0
    /// Counts the plug-in's runs (a restart is a new one): an answer of an older run is stale.
    var run = 0
    /// Whether its helper has gone (timed out, broken): it takes no more steps.
    var isGone = false
    /// Whether a history function has given all its points.
    var isFinished = false
    /// Settings to send once no step is pending.
    var edits: [(Hyperparameter, Double)] = []
    /// Whether the pending step asked for the plug-in's state.
    var asksState = false
    /// The gradient noise the pending step was given.
    var noise = Point.zero
    /// The racer's step count its reported state belongs to (nil: none reported).
    var stateStep: Int?
  }

  /// A plug-in's answer to a step, as a message for the program.
  struct Answer {
    /// The plug-in's position among the plug-ins.
    let position: Int
    /// The run it was asked for in.
    let run: Int
    /// The step (nil: a history function has no more points), the failure, or nil for
    /// no answer within the step timeout.
    let outcome: Result<PluginOutcome, PluginError>?
  }

  private var entries: [Entry] = []
  /// Whether failures and "fixed" settings are said on screen and noted for the recording
  /// (the live race, `record`); a rerun for `replay --verify` says nothing, since the
  /// log's own inputs repeat what was said.
  private let announces: Bool
  /// The steps last noted (`noteSteps`).
  private var notedSteps: [Int]
  /// The `n_iter` a history function is first given: the helper calls it again with twice
  /// as many whenever the race goes past the points it returned.
  static let historySteps = 1_000

  /// Adds the started plug-ins to the session's race after its built-in racers, their SPECs
  /// to its header.
  init(_ optimizers: [PluginOptimizer], session: inout Session, announces: Bool = true) {
    self.announces = announces
    for optimizer in optimizers {
      let spec = optimizer.spec
      let external = ExternalOptimizer(
        name: spec.source + ":" + spec.object,
        settings: Self.settings(optimizer.hyperparameters), keepsState: optimizer.shape != .history)
      let index = session.addExternalRacer(label: spec.object, external, spec: spec.text)
      entries.append(Entry(index: index, optimizer: optimizer))
    }
    notedSteps = session.pluginSteps
  }

  /// Adds the started plug-ins to a race with `add` (which returns the racer's index), for a
  /// headless picture that steps them with `stepWaiting`.
  init(_ optimizers: [PluginOptimizer], add: (String, ExternalOptimizer) -> Int) {
    announces = false
    notedSteps = []
    for optimizer in optimizers {
      let spec = optimizer.spec
      let external = ExternalOptimizer(
        name: spec.source + ":" + spec.object,
        settings: Self.settings(optimizer.hyperparameters), keepsState: optimizer.shape != .history)
      entries.append(Entry(index: add(spec.object, external), optimizer: optimizer))
    }
  }

  /// Whether there are plug-in racers at all.
  var isEmpty: Bool { entries.isEmpty }

  /// torch's `param_groups[0]` numbers by optiscope's names (betas as beta1 and beta2);
  /// nil when the plug-in has none.
  static func settings(_ values: [String: [Double]]?) -> [Hyperparameter: Double]? {
    guard let values else { return nil }
    var settings: [Hyperparameter: Double] = [:]
    for (name, numbers) in values {
      if name == "betas", numbers.count == 2 {
        settings[.beta1] = numbers[0]
        settings[.beta2] = numbers[1]
      } else if let key = Hyperparameter(rawValue: name), numbers.count == 1 {
        settings[key] = numbers[0]
      }
    }
    return settings.isEmpty ? nil : settings
  }

  // MARK: Steps as jobs

  /// Asks every plug-in that lags behind the race, and has no step pending, for its next
  /// step; returns the jobs that wait for the answers.
  func requests(_ session: inout Session) -> [Job<Answer>] {
    var jobs: [Job<Answer>] = []
    for position in entries.indices {
      sendEdits(position, &session)
      let entry = entries[position]
      let race = session.model.race
      let racer = race.racers[entry.index]
      guard !entry.isGone, !entry.isFinished, !entry.optimizer.isWaiting, racer.isActive,
        racer.stepCount < race.stepCount
      else { continue }
      // With its state only while the inspector shows it: the state costs the helper a
      // few µs a step and a longer answer.
      let asksState = showsState(position, session.model)
      let noise = race.noiseOfNextStep(racer: entry.index)
      do {
        try entry.optimizer.request(from: racer.current, noise: noise, withState: asksState)
      } catch {
        fail(position, error, &session)
        continue
      }
      entries[position].requestedAt = PluginChannel.now()
      entries[position].asksState = asksState
      entries[position].noise = noise
      jobs.append(job(position, objective: race.objective))
    }
    return jobs
  }

  /// The job that waits for plug-in `position`'s pending answer.
  private func job(_ position: Int, objective: any Objective) -> Job<Answer> {
    let entry = entries[position]
    let run = entry.run
    let optimizer = entry.optimizer
    return Job(patience: optimizer.stepTimeout) { [weak self] timeout in
      // An answer of an earlier run was taken by the restart (`restartIfNeeded`).
      guard let self, self.entries[position].run == run, optimizer.isWaiting else {
        return Answer(position: position, run: -1, outcome: nil)
      }
      do throws(PluginError) {
        if let outcome = try optimizer.poll(on: objective, timeout: timeout) {
          return Answer(position: position, run: run, outcome: .success(outcome))
        }
      } catch {
        return Answer(position: position, run: run, outcome: .failure(error))
      }
      // From the last sign of progress: a history function's first step asks for every point.
      let waited =
        PluginChannel.now() - max(self.entries[position].requestedAt, optimizer.lastProgress)
      return waited > optimizer.stepTimeout
        ? Answer(position: position, run: run, outcome: nil) : nil
    }
  }

  /// Takes in an answer: moves the racer, stops it, or marks its history finished.
  func receive(_ answer: Answer, _ session: inout Session) {
    guard entries.indices.contains(answer.position), answer.run == entries[answer.position].run
    else { return }
    let position = answer.position
    switch answer.outcome {
    case nil:
      let timeout = entries[position].optimizer.stepTimeout
      entries[position].optimizer.terminate()
      entries[position].isGone = true
      fail(position, "timed out: no answer within \(timeout) s", &session)
    case .failure(let error):
      fail(position, error, &session)
    case .success(let outcome):
      if let step = outcome.step {
        let entry = entries[position]
        arrive(position, step, noise: entry.noise, entry.asksState, &session)
      } else {
        entries[position].isFinished = true
      }
    }
    sendEdits(position, &session)
  }

  /// Moves plug-in `position`'s racer to `step` (taken with `noise`), with the state it
  /// brought when `withState`, else the state it last reported, and what it printed.
  private func arrive(
    _ position: Int, _ step: PluginStep, noise: Point, _ withState: Bool, _ session: inout Session
  ) {
    let index = entries[position].index
    let printed = entries[position].optimizer.recentLines
    let state = withState ? step.state : session.model.race.racers[index].external?.state ?? [:]
    _ = session.send(
      .external(
        .arrived(racer: index, at: step.position, evaluations: step.evaluations, noise: noise)))
    _ = session.send(.external(.reported(racer: index, state: state, printed: printed)))
    if withState { entries[position].stateStep = session.model.race.racers[index].stepCount }
  }

  /// Whether `model` shows plug-in `position`'s state: the inspector is open on its racer
  /// (which a recording of the screen records too), and it keeps a state.
  private func showsState(_ position: Int, _ model: Model) -> Bool {
    model.isInspectorShown && model.inspectedIndex == entries[position].index
      && entries[position].optimizer.shape != .history
  }

  /// Fetches the state of the plug-in the inspector shows when what it reported is of an
  /// earlier step and no step is pending (the inspector opened, or Tab came to it, while
  /// the race was paused): just before a frame, so the frame shows the state of the point
  /// it shows.
  func refreshState(_ session: inout Session) {
    for position in entries.indices where showsState(position, session.model) {
      let entry = entries[position]
      let stepCount = session.model.race.racers[entry.index].stepCount
      guard !entry.isGone, !entry.optimizer.isWaiting, stepCount > 0,
        entry.stateStep != stepCount
      else { continue }
      do {
        let state = try entry.optimizer.state()
        let (index, printed) = (entry.index, entry.optimizer.recentLines)
        _ = session.send(.external(.reported(racer: index, state: state, printed: printed)))
        entries[position].stateStep = stepCount
      } catch {
        fail(position, error, &session)
      }
    }
  }

  /// Notes the steps every plug-in racer has taken, when they changed since last noted (just
  /// before a frame: what the frame shows).
  func noteSteps(_ session: inout Session) {
    let steps = session.pluginSteps
    guard steps != notedSteps else { return }
    notedSteps = steps
    session.noteExternal(.pluginSteps(steps))
  }

  // MARK: Waiting steps (headless pictures and replays)

  /// One step of every plug-in racer from where `race` has it, waiting for each (`render`):
  /// their news, for `update`; a step that raises or times out stops that racer with the
  /// reason in its legend.
  func stepWaiting(_ race: Race) -> [ExternalEvent] {
    var news: [ExternalEvent] = []
    for position in entries.indices {
      let entry = entries[position]
      let racer = race.racers[entry.index]
      guard !entry.isGone, !entry.isFinished, racer.isActive else { continue }
      let noise = race.noiseOfNextStep(racer: entry.index)
      do {
        if let step = try entry.optimizer.step(
          from: racer.current, on: race.objective, noise: noise)
        {
          news.append(
            .arrived(
              racer: entry.index, at: step.position, evaluations: step.evaluations, noise: noise))
        } else {
          entries[position].isFinished = true
        }
      } catch {
        if error.kind != .exception { entries[position].isGone = true }
        news.append(.failed(racer: entry.index, reason: Self.reason(error)))
      }
    }
    return news
  }

  /// Steps plug-in `position` until its racer has taken `target` steps (or stops), waiting
  /// for each step.
  private func step(_ position: Int, to target: Int, _ session: inout Session) {
    while true {
      let entry = entries[position]
      let race = session.model.race
      let racer = race.racers[entry.index]
      guard !entry.isGone, !entry.isFinished, racer.isActive, racer.stepCount < target else {
        return
      }
      let noise = race.noiseOfNextStep(racer: entry.index)
      // The state of the steps a frame shows: the inspector's racer's (a replay compares it).
      let asksState = showsState(position, session.model)
      do {
        if let step = try entry.optimizer.step(
          from: racer.current, on: race.objective, noise: noise, withState: asksState)
        {
          arrive(position, step, noise: noise, asksState, &session)
        } else {
          entries[position].isFinished = true
        }
      } catch {
        fail(position, error, &session)
      }
    }
  }

  /// Steps every plug-in until its racer has taken as many steps as the race (or stops),
  /// waiting for each step: a headless loop that draws every frame whole (`--format gif`).
  func catchUp(_ session: inout Session) {
    for position in entries.indices {
      sendEdits(position, &session)
      step(position, to: session.model.race.stepCount, &session)
    }
  }

  // MARK: Edits

  /// Queues a key's edit of racer `index`'s setting for its plug-in.
  func edit(racer index: Int, key: Hyperparameter, value: Double, _ session: inout Session) {
    guard let position = entries.firstIndex(where: { $0.index == index }) else { return }
    entries[position].edits.append((key, value))
    sendEdits(position, &session)
  }

  /// Sends the queued edits of one plug-in when no step is pending; says "fixed" for a
  /// setting the plug-in cannot change.
  private func sendEdits(_ position: Int, _ session: inout Session) {
    let entry = entries[position]
    guard !entry.isGone, !entry.optimizer.isWaiting, !entry.edits.isEmpty else { return }
    entries[position].edits.removeAll()
    for (key, value) in entry.edits {
      let step = session.model.race.racers[entry.index].stepCount
      if announces {
        session.noteExternal(.pluginEdit(racer: entry.index, key: key, value: value, step: step))
      }
      send(key, value, position, &session)
    }
  }

  /// Gives plug-in `position` one edit now.
  private func send(
    _ key: Hyperparameter, _ value: Double, _ position: Int, _ session: inout Session
  ) {
    let entry = entries[position]
    do {
      switch try entry.optimizer.set(key.rawValue, to: value) {
      case .changed: break
      case .fixed, .unknown:
        guard announces else { return }
        let label = session.model.race.racers[entry.index].label
        _ = session.send(.notice(Message("\(label): \(key) is fixed", isError: true)))
      }
    } catch {
      fail(position, error, &session)
    }
  }

  // MARK: Failures and restarts

  /// Stops plug-in `position`'s racer for `error`; a broken helper takes no more steps.
  private func fail(_ position: Int, _ error: PluginError, _ session: inout Session) {
    if error.kind != .exception {
      entries[position].optimizer.terminate()
      entries[position].isGone = true
    }
    // What it printed before it raised, for the inspector.
    let (index, printed) = (entries[position].index, entries[position].optimizer.recentLines)
    let state = session.model.race.racers[index].external?.state ?? [:]
    _ = session.send(.external(.reported(racer: index, state: state, printed: printed)))
    fail(position, Self.reason(error), &session)
  }

  /// Stops plug-in `position`'s racer with `reason` in its legend; when announcing, says it
  /// in full at the bottom (the legend may have room for the exception's type only) and
  /// notes the failure for the recording.
  private func fail(_ position: Int, _ reason: String, _ session: inout Session) {
    let index = entries[position].index
    let step = session.model.race.racers[index].stepCount
    _ = session.send(.external(.failed(racer: index, reason: reason)))
    guard announces else { return }
    session.noteExternal(.pluginFailed(racer: index, step: step))
    let label = session.model.race.racers[index].label
    _ = session.send(
      .notice(Message("\(label) failed: \(DisplayText.escaped(reason))", isError: true)))
  }

  /// A plug-in failure as a legend shows it: the exception's type and message.
  private static func reason(_ error: PluginError) -> String {
    error.exceptionType.map { "\($0): \(error.message)" } ?? error.message
  }

  /// Re-creates the plug-ins whose racers `update` put back at the start (`r`, `s`, a click,
  /// another function): `before` is the race before the message, `session` holds it after.
  func restartIfNeeded(before: Race, _ session: inout Session) {
    let after = session.model.race
    for position in entries.indices {
      let index = entries[position].index
      guard
        after.start != before.start
          || after.racers[index].stepCount < before.racers[index].stepCount
          || (before.racers[index].external?.failure != nil
            && after.racers[index].external?.failure == nil)
      else { continue }
      guard !entries[position].isGone else {
        fail(position, "its helper has ended; start optiscope again to race it", &session)
        continue
      }
      let optimizer = entries[position].optimizer
      do {
        // A pending answer belongs to the old run: wait for it (at most the step timeout).
        if optimizer.isWaiting {
          _ = try optimizer.poll(on: before.objective, timeout: optimizer.stepTimeout)
        }
        entries[position].run += 1
        entries[position].stateStep = nil
        entries[position].edits.removeAll()
        entries[position].isFinished = false
        try optimizer.rebuild(at: after.start, steps: Self.historySteps, overrides: [:])
        // As a built-in racer restarts with its settings as they are, the fresh optimizer
        // gets the settings the keys gave the old one.
        let fresh = Self.settings(optimizer.hyperparameters) ?? [:]
        for (key, value) in after.racers[index].external?.settings ?? [:]
        where fresh[key] != value {
          _ = try optimizer.set(key.rawValue, to: value)
        }
      } catch {
        fail(position, error, &session)
      }
    }
  }

  /// Closes every helper's stdin (each exits on end-of-file) and ends any that lingers.
  func stop() {
    for entry in entries { entry.optimizer.terminate() }
  }

  // MARK: Starting

  /// Starts every plug-in of `specs` at `start`, all helpers importing at once (before the
  /// terminal is taken over); throws `CommandError` in one line when one cannot start.
  static func start(_ specs: [PluginSpec], runtime: PluginRuntime, at start: Point) throws
    -> [PluginOptimizer]
  {
    do {
      return try runtime.start(specs, at: start, steps: Self.historySteps)
    } catch {
      throw CommandError("\(error)")
    }
  }

  /// The plug-in SPECs among `arguments`' --optimizer texts and --sweep members, and the
  /// arguments without them.
  static func split(_ arguments: SceneArguments) throws -> (
    builtIn: SceneArguments, plugins: [String]
  ) {
    var builtIn = arguments
    builtIn.racers.optimizers.removeAll(where: PluginSpec.isPlugin)
    let sweeps = try PluginSweep.split(arguments.racers.sweeps)
    builtIn.racers.sweeps = sweeps.builtIn
    return (builtIn, arguments.racers.optimizers.filter(PluginSpec.isPlugin) + sweeps.plugins)
  }

  /// Starts the plug-ins of `texts` for `scene` (refusing what they cannot race with).
  static func start(_ texts: [String], for scene: Scene, runtime: () throws -> PluginRuntime)
    throws -> [PluginOptimizer]
  {
    guard !texts.isEmpty else { return [] }
    let specs: [PluginSpec]
    do {
      specs = try texts.map { text throws(PluginError) in try PluginSpec(parsing: text) }
    } catch {
      throw CommandError("\(error)")
    }
    return try start(specs, runtime: runtime(), at: scene.start)
  }
}

extension PluginRacers: PluginReplay {
  func reach(_ steps: [Int], in session: inout Session) {
    for (position, target) in zip(entries.indices, steps) {
      step(position, to: target, &session)
    }
  }

  func edit(
    racer: Int, key: Hyperparameter, value: Double, at step: Int, in session: inout Session
  ) {
    guard let position = entries.firstIndex(where: { $0.index == racer }) else { return }
    self.step(position, to: step, &session)
    send(key, value, position, &session)
  }

  func fail(racer: Int, at step: Int, in session: inout Session) -> String? {
    guard let position = entries.firstIndex(where: { $0.index == racer }) else {
      return "'@ plug-in failed \(racer)': racer \(racer) is not a plug-in"
    }
    self.step(position, to: step + 1, &session)
    let replayed = session.model.race.racers[racer]
    guard replayed.external?.failure == nil else { return nil }
    return
      "\(replayed.label) failed after \(step) steps in the recording (a timeout or a broken "
      + "helper cannot be rerun); its rerun took step \(replayed.stepCount) without failing"
  }

  func afterInput(before: Race, in session: inout Session) {
    restartIfNeeded(before: before, &session)
  }
}
