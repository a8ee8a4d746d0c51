import OptimKit

extension Model {
  /// Edits the open input line (see `InputLine.edit`): Enter submits, Esc cancels.
  ///
  /// The line is edited in place, so a key costs the same however long the line is.
  mutating func handleInputKey(_ key: Key, effects: inout [Effect]) {
    guard let line = input else { return }
    switch key {
    case .escape:
      input = nil
      message = Message("cancelled")
    case .enter:
      submit(line, effects: &effects)
    default:
      switch inputEditing {
      case .readline: _ = input?.edit(key)
      case .appendOnly:
        // The line of version-1 logs: type at the end, Backspace or Delete removes the
        // last character, every other key does nothing.
        switch key {
        case .character: _ = input?.edit(key)
        case .backspace, .delete: _ = input?.edit(.backspace)
        default: break
        }
      }
    }
  }

  /// Opens the input line for `purpose`, prefilled with the current expression or start
  /// point, with the entries of this session for Up/Down.
  mutating func openInput(_ purpose: InputLine.Purpose) {
    let current: String
    switch purpose {
    case .expression: current = (function.objective as? Expression)?.source ?? ""
    case .start where function.isOneVariable: current = Model.exactText(race.start.x)
    case .start: current = Model.exactText(race.start.x) + "," + Model.exactText(race.start.y)
    }
    input =
      inputEditing == .readline
      ? InputLine(purpose: purpose, text: current, history: inputHistory[purpose] ?? [])
      : InputLine(purpose: purpose)
  }

  /// Keeps an accepted entry for Up/Down (the newest last, no repeat of the one before it).
  private mutating func remember(_ text: String, for purpose: InputLine.Purpose) {
    var entries = inputHistory[purpose] ?? []
    guard entries.last != text else { return }
    entries.append(text)
    if entries.count > Model.inputHistoryLength { entries.removeFirst() }
    inputHistory[purpose] = entries
  }

  /// A number as it reads back exactly (the shortest such text), without a trailing ".0".
  static func exactText(_ value: Double) -> String {
    let text = "\(value)"
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// How many entries per input line Up/Down go back through.
  static let inputHistoryLength = 100

  /// Acts on a submitted line; a refused one stays open with the reason.
  private mutating func submit(_ line: InputLine, effects: inout [Effect]) {
    switch line.purpose {
    case .expression:
      do {
        let expression = try Expression(parsing: line.text)
        if function.isOneVariable {
          // The racers hold one parameter: y cannot come back without a new race.
          guard !expression.mentionsY else {
            input?.error = "f(x) has one variable: y is not one here"
            return
          }
          function = FunctionChoice(oneVariable: expression, view: view, x: race.start.x)
        } else {
          function = FunctionChoice(expression: expression, view: view, start: race.start)
        }
        race.restart(objective: expression, from: race.start)
        input = nil
        remember(line.text, for: .expression)
        message = Message("f(x,y) = \(expression.source)")
        effects.append(.liveChange(step: 0, description: "expression \(expression.source)"))
      } catch {
        input?.error = "\(error)"
      }
    case .start where function.isOneVariable:
      guard let x = Double(line.text.trimmingSpaces()), x.isFinite else {
        input?.error = "f(x) has one variable: expected one number x, e.g. -10"
        return
      }
      input = nil
      remember(line.text, for: .start)
      restart(at: Point(x: x, y: 0), effects: &effects)
    case .start:
      switch Model.parsePoint(line.text) {
      case .success(let point):
        input = nil
        remember(line.text, for: .start)
        restart(at: point, effects: &effects)
      case .failure(let reason):
        input?.error = reason.text
      }
    }
  }

  /// Restarts every optimizer at `point`, keeping their settings.
  mutating func restart(at point: Point, effects: inout [Effect]) {
    race.restart(from: point)
    // One variable: the start is x alone (y is held at 0).
    let text = function.isOneVariable ? "x = \(Model.format(point.x))" : Model.format(point)
    message = Message("start \(text)")
    effects.append(.liveChange(step: 0, description: "start \(text)"))
  }

  /// Switches `f`/`F` through the built-in functions, taking each one's presets.
  mutating func switchFunction(by offset: Int, effects: inout [Effect]) {
    // One variable: the functions of one variable (the racers hold one parameter).
    let catalog =
      function.isOneVariable ? FunctionChoice.oneVariableCatalog : FunctionChoice.catalog
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
        try? race.edit(.hyperparameter(.learningRate, rate), racer: index)
      }
    }
    presetHyperparameters = race.racers.map(\.optimizer.hyperparameters)
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
