import OptimKit

/// The rows of a trajectory — one per optimizer per step, as `optiscope trace` prints them and
/// a recording's `--trace` writes them — and the one observation of a race that makes them.
///
/// Both the `trace` command and the recorder step a race and print, after
/// each step, a row for every racer that was still running before it
/// (`step(_:format:to:)`), so the two outputs agree byte for byte.
public enum TraceRows {
  /// The CSV header line, `optimizer,step,x,y,f,status`.
  public static let csvHeader = "optimizer,step,x,y,f,status\n"

  /// The CSV header for a race on `objective`: a model trained on data adds one column per
  /// parameter off the map, named after it (x and y are the mapped two).
  public static func csvHeader(for objective: any Objective) -> String {
    let extra = extraNames(of: objective)
    guard !extra.isEmpty else { return csvHeader }
    return "optimizer,step,x,y,f,status," + extra.joined(separator: ",") + "\n"
  }

  /// The names of a model's parameters off the map (the bias, say); none for a test function.
  public static func extraNames(of objective: any Objective) -> [String] {
    guard let training = objective as? any TrainingObjective else { return [] }
    let mapped = training.mappedParameters
    return training.parameterNames.indices.filter { $0 != mapped.x && $0 != mapped.y }
      .map { training.parameterNames[$0] }
  }

  /// The racer's parameters off the map, in `extraNames` order.
  static func extraValues(of racer: Racer, on objective: any Objective) -> [Double] {
    guard let training = objective as? any TrainingObjective, !racer.parameters.isEmpty else {
      return []
    }
    let mapped = training.mappedParameters
    return racer.parameters.indices.filter { $0 != mapped.x && $0 != mapped.y }
      .map { racer.parameters[$0] }
  }

  /// Takes one step of `race` and appends a row for every racer that was running before it;
  /// an external racer (a plug-in) does not move with the race and gets its rows when it
  /// arrives (`Recorder.observeArrivals`).
  public static func step(_ race: inout Race, format: TraceFormat, to output: inout String) {
    let active = race.racers.map { $0.isActive && !$0.isExternal }
    race.step()
    for (index, racer) in race.racers.enumerated() where active[index] {
      append(racer, on: race.objective, format: format, to: &output)
    }
  }

  /// The rows for whatever one message did to a race, from `before` to `after`: the new steps
  /// (taken again on a copy of `before`, one at a time, since a frame may take many and the
  /// race keeps only a thinned trail; the race is deterministic, so the copy ends where
  /// `after` is), or step 0 of every racer after a restart (new start, new function, `r`).
  public static func rows(from before: Race, to after: Race, format: TraceFormat) -> String {
    var output = ""
    if after.stepCount > before.stepCount {
      var copy = before
      for _ in 0..<(after.stepCount - before.stepCount) {
        guard copy.isRunning else { break }
        step(&copy, format: format, to: &output)
      }
    } else if after.stepCount == 0, after.racers.count == before.racers.count,
      !zip(after.racers, before.racers).allSatisfy({ same($0.current, $1.current) })
    {
      for racer in after.racers { append(racer, on: after.objective, format: format, to: &output) }
    }
    return output
  }

  /// One row in `format` for the racer's latest sample on `objective` (whose parameters off
  /// the map, if a model's, follow in columns of their own).
  public static func append(
    _ racer: Racer, on objective: any Objective, format: TraceFormat, to output: inout String
  ) {
    append(
      label: racer.label, sample: racer.current,
      status: racer.status == .diverged ? "diverged" : "running",
      averagedPosition: racer.optimizer.averagedPosition,
      evaluations: racer.optimizer.kind.needsClosure ? racer.evaluationCount : nil,
      extra: zip(extraNames(of: objective), extraValues(of: racer, on: objective)).map { $0 },
      format: format, to: &output)
  }

  /// One row: a racer's name, its latest sample and status, for ASGD the averaged point, and
  /// for LBFGS (jsonl only: the CSV columns stay fixed) the evaluations so far.
  public static func append(
    label: String, sample: Sample, status: String, averagedPosition: Point? = nil,
    evaluations: Int? = nil, extra: [(name: String, value: Double)] = [],
    format: TraceFormat, to output: inout String
  ) {
    switch format {
    case .csv:
      output += label
      output += ","
      output += String(sample.step)
      output += ","
      output += sample.position.x.description
      output += ","
      output += sample.position.y.description
      output += ","
      output += sample.value.description
      output += ","
      output += status
      for column in extra {
        output += ","
        output += column.value.description
      }
      output += "\n"
    case .jsonl:
      output += "{\"optimizer\":\"\(label)\",\"step\":\(sample.step)"
      output += ",\"x\":" + json(sample.position.x)
      output += ",\"y\":" + json(sample.position.y)
      output += ",\"f\":" + json(sample.value)
      output += ",\"gx\":" + json(sample.gradient.x)
      output += ",\"gy\":" + json(sample.gradient.y)
      if let average = averagedPosition {
        // ASGD's averaged point ax, torch's state["ax"].
        output += ",\"ax\":" + json(average.x) + ",\"ay\":" + json(average.y)
      }
      if let evaluations {
        // LBFGS's closure calls so far (one step is many); other rows have one per step.
        output += ",\"evals\":" + String(evaluations)
      }
      for column in extra { output += ",\"\(column.name)\":" + json(column.value) }
      output += ",\"status\":\"\(status)\"}\n"
    }
  }

  /// A JSON number, or the strings "nan", "inf", "-inf", which JSON has no numbers for.
  private static func json(_ value: Double) -> String {
    value.isFinite ? value.description : "\"\(value.description)\""
  }

  /// Whether two samples are the same bit for bit (NaN equals NaN here).
  private static func same(_ a: Sample, _ b: Sample) -> Bool {
    a.step == b.step && a.position.x.bitPattern == b.position.x.bitPattern
      && a.position.y.bitPattern == b.position.y.bitPattern
      && a.value.bitPattern == b.value.bitPattern
  }
}
