import OptimKit
import Plot

extension Model {
  /// `i`: shows or hides the inspector for the selected optimizer (the first when all are).
  mutating func toggleInspector() {
    isInspectorShown.toggle()
    guard isInspectorShown else {
      message = Message("inspector hidden")
      return
    }
    let label = inspectedIndex.map { race.racers[$0].label } ?? "?"
    message = Message(
      "inspecting \(label): arrows for −∇f and its update, its state in the panel (Tab: another)")
  }

  /// The inspector's drawing for the picture, or nil when hidden.
  var inspectorDrawing: InspectorDrawing? {
    guard isInspectorShown, let index = inspectedIndex else { return nil }
    let racer = race.racers[index]
    var drawing = InspectorDrawing(
      racerIndex: index, label: racer.label, inspection: racer.inspection,
      scheduleName: racer.optimizer.schedule?.kind.name)
    if let external = racer.external {
      drawing.pluginRows = Self.pluginRows(external, stepCount: racer.stepCount)
    }
    return drawing
  }

  /// A plug-in racer's rows: its state by the plug-in's own names (torch's `step`, `exp_avg`,
  /// ...; a cs231n rule's config), then the last lines it printed, escaped. An empty state
  /// after `stepCount` steps is one the plug-in does not keep, or, when it stopped, one it
  /// never reported.
  static func pluginRows(_ external: ExternalOptimizer, stepCount: Int) -> [(
    label: String, value: String
  )] {
    var rows: [(label: String, value: String)] = []
    if !external.keepsState {
      rows.append(("state", "none (a history function)"))
    } else if external.state.isEmpty {
      if external.failure != nil {
        rows.append(
          (
            "state",
            stepCount == 0 ? "— (stopped before step 1)" : "— (stopped at step \(stepCount))"
          ))
      } else {
        rows.append(("state", stepCount == 0 ? "— (no step yet)" : "none kept"))
      }
    } else {
      // `step` first, as torch keeps it; the rest by name.
      let names = external.state.keys.sorted {
        ($0 == "step" ? 0 : 1, $0) < ($1 == "step" ? 0 : 1, $1)
      }
      for name in names {
        let values = external.state[name] ?? []
        let shown = values.prefix(2).map { NumberFormat.compact($0, digits: 4) }
        let text = shown.count == 1 ? shown[0] : "(" + shown.joined(separator: ", ") + ")"
        rows.append((DisplayText.escaped(name), values.count > 2 ? text + " …" : text))
      }
    }
    if external.printed.isEmpty {
      rows.append(("printed", "nothing"))
    } else {
      for (offset, line) in external.printed.enumerated() {
        rows.append((offset == 0 ? "printed" : "", DisplayText.escaped(line)))
      }
    }
    return rows
  }
}
