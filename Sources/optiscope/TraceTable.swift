import App
import OptimKit

/// Runs a race for `optiscope trace` and renders every step as CSV or JSON lines.
///
/// Everything is checked before the first step (changes are tried on copies of
/// the specs in the order they will apply), and the whole output is built in
/// memory, so a refused input prints nothing and a run is written in one go.
struct TraceTable {
  let objective: any Objective
  let start: Point
  let steps: Int
  let specs: [OptimizerSpec]
  /// One label per spec, as the optimizer column prints it (made unique by the race).
  let labels: [String]?
  let noise: GradientNoise
  /// Which examples each step uses, for a model trained on data; nil: all of them.
  var batches: BatchPlan?
  /// Checked changes in the order they apply: by step, then as given.
  let changes: [Scheduled]
  let format: TraceFormat
  /// Plug-in optimizers, stepped after the built-in ones each step (their rows follow).
  var plugins: [PluginTraceRacer] = []

  /// A change resolved to a known key and a valid value.
  struct Scheduled {
    let step: Int
    let racer: Int
    let edit: OptimizerEdit
  }

  /// Resolves one change against `spec` as it is when the change applies, and applies it there.
  static func resolve(_ change: TraceChange, on spec: inout OptimizerSpec) throws(OptimizerError)
    -> OptimizerEdit
  {
    let edit = try OptimizerEdit(key: change.key, text: change.text, for: spec)
    try spec.edit(edit)
    return edit
  }

  /// Checks every change against the optimizer it edits, as it will be when the change applies.
  ///
  /// Throws `CommandError` naming the change and the reason.
  init(
    objective: any Objective, start: Point, steps: Int, specs: [OptimizerSpec],
    labels: [String]? = nil, noise: GradientNoise = .none, changes: [TraceChange],
    format: TraceFormat
  ) throws {
    let ordered = changes.enumerated().sorted { a, b in
      (a.element.step, a.offset) < (b.element.step, b.offset)
    }.map(\.element)
    var trial = specs
    var scheduled: [Scheduled] = []
    for change in ordered {
      let shown = "bad --change '\(change.step):\(change.racer + 1):\(change.key)=\(change.text)'"
      guard trial.indices.contains(change.racer) else {
        let given =
          specs.count == 1 ? "only 1 --optimizer is" : "only \(specs.count) --optimizer are"
        throw CommandError("\(shown): no optimizer number \(change.racer + 1); \(given) given")
      }
      do {
        let edit = try Self.resolve(change, on: &trial[change.racer])
        scheduled.append(Scheduled(step: change.step, racer: change.racer, edit: edit))
      } catch {
        throw CommandError("\(shown): \(error)")
      }
    }
    self.objective = objective
    self.start = start
    self.steps = steps
    self.specs = specs
    self.labels = labels
    self.noise = noise
    self.changes = scheduled
    self.format = format
  }

  /// Runs the race and returns the full output, header included.
  func render() throws -> String {
    var race = Race(objective: objective, start: start, specs: specs, labels: labels)
    race.noise = noise
    race.batches = batches
    var output = ""
    output.reserveCapacity((steps + 1) * specs.count * 64 + 64)
    if format == .csv { output += TraceRows.csvHeader(for: objective) }
    for racer in race.racers {
      append(racer, to: &output)
    }
    for plugin in plugins {
      TraceRows.append(
        label: plugin.label, sample: plugin.current, status: plugin.status, format: format,
        to: &output)
    }
    var pending = changes[...]
    for step in 0..<steps {
      while let change = pending.first, change.step == step {
        pending.removeFirst()
        try race.edit(change.edit, racer: change.racer)
      }
      guard race.isRunning || plugins.contains(where: \.isActive) else { break }
      TraceRows.step(&race, format: format, to: &output)
      for plugin in plugins where try plugin.step() {
        TraceRows.append(
          label: plugin.label, sample: plugin.current, status: plugin.status, format: format,
          to: &output)
      }
    }
    return output
  }

  /// One row for the racer's latest sample.
  private func append(_ racer: Racer, to output: inout String) {
    TraceRows.append(racer, on: objective, format: format, to: &output)
  }
}
