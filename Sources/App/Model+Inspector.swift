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
    return InspectorDrawing(
      racerIndex: index, label: racer.label, inspection: racer.inspection,
      scheduleName: racer.optimizer.schedule?.kind.name)
  }
}
