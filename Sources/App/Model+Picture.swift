import OptimKit
import Plot

extension Model {
  /// The themes `t` cycles through. Only the built-in one exists so far;
  /// theme files (issue 6) will extend this list.
  public static let themes: [Theme] = [.standard]

  /// The theme in use.
  public var theme: Theme { Model.themes[themeIndex % Model.themes.count] }

  /// The frame's description for Plot: the race, the view and the notes.
  public var picture: Picture {
    var drawings: [RacerDrawing] = []
    for (index, racer) in race.racers.enumerated() {
      var trail = racer.trail.positions
      if racer.status == .diverged, !racer.current.position.isFinite {
        trail.append(racer.current.position)
      }
      drawings.append(
        RacerDrawing(
          label: racer.label, styleIndex: index, trail: trail, status: racer.status,
          hyperparameterSummary: Model.summary(of: racer.optimizer.hyperparameters),
          step: racer.stepCount, value: racer.value, gradientNorm: racer.gradient.length,
          lossHistory: racer.trail.map(\.value), isVisible: isVisible(index),
          isSelected: selection == .racer(index)))
    }
    return Picture(
      title: function.title, formula: function.formula, function: function.name,
      objective: function.objective, view: view, heatmap: heatmapCache.heatmap,
      racers: drawings, start: race.start, minima: function.minima,
      minimumValue: function.minimumValue, step: race.stepCount, isPaused: isPaused,
      layout: layout, message: message?.text ?? "", messageIsError: message?.isError ?? false,
      keyHint: keyHint, usesASCII: usesASCII)
  }

  /// The status line's hint: who the keys act on, and where help is.
  var keyHint: String {
    switch selection {
    case .all: return "keys: all · ? help"
    case .racer(let index):
      let label = index < race.racers.count ? race.racers[index].label : "?"
      return "keys: \(label) · ? help"
    }
  }

  /// Where everything is on the current screen.
  public var plan: ScreenPlan { picture.plan(width: width, height: height) }

  /// Recomputes the cached heatmap if the function, view, size or theme changed.
  mutating func refreshHeatmap() {
    var picture = self.picture
    heatmapCache.prepare(&picture, width: width, height: height, theme: theme)
  }

  /// A click on any map restarts the race from the point under the mouse.
  mutating func handleClick(column: Int, row: Int, effects: inout [Effect]) {
    guard input == nil else { return }
    if isHelpShown {
      isHelpShown = false
      return
    }
    for map in plan.maps {
      let projection = MapProjection(view: view, region: map)
      if let point = projection.point(column: column, row: row) {
        restart(at: point, effects: &effects)
        return
      }
    }
  }

  /// The settings that matter for each optimizer, as the legend shows them.
  static func summary(of settings: Hyperparameters) -> String {
    func number(_ key: Hyperparameter) -> String? {
      settings[key].map { NumberFormat.compact($0, digits: 3) }
    }
    var parts = ["lr=" + (number(.learningRate) ?? "?")]
    switch settings.kind {
    case .sgd, .momentum, .nesterov:
      if let momentum = settings[.momentum], momentum != 0 || settings.kind != .sgd {
        parts.append("μ=" + NumberFormat.compact(momentum, digits: 3))
      }
    case .rmsprop:
      parts.append("α=" + (number(.alpha) ?? "?"))
      if let momentum = settings[.momentum], momentum != 0 {
        parts.append("μ=" + NumberFormat.compact(momentum, digits: 3))
      }
    case .adadelta:
      parts.append("ρ=" + (number(.rho) ?? "?"))
    case .adagrad:
      break
    case .adam, .adamw, .nadam, .radam, .adamax:
      parts.append("β=(\(number(.beta1) ?? "?"), \(number(.beta2) ?? "?"))")
    }
    return parts.joined(separator: " ")
  }
}
