import OptimKit
import Plot

/// A scene as typed on the command line, before it is checked: the options
/// shared by `optiscope` (run), `render` and `record`.
///
/// One place turns text into a `Scene`, so the live program, the headless
/// picture and a recording of the same options always show the same race.
public struct SceneOptions: Sendable, Hashable {
  public var function: String?
  public var expression: String?
  public var start: String?
  public var optimizers: [String]
  public var view: String?
  /// `overlay` or `split`; nil for the default: split for a sweep, overlay otherwise.
  public var layout: String?
  public var framesPerSecond: Int
  public var stepsPerFrame: Int?
  /// `--sweep` texts (`adam:lr=1e-3..1,count=9`): each adds one optimizer per value.
  public var sweeps: [String]
  /// `--noise SIGMA` and `--seed N` as typed: gradient noise, the same for every optimizer.
  public var noise: String?
  public var seed: String?
  /// `--leaderboard`, `--inspect`, `--basins`: panels and overlays shown from the start.
  public var showsLeaderboard: Bool
  public var showsInspector: Bool
  public var showsBasins: Bool
  /// `--select NAME|N`: the optimizer the keys, the inspector and the basins start on.
  public var select: String?
  /// The racers' labels, one per optimizer and sweep member, as a scene file writes them
  /// down; empty to derive them (the optimizer's name, a sweep member's `adam lr=0.001`).
  public var labels: [String] = []
  /// The neuron lab's data, model and loss (`--data`/`--dataset` …): the function raced on
  /// is then the model's loss, in place of `function` and `expression`.
  public var data: DataOptions?
  /// The SPECs of the plug-in racers that join after the built-in ones (`plugin = SPEC`,
  /// `--optimizer FILE.py:OBJECT`), so `--select` can name one as the legend labels it.
  public var pluginSpecs: [String] = []

  public init(
    function: String? = nil, expression: String? = nil, start: String? = nil,
    optimizers: [String] = [], view: String? = nil, layout: String? = nil,
    framesPerSecond: Int = 20, stepsPerFrame: Int? = nil, sweeps: [String] = [],
    noise: String? = nil, seed: String? = nil, showsLeaderboard: Bool = false,
    showsInspector: Bool = false, showsBasins: Bool = false, select: String? = nil
  ) {
    self.function = function
    self.expression = expression
    self.start = start
    self.optimizers = optimizers
    self.view = view
    self.layout = layout
    self.framesPerSecond = framesPerSecond
    self.stepsPerFrame = stepsPerFrame
    self.sweeps = sweeps
    self.noise = noise
    self.seed = seed
    self.showsLeaderboard = showsLeaderboard
    self.showsInspector = showsInspector
    self.showsBasins = showsBasins
    self.select = select
  }

  /// Why an option was refused, in one line that names the option.
  public struct Problem: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(description: String) {
      self.description = description
    }
  }

  /// The optimizers raced when none are given, on any function, each at the
  /// function's own learning rate (`FunctionChoice.standardField`): the one
  /// default field of every command and of the `f`/`F` keys.
  public static let standardKinds = [
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "nadam",
  ]
  /// The view of a typed expression when --view is not given.
  public static let expressionView = ViewBox(xMin: -3, xMax: 3, yMin: -3, yMax: 3)
  /// Whether nothing about the race was chosen, so the showcase scene applies.
  public var isDefault: Bool {
    function == nil && expression == nil && data == nil && optimizers.isEmpty && sweeps.isEmpty
  }

  /// The checked scene, or a `Problem` naming the first bad option.
  public func scene() throws(Problem) -> Scene {
    var choice = try functionChoice()
    let isOneVariable = choice.isOneVariable
    if let view { choice.view = try Self.parseView(view, oneVariable: isOneVariable) }
    var startPoint = choice.start
    if let start { startPoint = try Self.parseStart(start, oneVariable: isOneVariable) }
    var specs: [OptimizerSpec] = []
    var labels: [String] = []
    if !optimizers.isEmpty || !sweeps.isEmpty {
      (specs, labels) = try Self.racers(optimizers: optimizers, sweeps: sweeps)
    } else {
      specs = choice.standardField
      labels = specs.map(\.kind.name)
    }
    if choice.isOneVariable {
      for index in specs.indices {
        do {
          try specs[index].holdAsOneVariable()
        } catch {
          throw Problem(description: "bad --optimizer '\(specs[index])': \(error)")
        }
      }
    }
    if !self.labels.isEmpty {
      guard self.labels.count == specs.count else {
        throw Problem(
          description: "\(self.labels.count) labels for \(specs.count) optimizers: give one each")
      }
      labels = self.labels
    }
    let layoutName = layout ?? (sweeps.isEmpty ? "overlay" : "split")
    guard let pictureLayout = PictureLayout(rawValue: layoutName.lowercased()) else {
      throw Problem(description: "bad --layout '\(layoutName)': expected overlay or split")
    }
    guard (1...120).contains(framesPerSecond) else {
      throw Problem(description: "bad --fps \(framesPerSecond): expected 1 to 120")
    }
    if let stepsPerFrame, !(1...Model.maximumStepsPerFrame).contains(stepsPerFrame) {
      throw Problem(
        description:
          "bad --steps-per-frame \(stepsPerFrame): expected 1 to \(Model.maximumStepsPerFrame)")
    }
    let trial = Race(objective: choice.objective, start: startPoint, specs: specs, labels: labels)
    do {
      try trial.checkTrainsAll()
    } catch {
      throw Problem(description: error.description)
    }
    let selection = try selection(
      labels: Self.joined(trial.racers.map(\.label), plugins: pluginSpecs))
    return Scene(
      function: choice, start: startPoint, specs: specs, view: choice.view, layout: pictureLayout,
      framesPerSecond: framesPerSecond, stepsPerFrame: stepsPerFrame ?? (isDefault ? 4 : 1),
      labels: labels, noise: try gradientNoise(), showsLeaderboard: showsLeaderboard,
      showsInspector: showsInspector, showsBasins: showsBasins, selection: selection)
  }

  /// The racers of `--optimizer` SPECs, then every `--sweep`'s members, with their labels
  /// (the optimizer's name, or a sweep member's `adam lr=0.001`).
  /// Whether an --optimizer text names a Python plug-in (`FILE.py:OBJECT`, `MODULE:OBJECT`),
  /// as the Plugins module reads SPECs, for a refusal that says where plug-ins run.
  static func looksLikePlugin(_ text: String) -> Bool {
    let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard let first = parts.first else { return false }
    return first.hasSuffix(".py")
      || (parts.count >= 2 && !parts[1].isEmpty && !parts[1].contains("="))
  }

  public static func racers(optimizers: [String], sweeps: [String]) throws(Problem) -> (
    specs: [OptimizerSpec], labels: [String]
  ) {
    var specs: [OptimizerSpec] = []
    var labels: [String] = []
    for text in optimizers {
      do {
        let spec = try OptimizerSpec(parsing: text)
        specs.append(spec)
        labels.append(spec.kind.name)
      } catch {
        if looksLikePlugin(text) {
          throw Problem(
            description:
              "'\(text)' is a plug-in optimizer: plug-ins race beside a built-in optimizer, named with --optimizer (live, render, record, trace, compare, check) or `plugin = SPEC` in a scene file"
          )
        }
        throw Problem(description: "bad --optimizer '\(text)': \(error)")
      }
    }
    for text in sweeps {
      do {
        for member in try OptimizerSweep(parsing: text).members() {
          specs.append(member.spec)
          labels.append(member.label)
        }
      } catch {
        throw Problem(description: "bad --sweep '\(text)': \(error.reason)")
      }
    }
    return (specs, labels)
  }

  /// The noise from --noise and --seed (none when neither is given).
  public func gradientNoise() throws(Problem) -> GradientNoise {
    var result = GradientNoise.none
    if let seed {
      guard let value = UInt64(Self.trimmed(Substring(seed))) else {
        throw Problem(
          description: "bad --seed '\(seed)': expected a whole number from 0 to \(UInt64.max)")
      }
      result.seed = value
    }
    if let noise {
      guard let sigma = Double(Self.trimmed(Substring(noise))), sigma.isFinite, sigma >= 0 else {
        throw Problem(
          description: "bad --noise '\(noise)': expected a finite number >= 0, e.g. 0.1")
      }
      result.setStandardDeviation(sigma)
    }
    return result
  }

  /// `labels` followed by the plug-in racers' labels as the race gives them when they join
  /// (`Race.appendExternal`): the SPEC's object, with `#2`, `#3` … when taken.
  static func joined(_ labels: [String], plugins: [String]) -> [String] {
    var all = labels
    for spec in plugins {
      let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      let name = parts.count > 1 ? String(parts[1]) : spec
      var label = name
      var count = 1
      while all.contains(label) {
        count += 1
        label = "\(name)#\(count)"
      }
      all.append(label)
    }
    return all
  }

  /// The racer --select names, by its label (`adam`, `adam#2`, `adam lr=0.01`) or its
  /// number from 1; all when not given.
  func selection(labels: [String]) throws(Problem) -> Selection {
    guard let select else { return .all }
    let wanted = Self.trimmed(Substring(select))
    if wanted.lowercased() == "all" { return .all }
    if let number = Int(wanted) {
      guard number >= 1, number <= labels.count else {
        throw Problem(
          description:
            "bad --select \(number): there are \(labels.count) optimizers (1 to \(labels.count))")
      }
      return .racer(number - 1)
    }
    guard let index = labels.firstIndex(where: { $0.lowercased() == wanted.lowercased() }) else {
      throw Problem(
        description:
          "bad --select '\(select)': no optimizer of that name; have \(labels.joined(separator: ", "))"
      )
    }
    return .racer(index)
  }

  /// The function from --function or --expr (Rosenbrock when neither is given).
  public func functionChoice() throws(Problem) -> FunctionChoice {
    if let data {
      guard function == nil, expression == nil else {
        throw Problem(description: "give --data or --dataset, or --function or --expr, not both")
      }
      var choice = try data.functionChoice()
      if let view { choice.view = try Self.parseView(view) }
      return choice
    }
    switch (function, expression) {
    case (.some, .some):
      throw Problem(description: "give either --function or --expr, not both")
    case (.some(let name), nil):
      if let found = TestFunction.named(name) { return FunctionChoice(found) }
      guard let found = TestFunction.namedOneVariable(name) else {
        throw Problem(description: "unknown function '\(name)'; known: \(Self.knownFunctions)")
      }
      return FunctionChoice(oneVariable: found)
    case (nil, .some(let source)):
      let parsed: Expression
      do {
        parsed = try Expression(parsing: source)
      } catch {
        throw Problem(description: "bad --expr '\(source)': \(error)")
      }
      if !parsed.mentionsY, !asksForPlane {
        let line =
          try view.map { text throws(Problem) in try Self.parseLine(text) }
          ?? Self.expressionView
        return FunctionChoice(oneVariable: parsed, view: line, x: line.xMin + 0.2 * line.width)
      }
      let view =
        try view.map { text throws(Problem) in try Self.parseView(text) }
        ?? Self.expressionView
      return FunctionChoice(
        expression: parsed, view: view,
        start: Point(x: view.xMin + 0.2 * view.width, y: view.yMin + 0.8 * view.height))
    case (nil, nil):
      guard let rosenbrock = TestFunction.named("rosenbrock") else {
        throw Problem(description: "the built-in Rosenbrock function is missing")
      }
      return FunctionChoice(rosenbrock)
    }
  }

  /// Every built-in function's name, the 2-D ones first, for a refusal.
  public static var knownFunctions: String {
    (TestFunction.catalogNames + TestFunction.oneVariableNames).joined(separator: ", ")
  }

  /// Whether an expression in x alone is still to be drawn as a map of (x, y): a start of
  /// two numbers or a view of four asks for the plane (as such scenes did before the
  /// one-variable mode), anything else races it as f(x).
  var asksForPlane: Bool {
    Self.numberCount(start) == 2 || Self.numberCount(view) == 4
  }

  /// How many comma-separated fields `text` has; 0 for none.
  static func numberCount(_ text: String?) -> Int {
    text.map { $0.split(separator: ",", omittingEmptySubsequences: false).count } ?? 0
  }

  /// Parses a start as written for the function: one number X when it has `oneVariable`
  /// (`parseX`), X,Y otherwise (`parsePoint`).
  public static func parseStart(_ text: String, oneVariable: Bool, option: String = "--start")
    throws(Problem) -> Point
  {
    try oneVariable ? parseX(text, option: option) : parsePoint(text, option: option)
  }

  /// Parses a view as written for the function: X0,X1 when it has `oneVariable`
  /// (`parseLine`), X0,X1,Y0,Y1 otherwise (`parseView(_:option:)`).
  public static func parseView(_ text: String, oneVariable: Bool, option: String = "--view")
    throws(Problem) -> ViewBox
  {
    try oneVariable ? parseLine(text, option: option) : parseView(text, option: option)
  }

  /// Parses `X0,X1` into the x range of a one-variable view (y's range the placeholder).
  public static func parseLine(_ text: String, option: String = "--view") throws(Problem)
    -> ViewBox
  {
    let numbers = text.split(separator: ",", omittingEmptySubsequences: false)
      .map { Double(Self.trimmed($0)) }
    guard numbers.count == 2, let x0 = numbers[0], let x1 = numbers[1] else {
      throw Problem(
        description:
          "bad \(option) '\(text)': f(x) has one variable: expected X0,X1, e.g. -2,2")
    }
    let view = ViewBox(xMin: x0, xMax: x1, yMin: -1, yMax: 1)
    guard view.isValid else {
      throw Problem(description: "bad \(option) '\(text)': need finite numbers with X0 < X1")
    }
    return view
  }

  /// Parses one number `X` into the start of a one-variable race, (X, 0).
  public static func parseX(_ text: String, option: String = "--start") throws(Problem) -> Point {
    guard let x = Double(Self.trimmed(Substring(text))), x.isFinite else {
      throw Problem(
        description:
          "bad \(option) '\(text)': f(x) has one variable: expected one number X, e.g. -10")
    }
    return Point(x: x, y: 0)
  }

  /// Parses `X0,X1,Y0,Y1` into a valid view; `option` names it in the refusal.
  public static func parseView(_ text: String, option: String = "--view") throws(Problem)
    -> ViewBox
  {
    let numbers = text.split(separator: ",", omittingEmptySubsequences: false)
      .map { Double(Self.trimmed($0)) }
    guard numbers.count == 4, let x0 = numbers[0], let x1 = numbers[1], let y0 = numbers[2],
      let y1 = numbers[3]
    else {
      throw Problem(description: "bad \(option) '\(text)': expected X0,X1,Y0,Y1, e.g. -2,2,-1,3")
    }
    let view = ViewBox(xMin: x0, xMax: x1, yMin: y0, yMax: y1)
    guard view.isValid else {
      throw Problem(
        description: "bad \(option) '\(text)': need finite numbers with X0 < X1 and Y0 < Y1")
    }
    return view
  }

  /// Parses `X,Y` (parentheses allowed) into a finite point.
  public static func parsePoint(_ text: String, option: String = "--start") throws(Problem)
    -> Point
  {
    var body = Self.trimmed(Substring(text))
    if body.hasPrefix("(") && body.hasSuffix(")") { body = String(body.dropFirst().dropLast()) }
    let numbers = body.split(separator: ",", omittingEmptySubsequences: false)
      .map { Double(Self.trimmed($0)) }
    guard numbers.count == 2, let x = numbers[0], let y = numbers[1], x.isFinite, y.isFinite else {
      throw Problem(description: "bad \(option) '\(text)': expected X,Y, e.g. -1.5,2")
    }
    return Point(x: x, y: y)
  }

  /// Parses `WxH` into a screen size of at least 1×1 and at most `ScreenSize.maximumSide`
  /// each way.
  public static func parseSize(_ text: String, option: String = "--size") throws(Problem) -> (
    width: Int, height: Int
  ) {
    let parts = Self.trimmed(Substring(text)).lowercased().split(
      separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
      throw Problem(description: "bad \(option) '\(text)': expected WxH, e.g. 120x40")
    }
    let sides = 1...ScreenSize.maximumSide
    guard sides.contains(width), sides.contains(height) else {
      throw Problem(
        description:
          "bad \(option) '\(text)': width and height must be 1 to \(ScreenSize.maximumSide)")
    }
    return (width, height)
  }

  /// `text` without leading and trailing spaces and tabs.
  static func trimmed(_ text: Substring) -> String {
    text.trimmingSpaces()
  }
}
