import ArgumentParser
import FoundationEssentials
import OptimKit
import Plot
import Plugins

/// `optiscope compare`: race optimizers headlessly with equal step budgets and print a ranking.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract:
      "Rank optimizers by evaluations to reach a tolerance, then final f (no terminal UI).",
    discussion: """
      Runs every --optimizer and --sweep member from the same start for --steps steps (equal \
      budgets) and ranks them: first those that reached the tolerance, by the evaluations of f \
      and its gradient they had made by then (one per step, but for lbfgs, whose step \
      evaluates f many times); then the others by final f; diverged ones last (longest-lived first). Without \
      --optimizer or --sweep it ranks the field the live program races on the function: sgd, \
      momentum, nesterov, adagrad, rmsprop, adadelta, adam and nadam at the function's \
      suggested learning rates.

      "Reached" is f - f* <= TOLERANCE when the function's global minimum value f* is known \
      (catalog functions), else distance to the nearest known minimum <= TOLERANCE; for \
      --expr nothing is known and only final f ranks. The table says which was used.

      --start may be given several times: one ranking per start, in order (csv: a leading \
      start column). --lr LR, repeatable, races every optimizer once per rate, labelled \
      "sgd lr=1e-3". A function of one variable (--function quadratic-squared, or --expr in x \
      alone) takes --start X.

      SPECs, sweeps, schedules, --noise and --seed work as in `optiscope trace`. Plug-in \
      SPECs (FILE.py:OBJECT[:KEYWORDS], MODULE:OBJECT) rank beside the built-in ones, their \
      evaluations counted as the built-ins' (one per step, plus every other point their \
      closure evaluates); their spec column is the SPEC as given; with --noise they are given \
      the noisy gradient, as the built-in ones.

      CSV columns: rank,optimizer,spec,reached_step,final_f,x,y,distance,steps,status,\
      reached_evaluations,evaluations (reached_step and reached_evaluations empty when not \
      reached; distance to the nearest known minimum, empty when \
      none is known; status running, converged or diverged).

      Examples:
        optiscope compare --function himmelblau --steps 300
        optiscope compare --function rosenbrock --steps 2000 \\
            --optimizer adam:lr=0.02 --optimizer nag:lr=0.0005 --optimizer newton
        optiscope compare --function himmelblau --format csv \\
            --sweep adam:lr=1e-3..1,count=9
      """
  )

  // duplicates: options shaped like check's and PluginArguments', with compare's own help.
  @OptionGroup var function: FunctionArguments

  @Option(
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "The start point X,Y (X for a function of one variable; default: the function's own); "
        + "repeat it to compare from several starts.", valueName: "x,y"))
  var start: [String] = []

  @Option(
    name: .customLong("lr"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "Race every optimizer at this learning rate (labelled \"sgd lr=0.001\"); repeatable.",
      valueName: "lr"))
  var learningRates: [String] = []

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Step budget for every optimizer.", valueName: "n"))
  var steps: String = "1000"

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("What counts as arrived.", valueName: "t"))
  var tolerance: String = "1e-6"

  @OptionGroup var racing: RacerList.Arguments

  @Option(help: ArgumentHelp("Output format: table or csv.", valueName: "format"))
  var format: String = CompareFormat.table.rawValue

  @OptionGroup var plugins: PluginArguments

  func run() throws {
    let printedFile = try plugins.openPluginOutput()
    var printed: [(label: String, text: String)] = []
    let output = try makeReport(printed: &printed)
    try StandardStream.print(output)
    try PluginArguments.finish(
      printedFile, printed: printed, otherwise: "--plugin-output FILE keeps it")
  }

  /// Checks every input, runs the race and renders the ranking; throws a one-line `Refusal`.
  func makeReport() throws -> String {
    var printed: [(label: String, text: String)] = []
    return try makeReport(printed: &printed)
  }

  /// `makeReport()`, also giving what each plug-in printed.
  func makeReport(printed: inout [(label: String, text: String)]) throws -> String {
    let (choice, _) = try function.requiredChoice(start: start.first)
    guard start.count > 1 else {
      return try makeReport(from: start.first, printed: &printed)
    }
    // Several starts: one report each, in the order given; csv gains a leading start column.
    var reports: [String] = []
    for (index, text) in start.enumerated() {
      var report = try makeReport(from: text, printed: &printed)
      if format.lowercased() == CompareFormat.csv.rawValue {
        let point = try FunctionArguments.startPoint(text, on: choice, default: nil)
        let label = choice.isOneVariable ? "\(point.x)" : "\"\(point.x),\(point.y)\""
        var lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.indices where !lines[line].isEmpty {
          lines[line] = (line == 0 ? "start," : label + ",") + lines[line]
        }
        if index > 0 { lines.removeFirst() }
        report = lines.joined(separator: "\n")
      }
      reports.append(report)
    }
    return reports.joined(separator: format.lowercased() == CompareFormat.csv.rawValue ? "" : "\n")
  }

  /// The report of one race from `startText` (the function's own start when nil).
  func makeReport(from startText: String?, printed: inout [(label: String, text: String)]) throws
    -> String
  {
    let (choice, hasOwnStart) = try function.requiredChoice(start: startText)
    let objective = choice.objective
    let defaultStart = hasOwnStart ? choice.start : nil
    let sceneName = choice.name
    var board: Leaderboard
    let catalog = choice.isOneVariable ? TestFunction.oneVariableCatalog : TestFunction.catalog
    if let catalogIndex = choice.catalogIndex, catalog.indices.contains(catalogIndex) {
      board = Leaderboard(function: catalog[catalogIndex], tolerance: 0)
    } else {
      board = Leaderboard(criterion: .finalValueOnly, tolerance: 0)
    }
    let startPoint = try FunctionArguments.startPoint(startText, on: choice, default: defaultStart)
    let stepCount = try Trace.stepCount(steps)
    guard let tol = Double(tolerance), tol.isFinite, tol >= 0 else {
      throw CommandError("--tolerance must be a finite number >= 0, got '\(tolerance)'")
    }
    guard let outputFormat = CompareFormat(rawValue: format.lowercased()) else {
      throw CommandError("--format must be table or csv, got '\(format)'")
    }
    // Plug-in SPECs (FILE.py:OBJECT, MODULE:OBJECT) race after the built-in ones.
    let sweeps = try PluginSweep.split(racing.sweeps)
    let pluginTexts = racing.optimizers.filter(PluginSpec.isPlugin) + sweeps.plugins
    var builtIn = racing
    builtIn.optimizers.removeAll(where: PluginSpec.isPlugin)
    builtIn.sweeps = sweeps.builtIn
    var racers =
      builtIn.isEmpty && !pluginTexts.isEmpty
      ? RacerList(specs: []) : try builtIn.racers(on: choice)
    racers = try Self.atLearningRates(racers, learningRates)
    var race = Race(
      objective: objective, start: startPoint,
      specs: try FunctionArguments.specs(racers.specs, on: choice), labels: racers.labels)
    race.noise = try racing.gradientNoise()
    race.batches = choice.batches(seed: race.noise.seed)
    try race.checkTrainsAll()
    let external = try ComparePlugins(
      pluginTexts, runtime: plugins.runtime, race: &race, steps: stepCount)
    defer {
      printed = external.printed(in: race)
      external.stop()
    }
    board = Leaderboard(criterion: board.criterion, tolerance: tol, minima: board.minima)
    board.observe(race)
    for _ in 0..<stepCount {
      guard race.isRunning else { break }
      race.step()
      try external.step(&race)
      board.observe(race)
    }
    let ranking = board.ranking(of: race)
    switch outputFormat {
    case .csv:
      return Self.csv(ranking, board: board, race: race)
    case .table:
      // An expression is named by its source, which may hold any whitespace (a C1 NEL).
      let name = DisplayText(sceneName, limit: 200)
      let from =
        choice.isOneVariable ? "x = \(startPoint.x)" : "\(startPoint.x),\(startPoint.y)"
      var header = "\(name) from \(from), \(stepCount) steps"
      if race.noise.isActive { header += ", noise \(race.noise)" }
      header += "; reached: \(board.criterion) with tolerance \(tol)\n"
      return header + Self.table(ranking, board: board, race: race)
    }
  }

  /// The SPEC shown for an entry: a plug-in's as given, a built-in's as set.
  /// Every racer once per `--lr` value, at that learning rate and labelled with it
  /// ("sgd lr=0.001"), in the order: each racer's rates together; unchanged without any.
  static func atLearningRates(_ racers: RacerList, _ texts: [String]) throws -> RacerList {
    guard !texts.isEmpty else { return racers }
    var result = RacerList(specs: [])
    for (spec, label) in zip(racers.specs, racers.labels) {
      for text in texts {
        guard let rate = Double(text.trimmingSpaces()), rate.isFinite, rate > 0 else {
          throw CommandError("bad --lr '\(text)': expected a finite number > 0, e.g. 1e-3")
        }
        var edited = spec
        do {
          try edited.edit(.hyperparameter(.learningRate, rate))
        } catch {
          throw CommandError("bad --lr '\(text)' for \(label): \(error)")
        }
        result.specs.append(edited)
        result.labels.append("\(label) lr=\(text.trimmingSpaces())")
      }
    }
    return result
  }

  static func specText(of entry: LeaderboardEntry, in race: Race) -> String {
    race.racers[entry.index].external?.name ?? entry.spec.description
  }

  static func status(of racer: Racer) -> String {
    switch racer.status {
    case .running: "running"
    case .converged: "converged"
    case .diverged: "diverged"
    }
  }

  static func csv(_ ranking: [LeaderboardEntry], board: Leaderboard, race: Race) -> String {
    var output =
      "rank,optimizer,spec,reached_step,final_f,x,y,distance,steps,status,"
      + "reached_evaluations,evaluations\n"
    for entry in ranking {
      let distance = board.distance(from: entry.position).map(\.description) ?? ""
      // A plug-in's keywords may hold quotes: doubled, as CSV quotes them.
      let spec: String = specText(of: entry, in: race).replacing("\"", with: "\"\"")
      let fields: [String] = [
        String(entry.rank), entry.label, "\"\(spec)\"",
        entry.reachedStep.map(String.init) ?? "",
        entry.finalValue.description, entry.position.x.description, entry.position.y.description,
        distance, String(entry.stepsTaken), status(of: race.racers[entry.index]),
        entry.reachedEvaluations.map(String.init) ?? "", String(entry.evaluations),
      ]
      output += fields.joined(separator: ",") + "\n"
    }
    return output
  }

  static func table(_ ranking: [LeaderboardEntry], board: Leaderboard, race: Race) -> String {
    // Evaluations are shown only where they differ from steps somewhere (LBFGS).
    let countsEvaluations = ranking.contains { $0.evaluations != $0.stepsTaken }
    var header = ["rank", "optimizer", "spec", "reached at", "final f", "x", "y", "status"]
    if countsEvaluations { header.insert("evaluations", at: 4) }
    var rows = [header]
    for entry in ranking {
      var row = [
        String(entry.rank), entry.label, specText(of: entry, in: race),
        entry.reachedStep.map { "step \($0)" } ?? "-",
        short(entry.finalValue), short(entry.position.x), short(entry.position.y),
        status(of: race.racers[entry.index]),
      ]
      if countsEvaluations {
        row.insert(
          entry.reachedEvaluations.map { "\($0) to reach" } ?? "\(entry.evaluations) in all",
          at: 4)
      }
      rows.append(row)
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, text in
        column == row.count - 1
          ? text : text + String(repeating: " ", count: max(0, widths[column] - text.count))
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }

  /// 6 significant digits for the table (CSV prints numbers in full); a number that is not
  /// finite in words, as on screen ("undefined", "overflows").
  static func short(_ value: Double) -> String {
    value.isFinite ? CNumberText.format("%.6g", value) : NumberFormat.nonFinite(value)
  }
}
