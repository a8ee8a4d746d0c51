import OptimKit

extension Model {
  /// The schedules `c` steps through after "none", in order; after the last comes none again.
  static let scheduleCycle: [LearningRateSchedule.Kind] = [
    .step, .exponential, .cosine, .warmupCosine, .plateau,
  ]

  /// How many steps the cosine schedules `c` sets take to anneal: a few hundred steps is
  /// what a race on screen lasts.
  static let schedulePeriod = 500.0

  /// The schedule `c` sets for `kind`: settings whose shape shows within a race on screen.
  ///
  /// Step halves lr every 100 steps; exponential loses 1% a step; cosine
  /// anneals to 0 over 500 steps; warm-up-cosine warms up over 50 first;
  /// plateau halves lr after 20 steps without progress.
  static func defaultSchedule(_ kind: LearningRateSchedule.Kind) -> LearningRateSchedule? {
    let values: [ScheduleParameter: Double]
    switch kind {
    case .step: values = [.stepSize: 100, .gamma: 0.5]
    case .exponential: values = [.gamma: 0.99]
    case .cosine: values = [.period: schedulePeriod]
    case .warmupCosine: values = [.warmup: 50, .period: schedulePeriod]
    case .plateau: values = [.factor: 0.5, .patience: 20]
    }
    return try? LearningRateSchedule(kind: kind, values: values)
  }

  /// The schedule kind after `current` in `c`'s cycle; nil stands for no schedule.
  static func nextSchedule(after current: LearningRateSchedule.Kind?) -> LearningRateSchedule.Kind?
  {
    guard let current, let index = scheduleCycle.firstIndex(of: current) else {
      return scheduleCycle.first
    }
    return index + 1 < scheduleCycle.count ? scheduleCycle[index + 1] : nil
  }

  /// `c`: the selected optimizers move to the next schedule, keeping their state.
  ///
  /// With "all" selected, every optimizer gets the schedule that follows the
  /// first one's, so they stay in step. The schedule's clock starts now, as a
  /// torch scheduler built at this step would.
  mutating func cycleSchedule(effects: inout [Effect]) {
    let indices = selection.indices(racerCount: race.racers.count)
    guard let first = indices.first else {
      message = Message("no optimizer to schedule", isError: true)
      return
    }
    let kind = Model.nextSchedule(after: race.racers[first].optimizer.schedule?.kind)
    let schedule = kind.flatMap(Model.defaultSchedule)
    var changed: [String] = []
    for index in indices {
      guard (try? race.edit(.schedule(schedule), racer: index)) != nil else { continue }
      let label = race.racers[index].label
      let description = "\(label): " + (schedule?.description ?? "schedule=none")
      changed.append(description)
      effects.append(.liveChange(step: race.stepCount, description: description))
    }
    let next = Model.nextSchedule(after: kind).map(\.name) ?? "none"
    if changed.count == 1 {
      message = Message("\(changed[0])  (c again: \(next))")
    } else {
      message = Message(
        "schedule \(kind?.name ?? "none") for \(changed.count) optimizers  (c again: \(next))")
    }
  }
}
