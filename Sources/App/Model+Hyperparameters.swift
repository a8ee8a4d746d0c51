import OptimKit

extension Model {
  /// Applies one key press's change to the selected optimizers through the race's live-change API.
  ///
  /// The optimizer state is kept, as when editing a torch `param_group`. With
  /// "all" selected, every optimizer that has the setting moves; one that
  /// lacks it (beta1 on SGD) is skipped, and if none has it a short message
  /// says so.
  ///
  /// `ownSettingsOnly` (for `<` `>`) leaves out the optimizers whose own settings do not
  /// include the key: ASGD's alpha moves, a selected RMSprop's alpha does not.
  mutating func nudge(
    _ nudge: HyperparameterNudge, ownSettingsOnly: Bool = false, effects: inout [Effect]
  ) {
    let indices = selection.indices(racerCount: race.racers.count).filter { index in
      let racer = race.racers[index]
      return !ownSettingsOnly
        || (!racer.isExternal
          && HyperparameterNudge.tunableKeys(of: racer.optimizer.kind).contains(nudge.key))
    }
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
      guard let moved = nudge.apply(to: value, kind: racer.optimizer.kind) else {
        refused.append(
          "\(racer.label): \(nudge.limitText(kind: racer.optimizer.kind)) — d restores the scene's")
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

  /// The settings `<` `>` can move for the selection: each selected built-in optimizer's
  /// `HyperparameterNudge.tunableKeys`, in order of first appearance.
  var tunableKeys: [Hyperparameter] {
    var keys: [Hyperparameter] = []
    for index in selection.indices(racerCount: race.racers.count) {
      let racer = race.racers[index]
      guard !racer.isExternal else { continue }
      for key in HyperparameterNudge.tunableKeys(of: racer.optimizer.kind)
      where !keys.contains(key) {
        keys.append(key)
      }
    }
    return keys
  }

  /// `k` / `K`: chooses the next / previous setting for `<` `>` and says its value.
  mutating func chooseTunedKey(forward: Bool) {
    let keys = tunableKeys
    guard !keys.isEmpty else {
      message = Message(Self.nothingTunable, isError: true)
      return
    }
    let key: Hyperparameter
    if let current = tunedKey, let index = keys.firstIndex(of: current) {
      key = keys[(index + (forward ? 1 : keys.count - 1)) % keys.count]
    } else {
      key = forward ? keys[0] : keys[keys.count - 1]
    }
    tunedKey = key
    var values: [String] = []
    var defaults: Set<String> = []
    for index in selection.indices(racerCount: race.racers.count) {
      let racer = race.racers[index]
      guard !racer.isExternal, let value = racer.optimizer.hyperparameters[key] else { continue }
      values.append("\(racer.label) \(Model.format(value))")
      if let standard = racer.optimizer.kind.defaultValue(of: key) {
        defaults.insert(Model.format(standard))
      }
    }
    let torch = defaults.count == 1 ? "; torch's default \(defaults.first ?? "")" : ""
    message = Message(
      "< > move \(key): \(values.joined(separator: ", "))\(torch) — k: next setting")
  }

  /// `<` / `>`: the chosen setting (`k`) one press down / up on the selected optimizers.
  mutating func nudgeTunedKey(up: Bool, effects: inout [Effect]) {
    let keys = tunableKeys
    guard !keys.isEmpty else {
      message = Message(Self.nothingTunable, isError: true)
      return
    }
    let key = tunedKey.flatMap { keys.contains($0) ? $0 : nil } ?? keys[0]
    tunedKey = key
    nudge(HyperparameterNudge(key, up: up), ownSettingsOnly: true, effects: &effects)
  }

  /// What `k` `<` `>` say when no selected optimizer has a setting of their own for them.
  static let nothingTunable =
    "no setting for < > here: Rprop, ASGD, LBFGS, Adafactor and Muon have them (+ - b v m for the rest)"

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
      if let external = racer.external {
        // A plug-in: its param_groups[0] back to what it was created with, as the keys edit it.
        guard external.failure == nil, let settings = external.settings,
          let preset = external.presetSettings
        else { continue }
        var changes: [String] = []
        for key in preset.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
          guard let value = preset[key], settings[key] != value else { continue }
          race.setExternal(key, to: value, racer: index)
          changes.append("\(key)=\(Model.format(value))")
          effects.append(.editPlugin(racer: index, key: key, value: value))
        }
        if !changes.isEmpty {
          restored.append("\(racer.label): " + changes.joined(separator: " "))
        }
        continue
      }
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
