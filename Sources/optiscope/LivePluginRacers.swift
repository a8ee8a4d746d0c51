import App
import OptimKit
import Plot
import Plugins

/// The plug-in racers of the live race: each frame, each takes the steps it can within a
/// small time budget, so the program never waits on Python.
///
/// A plug-in racer is an external racer of the race (`ExternalOptimizer`):
/// `Race.step()` passes it over, and this object moves it. Each frame it asks
/// the helper for a step from the racer's point (`PluginOptimizer.request`),
/// polls the pipe until the frame's budget is spent, and moves the racer when
/// the answer has come; a racer whose answer has not come lags and catches
/// up in later frames, up to the race's step count. A step that raises, or has
/// no answer within `--step-timeout` seconds, stops that racer with the reason
/// in its legend while the others race on. Edits (`+`/`-`, b/B, ...) wait
/// until no step is pending, then go to the helper as `param_groups[0]` edits.
final class LivePluginRacers {
  /// One plug-in racer.
  private struct Entry {
    /// Its index in the race.
    let index: Int
    let optimizer: PluginOptimizer
    /// When its pending step was asked for (monotonic seconds).
    var requestedAt: Double = 0
    /// Whether its helper has gone (timed out, broken): it takes no more steps.
    var isGone = false
    /// Whether a history function has given all its points.
    var isFinished = false
    /// Settings to send once no step is pending.
    var edits: [(Hyperparameter, Double)] = []
  }

  private var entries: [Entry] = []
  /// Seconds of each frame that may be spent waiting for plug-ins, all together.
  static let frameBudget = 0.008
  /// The `n_iter` a history function is given.
  static let historySteps = 100_000

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

  /// Adds the started plug-ins to the session's race, after its built-in racers.
  convenience init(_ optimizers: [PluginOptimizer], session: inout Session) {
    self.init(optimizers) { session.addExternalRacer(label: $0, $1) }
  }

  /// Adds the started plug-ins to a race with `add` (which returns the racer's index).
  init(
    _ optimizers: [PluginOptimizer], add: (String, ExternalOptimizer) -> Int
  ) {
    for optimizer in optimizers {
      let spec = optimizer.spec
      let external = ExternalOptimizer(
        name: spec.source + ":" + spec.object,
        settings: Self.settings(optimizer.hyperparameters), keepsState: optimizer.shape != .history)
      let index = add(spec.object, external)
      entries.append(Entry(index: index, optimizer: optimizer))
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

  /// One frame's work: every live plug-in steps towards the race's step count within
  /// `frameBudget` seconds.
  func advance(_ session: inout Session) {
    let deadline = PluginChannel.now() + Self.frameBudget
    for position in entries.indices {
      sendEdits(position, &session)
      var entry = entries[position]
      defer { entries[position] = entry }
      guard !entry.isGone, !entry.isFinished else { continue }
      do {
        while true {
          let race = session.model.race
          let racer = race.racers[entry.index]
          guard racer.isActive else { break }
          if !entry.optimizer.isWaiting {
            guard racer.stepCount < race.stepCount else { break }
            // With its state, for the inspector (a few µs of the helper's time).
            try entry.optimizer.request(from: racer.current, withState: true)
            entry.requestedAt = PluginChannel.now()
          }
          let left = max(0, deadline - PluginChannel.now())
          guard let outcome = try entry.optimizer.poll(on: race.objective, timeout: left) else {
            if PluginChannel.now() - entry.requestedAt > entry.optimizer.stepTimeout {
              entry.optimizer.terminate()
              entry.isGone = true
              let reason = "timed out: no answer within \(entry.optimizer.stepTimeout) s"
              Self.fail(entry.index, reason, &session)
            }
            break
          }
          guard let step = outcome.step else {
            entry.isFinished = true
            break
          }
          session.updateExternalRacers {
            $0.arrive(at: step.position, racer: entry.index, evaluations: step.evaluations)
            $0.report(state: step.state, printed: entry.optimizer.recentLines, racer: entry.index)
          }
        }
      } catch {
        if error.kind != .exception {
          entry.optimizer.terminate()
          entry.isGone = true
        }
        // What it printed before it raised, for the inspector.
        let (index, printed) = (entry.index, entry.optimizer.recentLines)
        session.updateExternalRacers {
          $0.report(state: $0.racers[index].external?.state ?? [:], printed: printed, racer: index)
        }
        let reason = error.exceptionType.map { "\($0): \(error.message)" } ?? error.message
        Self.fail(entry.index, reason, &session)
      }
    }
  }

  /// Stops racer `index` with `reason` in its legend, and says it in full at the bottom
  /// (the legend may have room for the exception's type only).
  private static func fail(_ index: Int, _ reason: String, _ session: inout Session) {
    session.updateExternalRacers { $0.fail(reason, racer: index) }
    let label = session.model.race.racers[index].label
    _ = session.send(
      .notice(Message("\(label) failed: \(DisplayText.escaped(reason))", isError: true)))
  }

  /// One step of every plug-in racer, waiting for each (headless pictures): a step that
  /// raises or times out stops that racer with the reason in its legend.
  func stepWaiting(_ race: inout Race) {
    for position in entries.indices {
      let entry = entries[position]
      let racer = race.racers[entry.index]
      guard !entry.isGone, !entry.isFinished, racer.isActive else { continue }
      do {
        if let step = try entry.optimizer.step(from: racer.current, on: race.objective) {
          race.arrive(at: step.position, racer: entry.index)
        } else {
          entries[position].isFinished = true
        }
      } catch {
        if error.kind != .exception { entries[position].isGone = true }
        let reason = error.exceptionType.map { "\($0): \(error.message)" } ?? error.message
        race.fail(reason, racer: entry.index)
      }
    }
  }

  /// The plug-in SPECs among `arguments`' --optimizer texts, and the arguments without them.
  static func split(_ arguments: SceneArguments) -> (builtIn: SceneArguments, plugins: [String]) {
    var builtIn = arguments
    builtIn.racers.optimizers.removeAll(where: PluginSpec.isPlugin)
    return (builtIn, arguments.racers.optimizers.filter(PluginSpec.isPlugin))
  }

  /// Starts the plug-ins of `texts` for `scene` (refusing what they cannot race with).
  static func start(_ texts: [String], for scene: Scene, runtime: () throws -> PluginRuntime)
    throws -> [PluginOptimizer]
  {
    guard !texts.isEmpty else { return [] }
    if scene.noise.standardDeviation > 0 {
      throw CommandError("--noise does not reach plug-in optimizers; race them without it")
    }
    let specs: [PluginSpec]
    do {
      specs = try texts.map { text throws(PluginError) in try PluginSpec(parsing: text) }
    } catch {
      throw CommandError("\(error)")
    }
    return try start(specs, runtime: runtime(), at: scene.start)
  }

  /// Queues a key's edit of racer `index`'s setting for its plug-in.
  func edit(racer index: Int, key: Hyperparameter, value: Double, _ session: inout Session) {
    guard let position = entries.firstIndex(where: { $0.index == index }) else { return }
    entries[position].edits.append((key, value))
    sendEdits(position, &session)
  }

  /// Sends the queued edits of one plug-in when no step is pending; says "fixed" for a
  /// setting the plug-in cannot change.
  private func sendEdits(_ position: Int, _ session: inout Session) {
    var entry = entries[position]
    defer { entries[position] = entry }
    guard !entry.isGone, !entry.optimizer.isWaiting, !entry.edits.isEmpty else { return }
    let label = session.model.race.racers[entry.index].label
    for (key, value) in entry.edits {
      do {
        switch try entry.optimizer.set(key.rawValue, to: value) {
        case .changed: break
        case .fixed, .unknown:
          _ = session.send(.notice(Message("\(label): \(key) is fixed", isError: true)))
        }
      } catch {
        let reason = error.exceptionType.map { "\($0): \(error.message)" } ?? error.message
        Self.fail(entry.index, reason, &session)
      }
    }
    entry.edits.removeAll()
  }

  /// Re-creates the plug-ins whose racers `update` put back at the start (`r`, `s`, a click,
  /// another function): `before` is the race before the message, `session` holds it after.
  func restartIfNeeded(before: Race, _ session: inout Session) {
    let after = session.model.race
    for position in entries.indices {
      var entry = entries[position]
      defer { entries[position] = entry }
      let index = entry.index
      guard
        after.start != before.start
          || after.racers[index].stepCount < before.racers[index].stepCount
          || (before.racers[index].external?.failure != nil
            && after.racers[index].external?.failure == nil)
      else { continue }
      guard !entry.isGone else {
        session.updateExternalRacers {
          $0.fail("its helper has ended; start optiscope again to race it", racer: index)
        }
        continue
      }
      do {
        // A pending answer belongs to the old run: wait for it (at most the step timeout).
        if entry.optimizer.isWaiting {
          _ = try entry.optimizer.poll(
            on: before.objective, timeout: entry.optimizer.stepTimeout)
        }
        entry.edits.removeAll()
        entry.isFinished = false
        try entry.optimizer.rebuild(
          at: after.start, steps: Self.historySteps, overrides: [:])
        // As a built-in racer restarts with its settings as they are, the fresh optimizer
        // gets the settings the keys gave the old one.
        let fresh = Self.settings(entry.optimizer.hyperparameters) ?? [:]
        for (key, value) in after.racers[index].external?.settings ?? [:]
        where fresh[key] != value {
          _ = try entry.optimizer.set(key.rawValue, to: value)
        }
      } catch {
        if error.kind != .exception {
          entry.optimizer.terminate()
          entry.isGone = true
        }
        let reason = error.exceptionType.map { "\($0): \(error.message)" } ?? error.message
        Self.fail(index, reason, &session)
      }
    }
  }

  /// Closes every helper's stdin (each exits on end-of-file) and ends any that lingers.
  func stop() {
    for entry in entries { entry.optimizer.terminate() }
  }
}
