import OptimKit
import Plot

extension Model {
  /// `x`: scores the same model on the same data by the other loss (NLL ↔ MSE); the map and
  /// the trails start again from the same start, every optimizer keeps its settings.
  mutating func switchLoss(effects: inout [Effect]) {
    guard var data = function.data else {
      message = Message("x switches the loss of a model trained on data (--dataset)", isError: true)
      return
    }
    let next = (DataLoss(rawValue: data.loss ?? "") ?? .nll).other
    data.loss = next.rawValue
    retrain(with: data, effects: &effects)
  }

  /// `j` / `J`: the next smaller / larger batch size (full, then halves down to 1, and
  /// round); the race starts again so the paths compare from the same start.
  mutating func cycleBatchSize(smaller: Bool, effects: inout [Effect]) {
    guard var data = function.data, let training = race.objective as? any TrainingObjective
    else {
      message = Message(
        "j/J change the batch size of a model trained on data (--dataset)", isError: true)
      return
    }
    let sizes = Self.batchSizes(exampleCount: training.exampleCount)
    let current =
      function.batchSize.map { size -> Int in
        if case .examples(let n) = size { return n }
        return training.exampleCount
      } ?? training.exampleCount
    let index = sizes.firstIndex(of: current) ?? 0
    let next = sizes[(index + (smaller ? 1 : sizes.count - 1)) % sizes.count]
    data.batch = next >= training.exampleCount ? "full" : String(next)
    retrain(with: data, effects: &effects)
  }

  /// The batch sizes `j` steps through: every example, then halves down to 1.
  static func batchSizes(exampleCount: Int) -> [Int] {
    var sizes = [max(1, exampleCount)]
    var size = 1
    while size * 2 < exampleCount { size *= 2 }
    while size >= 1 && size < exampleCount {
      sizes.append(size)
      size /= 2
    }
    return sizes
  }

  /// Races on the data objective `data` describes, from the current start and view.
  private mutating func retrain(with data: DataOptions, effects: inout [Effect]) {
    let choice: FunctionChoice
    do {
      choice = try data.functionChoice()
    } catch {
      message = Message(error.description, isError: true)
      return
    }
    var kept = choice
    kept.view = function.view
    function = kept
    race.restart(objective: choice.objective, from: race.start)
    race.batches = choice.batches(seed: race.noise.seed)
    message = Message("\(choice.title): \(choice.formula)")
    effects.append(.liveChange(step: 0, description: "function \(choice.name)"))
  }

  /// The status line's step counter for a model trained on data: the epoch and the batch
  /// within it of the last step taken ("epoch 2 · batch 3/4"; "epoch 5 · full batch").
  var dataNote: String? {
    guard let training = race.objective as? any TrainingObjective, function.data != nil else {
      return nil
    }
    let plan =
      race.batches ?? BatchPlan(size: .full, exampleCount: training.exampleCount)
    let step = race.stepCount
    guard plan.batchesPerEpoch > 1 else { return "epoch \(step) · full batch" }
    guard step > 0 else { return "epoch 0 · batch 0/\(plan.batchesPerEpoch)" }
    return "epoch \(plan.epoch(ofStep: step)) · batch \(plan.batchInEpoch(ofStep: step))"
      + "/\(plan.batchesPerEpoch) of \(plan.batchSize)"
  }

  /// The map's slice when every parameter trains: the loss through the selected racer's (or
  /// the first one's) parameters off the map, and the key its heatmap is kept under (their
  /// values, so it is sampled again only when they move).
  var trainingSlice: (objective: any Objective, key: String)? {
    guard let training = race.objective as? any TrainingObjective, training.trainsAll,
      let racer = race.racers.indices.contains(selectedIndex ?? 0)
        ? race.racers[selectedIndex ?? 0] : nil,
      racer.parameters.count == training.parameters.count
    else { return nil }
    let sliced = training.sliced(through: racer.parameters)
    return (
      sliced, function.name + " @ " + racer.parameters.map(\.description).joined(separator: ",")
    )
  }

  /// A racer's parameters off the map, as the legend shows them ("b=-0.0167").
  func offMapSummary(of racer: Racer) -> String? {
    guard let training = race.objective as? any TrainingObjective,
      racer.parameters.count == training.parameterNames.count
    else { return nil }
    let mapped = training.mappedParameters
    let parts = training.parameterNames.indices.filter { $0 != mapped.x && $0 != mapped.y }.map {
      "\(training.parameterNames[$0])=\(NumberFormat.compact(racer.parameters[$0], digits: 3))"
    }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }
}
