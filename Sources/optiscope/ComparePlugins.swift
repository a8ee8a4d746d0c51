import OptimKit
import Plugins

/// The plug-in racers of `optiscope compare`: external racers of its race, each step waited for.
///
/// After every step of the race each plug-in takes its step from its racer's
/// point (`PluginOptimizer.step`) and the racer arrives there, counting the
/// evaluations the step used (one, plus each point the plug-in's closure asked
/// f and ∇f at), so the ranking by evaluations treats plug-ins as built-ins. A
/// history function that has given all its points stops where it is. An
/// exception or a timeout fails the command in one line naming the plug-in,
/// as in `trace`.
final class ComparePlugins {
  /// One plug-in racer: its index in the race, its optimizer, whether it has no more points.
  private struct Entry {
    let index: Int
    let optimizer: PluginOptimizer
    var isFinished = false
  }

  private var entries: [Entry] = []

  /// Starts the plug-ins of `texts` at the race's start and adds them to `race` after its
  /// built-in racers (named by their objects, made unique as built-in names are); `steps` is
  /// the `n_iter` a history function is given.
  init(
    _ texts: [String], runtime: () throws -> PluginRuntime, race: inout Race, steps: Int
  ) throws {
    guard !texts.isEmpty else { return }
    let runtime = try runtime()
    let specs = try texts.map { text throws(PluginError) in try PluginSpec(parsing: text) }
    let optimizers = try runtime.start(specs, at: race.start, steps: steps)
    for (spec, optimizer) in zip(specs, optimizers) {
      let index = race.appendExternal(label: spec.object, ExternalOptimizer(name: spec.text))
      entries.append(Entry(index: index, optimizer: optimizer))
    }
  }

  /// One step of every plug-in racer that still steps; throws `CommandError` for one that
  /// raised or timed out.
  func step(_ race: inout Race) throws {
    for position in entries.indices where !entries[position].isFinished {
      let entry = entries[position]
      let racer = race.racers[entry.index]
      guard racer.isActive else { continue }
      let answer: PluginStep?
      let noise = race.noiseOfNextStep(racer: entry.index)
      do {
        answer = try entry.optimizer.step(from: racer.current, on: race.objective, noise: noise)
      } catch {
        throw CommandError("\(racer.label): \(error)")
      }
      guard let answer else {
        entries[position].isFinished = true
        continue
      }
      race.arrive(
        at: answer.position, racer: entry.index, evaluations: answer.evaluations, noise: noise)
    }
  }

  /// What each plug-in printed, by its racer's label in `race`.
  func printed(in race: Race) -> [(label: String, text: String)] {
    entries.map { (race.racers[$0.index].label, $0.optimizer.printed) }
  }

  /// Ends every helper.
  func stop() {
    for entry in entries { entry.optimizer.terminate() }
  }
}
