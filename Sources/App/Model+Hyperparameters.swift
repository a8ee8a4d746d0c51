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
      if let external = racer.external {
        guard external.failure == nil else { continue }
        // A plug-in: its param_groups[0] where it has the setting, else "fixed".
        guard let settings = external.settings else {
          refused.append("\(racer.label): settings fixed (the plug-in has no param_groups)")
          continue
        }
        guard let value = settings[nudge.key], let moved = nudge.apply(to: value) else {
          continue
        }
        race.setExternal(nudge.key, to: moved, racer: index)
        changed.append("\(racer.label): \(nudge.key)=\(Model.format(moved))")
        effects.append(.editPlugin(racer: index, key: nudge.key, value: moved))
        continue
      }
      guard let value = racer.optimizer.hyperparameters[nudge.key] else { continue }
      guard let moved = nudge.apply(to: value) else {
        refused.append("\(racer.label): \(nudge.limitText) — d restores the scene's")
        continue
      }
      do {
        try race.edit(.hyperparameter(nudge.key, moved), racer: index)
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

  /// `d`: the selected optimizers' settings back to the scene's (after `f`/`F`, the
  /// function's presets), keeping their state, as a live change does.
  ///
  /// `r` restarts with the settings as they are, so without this a setting driven
  /// far off by the keys could only be brought back press by press.
  mutating func restoreSceneHyperparameters(effects: inout [Effect]) {
    var restored: [String] = []
    var refused: [String] = []
    for index in selection.indices(racerCount: race.racers.count)
    where presetHyperparameters.indices.contains(index) {
      let racer = race.racers[index]
      let preset = presetHyperparameters[index]
      var changes: [String] = []
      for key in preset.keys {
        guard let value = preset[key], racer.optimizer.hyperparameters[key] != value else {
          continue
        }
        do {
          try race.edit(.hyperparameter(key, value), racer: index)
          let description = "\(racer.label): \(key)=\(Model.format(value))"
          changes.append("\(key)=\(Model.format(value))")
          effects.append(.liveChange(step: race.stepCount, description: description))
        } catch {
          refused.append("\(error)")
        }
      }
      if !changes.isEmpty {
        restored.append("\(racer.label): " + changes.joined(separator: " "))
      }
    }
    if let reason = refused.first {
      message = Message(reason, isError: true)
    } else if restored.isEmpty {
      message = Message(
        selection == .all
          ? "the settings are the scene's already"
          : "this optimizer's settings are the scene's already")
    } else {
      message = Message(
        restored.count == 1
          ? "back to the scene's settings, \(restored[0])"
          : "\(restored.count) optimizers back to the scene's settings")
    }
  }
}
