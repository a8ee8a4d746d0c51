import OptimKit
import Plot

extension Picture {
  /// The picture of a race: every racer's trail, position, status and loss
  /// history, with its key hyper-parameters in the legend.
  ///
  /// The one place where a `Race` is turned into what `Plot` draws, shared by
  /// `optiscope render` and the interactive program.
  public init(
    race: Race, title: String, formula: String, function: String, view: ViewBox,
    minima: [Point] = [], minimumValue: Double? = nil, layout: PictureLayout = .overlay,
    heatmapMode: HeatmapMode = .cells, isPaused: Bool = false, selected: Int? = nil,
    hidden: Set<Int> = [], message: String = "", messageIsError: Bool = false
  ) {
    let racers = race.racers.enumerated().map { index, racer in
      // The trail's waypoints are shared, not copied: the map's line, the loss history
      // and, since the history is thinned, each entry's own step (the chart's x axis).
      var drawing = RacerDrawing(
        label: racer.label, styleIndex: index, waypoints: racer.trail,
        status: racer.status, hyperparameterSummary: Self.summary(of: racer),
        step: racer.stepCount, value: racer.value, gradientNorm: racer.gradient.length,
        isVisible: !hidden.contains(index),
        isSelected: selected == index, learningRate: racer.optimizer.learningRate,
        scheduleName: racer.optimizer.schedule?.kind.name)
      drawing.evaluations = racer.evaluationCount
      drawing.averagedTrail = racer.averagedTrail.positions
      if let external = racer.external {
        drawing.learningRate = external.settings?[.learningRate]
        // The plug-in's own words, escaped: they come from Python and may hold anything.
        drawing.failure = external.failure.map(DisplayText.escaped)
        if let failure = drawing.failure { drawing.hyperparameterSummary = failure }
      }
      return drawing
    }
    self.init(
      title: title, formula: formula, function: function, objective: race.objective, view: view,
      heatmapMode: heatmapMode, racers: racers, start: race.start, minima: minima,
      minimumValue: minimumValue, step: race.stepCount, isPaused: isPaused, layout: layout,
      message: message, messageIsError: messageIsError)
  }

  /// A racer's legend summary: the lr it steps with now (after its schedule, which is
  /// named: "lr=0.0707 (cosine)"), then its other settings (`summaryParts`).
  ///
  /// Parts the label already says (a sweep member's "adam lr=0.01") are left out.
  public static func summary(of racer: Racer) -> String {
    if let external = racer.external {
      guard let settings = external.settings, !settings.isEmpty else { return "fixed" }
      return externalSummaryParts(settings).joined(separator: " ")
    }
    var parts = summaryParts(of: racer.spec)
    if let schedule = racer.optimizer.schedule,
      let index = parts.firstIndex(where: { $0.hasPrefix("lr=") })
    {
      let now = NumberFormat.compact(racer.optimizer.learningRate, digits: 3)
      parts[index] = "lr=\(now) (\(schedule.kind.name))"
    }
    if racer.label.contains(" ") {
      let labelWords = racer.label.split(separator: " ")
      parts.removeAll { part in labelWords.contains { $0 == part } }
    } else {
      parts.removeAll { $0 == racer.label }
    }
    return parts.joined(separator: " ")
  }

  /// A plug-in's settings worth showing, as `summaryParts` words them.
  static func externalSummaryParts(_ settings: [Hyperparameter: Double]) -> [String] {
    func number(_ key: Hyperparameter) -> String? {
      settings[key].map { NumberFormat.compact($0, digits: 3) }
    }
    var parts: [String] = []
    if let rate = number(.learningRate) { parts.append("lr=" + rate) }
    if let momentum = number(.momentum), settings[.momentum] != 0 { parts.append("m=" + momentum) }
    if let first = number(.beta1), let second = number(.beta2) {
      parts.append("β=" + first + "," + second)
    }
    if let alpha = number(.alpha) { parts.append("α=" + alpha) }
    if let rho = number(.rho) { parts.append("ρ=" + rho) }
    return parts
  }

  /// The hyper-parameters worth showing in a legend, a word each: lr, then momentum,
  /// the betas, alpha or rho where the optimizer has them ("lr=0.01", "β=0.9,0.999"),
  /// Newton's damping, and a shape other than the default ("shape=matrix").
  static func summaryParts(of spec: OptimizerSpec) -> [String] {
    let settings = spec.hyperparameters
    func number(_ key: Hyperparameter) -> String? {
      guard let value = settings[key] else { return nil }
      return NumberFormat.compact(value, digits: 3)
    }
    var parts: [String] = []
    if let rate = number(.learningRate) { parts.append("lr=" + rate) }
    if let momentum = number(.momentum), settings[.momentum] != 0 {
      parts.append("m=" + momentum)
    }
    if let first = number(.beta1), let second = number(.beta2) {
      parts.append("β=" + first + "," + second)
    }
    if let alpha = number(.alpha) { parts.append("α=" + alpha) }
    if let rho = number(.rho) { parts.append("ρ=" + rho) }
    if let damping = number(.damping) { parts.append("λ=" + damping) }
    if settings[.nesterov].map({ $0 != 0 }) == true, spec.kind == .sgd { parts.append("nesterov") }
    // How (x, y) is held, when not torch's default for the optimizer (`ParameterShape`).
    if spec.shape != spec.kind.defaultShape, spec.shape != .single {
      parts.append("shape=\(spec.shape)")
    }
    return parts
  }
}
