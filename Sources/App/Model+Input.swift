import OptimKit

extension Model {
  /// Edits the open input line: type, Backspace, Enter submits, Esc cancels.
  mutating func handleInputKey(_ key: Key, effects: inout [Effect]) {
    guard var line = input else { return }
    switch key {
    case .escape:
      input = nil
      message = Message("cancelled")
      return
    case .enter:
      submit(line, effects: &effects)
      return
    case .backspace, .delete:
      if !line.text.isEmpty { line.text.removeLast() }
      line.error = nil
    case .character(let character):
      line.text.append(character)
      line.error = nil
    default:
      return
    }
    input = line
  }

  /// Acts on a submitted line; a refused one stays open with the reason.
  private mutating func submit(_ line: InputLine, effects: inout [Effect]) {
    switch line.purpose {
    case .expression:
      do {
        let expression = try Expression(parsing: line.text)
        function = FunctionChoice(expression: expression, view: view, start: race.start)
        race.restart(objective: expression, from: race.start)
        input = nil
        message = Message("f(x,y) = \(expression.source)")
        effects.append(.liveChange(step: 0, description: "expression \(expression.source)"))
      } catch {
        input?.error = "\(error)"
      }
    case .start:
      switch Model.parsePoint(line.text) {
      case .success(let point):
        input = nil
        restart(at: point, effects: &effects)
      case .failure(let reason):
        input?.error = reason.text
      }
    }
  }

  /// Restarts every optimizer at `point`, keeping their settings.
  mutating func restart(at point: Point, effects: inout [Effect]) {
    race.restart(from: point)
    message = Message("start \(Model.format(point))")
    effects.append(.liveChange(step: 0, description: "start \(Model.format(point))"))
  }

  /// Switches `f`/`F` through the built-in functions, taking each one's presets.
  mutating func switchFunction(by offset: Int, effects: inout [Effect]) {
    let catalog = FunctionChoice.catalog
    guard !catalog.isEmpty else {
      message = Message("no built-in functions", isError: true)
      return
    }
    let current = function.catalogIndex ?? (offset > 0 ? -1 : 0)
    let index = ((current + offset) % catalog.count + catalog.count) % catalog.count
    use(catalog[index], effects: &effects)
  }

  /// Races on `choice` from its preset start and view, with its learning rates.
  mutating func use(_ choice: FunctionChoice, effects: inout [Effect]) {
    for (index, racer) in race.racers.enumerated() {
      if let rate = choice.learningRates[racer.optimizer.kind.name] {
        try? race.setHyperparameter(.learningRate, to: rate, racer: index)
      }
    }
    function = choice
    view = choice.view
    homeView = choice.view
    race.restart(objective: choice.objective, from: choice.start)
    message = Message("\(choice.title): \(choice.formula)")
    effects.append(.liveChange(step: 0, description: "function \(choice.name)"))
  }

  /// Why a typed start point was refused.
  struct PointError: Error {
    var text: String
  }

  /// Reads `x,y` (also `x y` or `(x, y)`): two finite numbers.
  static func parsePoint(_ text: String) -> Result<Point, PointError> {
    let cleaned = text.filter { $0 != "(" && $0 != ")" }
    let parts = cleaned.split(whereSeparator: { $0 == "," || $0 == " " })
    guard parts.count == 2 else {
      return .failure(PointError(text: "expected two numbers x,y, e.g. -1.5,2"))
    }
    guard let x = Double(parts[0]), let y = Double(parts[1]) else {
      return .failure(PointError(text: "'\(text)' is not two numbers x,y"))
    }
    guard x.isFinite, y.isFinite else {
      return .failure(PointError(text: "the start point must be finite"))
    }
    return .success(Point(x: x, y: y))
  }
}
