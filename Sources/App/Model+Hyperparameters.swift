import OptimKit

extension Model {
  /// Applies one key press's change to the selected optimizers through the race's live-change API.
  ///
  /// The optimizer state is kept, as when editing a torch `param_group`. With
  /// "all" selected, every optimizer that has the setting moves; one that
  /// lacks it (beta1 on SGD) is skipped, and if none has it a short message
  /// says so.
  mutating func nudge(_ nudge: HyperparameterNudge, effects: inout [Effect]) {
    let indices = selection.indices(racerCount: race.racers.count)
    var changed: [String] = []
    var refused: [String] = []
    for index in indices {
      let racer = race.racers[index]
      guard let value = racer.optimizer.hyperparameters[nudge.key] else { continue }
      guard let moved = nudge.apply(to: value) else {
        refused.append("\(racer.label): \(nudge.key) cannot move further")
        continue
      }
      do {
        try race.setHyperparameter(nudge.key, to: moved, racer: index)
        let description = "\(racer.label): \(nudge.key)=\(Model.format(moved))"
        changed.append(description)
        effects.append(.liveChange(step: race.stepCount, description: description))
      } catch {
        refused.append("\(error)")
      }
    }
    if !changed.isEmpty {
      let factor =
        nudge.key == .learningRate ? " (\(nudge.isUp ? "×" : "÷")√2)" : ""
      let summary =
        changed.count == 1
        ? changed[0] + factor
        : "\(nudge.key) changed for \(changed.count) optimizers\(factor)"
      message = Message(summary)
    } else if let reason = refused.first {
      message = Message(reason, isError: true)
    } else {
      let who: String
      switch selection {
      case .all: who = "none of the optimizers has"
      case .racer(let index):
        who = index < race.racers.count ? "\(race.racers[index].label) has no" : "no optimizer has"
      }
      message = Message("\(who) \(nudge.key)", isError: true)
    }
  }
}
