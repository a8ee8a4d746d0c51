import OptimKit
import Plot

/// A scene written down as `key = value` lines: what `--scene FILE` loads, `S` saves,
/// and every recording's header carries.
///
/// One format serves scene files and log headers, so a recording's header can
/// be loaded as a scene (`optiscope --scene run.log`) and a scene file says
/// exactly what a recording of it would. Blank lines and lines starting with
/// `#` are ignored; `optimizer` may repeat (one line per racer, in race
/// order); every other key appears at most once. Values are checked while
/// parsing, so a refusal names the file and the line.
public struct SceneFile: Hashable, Sendable {
  /// The race: function or expression, view, start, optimizers, layout, pace, noise.
  public var options: SceneOptions
  /// The screen a headless picture or recording is drawn on (`render`, `record`).
  public var size: ScreenSize?
  /// How many optimizer steps the experiment runs (`render --steps`, `record --frames`).
  public var steps: Int?
  /// The theme's name.
  public var theme: String?
  /// Whether the picture is drawn with ASCII only.
  public var usesASCII: Bool?
  /// The plug-in optimizers' SPECs (`plugin = my_adam.py:My_Adam:lr=0.1`), which race after
  /// the built-in ones; kept as written, since only the executable can start them.
  public var plugins: [String] = []

  /// The keys a scene file knows, in the order they are written.
  public static let keys = [
    "function", "expression", "view", "start", "optimizer", "sweep", "label", "steps-per-frame",
    "fps", "layout", "noise", "seed", "leaderboard", "inspect", "basins", "select", "steps",
    "size", "theme", "ascii", "plugin", "dataset", "data", "model", "loss", "params", "batch",
    "train-all", "example",
  ]
  /// The keys that may repeat: one line per racer, sweep or label, in race order.
  static let repeatableKeys: Set<String> = ["optimizer", "sweep", "label", "plugin", "example"]

  /// The most steps a scene may ask for (as `render --steps`).
  public static let maximumSteps = 100_000

  public init(
    options: SceneOptions = SceneOptions(), size: ScreenSize? = nil, steps: Int? = nil,
    theme: String? = nil, usesASCII: Bool? = nil
  ) {
    self.options = options
    self.size = size
    self.steps = steps
    self.theme = theme
    self.usesASCII = usesASCII
  }

  /// The file for a checked scene: every setting written out, so it reproduces the race exactly.
  ///
  /// Numbers are written in full (Swift's shortest round-tripping form), and
  /// every optimizer with the settings it was given, so parsing the text back
  /// builds the same `Scene`.
  public init(
    scene: Scene, size: ScreenSize? = nil, steps: Int? = nil, theme: String? = nil,
    usesASCII: Bool? = nil
  ) {
    let isBuiltIn = scene.function.isBuiltIn
    let view = scene.view
    // One variable: a start X and a view X0, X1, which is how the file says so.
    let isLine = scene.function.isOneVariable
    options = SceneOptions(
      function: isBuiltIn ? scene.function.name : nil,
      expression: isBuiltIn ? nil : scene.function.name,
      start: isLine ? "\(scene.start.x)" : "\(scene.start.x), \(scene.start.y)",
      optimizers: scene.specs.map(\.description),
      view: isLine
        ? "\(view.xMin), \(view.xMax)" : "\(view.xMin), \(view.xMax), \(view.yMin), \(view.yMax)",
      layout: scene.layout.rawValue, framesPerSecond: scene.framesPerSecond,
      stepsPerFrame: scene.stepsPerFrame, noise: "\(scene.noise.standardDeviation)",
      seed: "\(scene.noise.seed)", showsLeaderboard: scene.showsLeaderboard,
      showsInspector: scene.showsInspector, showsBasins: scene.showsBasins)
    if let labels = scene.labels, labels != scene.specs.map(\.kind.name) {
      options.labels = labels
    }
    if case .racer(let index) = scene.selection { options.select = String(index + 1) }
    if let data = scene.function.data {
      options.expression = nil
      options.data = data
    }
    self.size = size
    self.steps = steps
    self.theme = theme
    self.usesASCII = usesASCII
  }

  /// Parses a scene file; `name` (the path) opens every refusal, with the line number.
  ///
  /// A recording (first line `optiscope-log …`) is read up to its first event,
  /// so a log's header loads as a scene.
  public init(parsing text: String, name: String) throws(SceneOptions.Problem) {
    var lines = LogText.lines(of: text)
    var firstLine = 1
    let isLog = lines.first.map { $0.hasPrefix(RecordingLog.magic) } ?? false
    if isLog {
      lines.removeFirst()
      firstLine = 2
      if let end = lines.firstIndex(where: LogText.isEventLine) {
        lines.removeSubrange(end...)
      }
    }
    try self.init(lines: lines[...], firstLine: firstLine, name: name)
  }

  /// Parses header lines (no event lines among them); `firstLine` numbers the first one.
  init(lines: ArraySlice<String>, firstLine: Int, name: String) throws(SceneOptions.Problem) {
    self.init()
    var seen: Set<String> = []
    var examples: [String] = []
    for (offset, line) in lines.enumerated() {
      let where_ = "\(name) line \(firstLine + offset)"
      let trimmed = SceneOptions.trimmed(Substring(line))
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let equals = trimmed.firstIndex(of: "=") else {
        throw SceneOptions.Problem(
          description: "\(where_): expected KEY = VALUE, got '\(Self.shortened(trimmed))'")
      }
      let key = SceneOptions.trimmed(trimmed[..<equals]).lowercased()
      let value = SceneOptions.trimmed(trimmed[trimmed.index(after: equals)...])
      guard Self.keys.contains(key) else {
        throw SceneOptions.Problem(
          description:
            "\(where_): unknown key '\(Self.shortened(key))'; known: "
            + Self.keys.joined(separator: ", "))
      }
      guard Self.repeatableKeys.contains(key) || seen.insert(key).inserted else {
        throw SceneOptions.Problem(description: "\(where_): \(key) is given twice")
      }
      if key == "example" {
        examples.append(value)
        continue
      }
      do {
        try set(key, to: value)
      } catch {
        throw SceneOptions.Problem(description: "\(where_): \(error.description)")
      }
    }
    if options.function != nil, options.expression != nil {
      throw SceneOptions.Problem(
        description: "\(name): give either function or expression, not both")
    }
    if !examples.isEmpty {
      guard var data = options.data, data.isFile else {
        throw SceneOptions.Problem(description: "\(name): example lines need data = NAME")
      }
      do {
        data.dataSet = try DataSet(
          parsing: examples.joined(separator: "\n"), name: data.source)
      } catch {
        throw SceneOptions.Problem(description: "\(name): \(error.description)")
      }
      options.data = data
    }
  }

  /// Checks `value` with `parse`, reporting a failure as "bad WHAT 'VALUE': why".
  private static func check<Failure: Error>(
    _ value: String, as what: String, _ parse: (String) throws(Failure) -> Void
  ) throws(SceneOptions.Problem) {
    do throws(Failure) {
      try parse(value)
    } catch {
      throw SceneOptions.Problem(description: "bad \(what) '\(value)': \(error)")
    }
  }

  /// Checks `value` for `key` and stores it.
  private mutating func set(_ key: String, to value: String) throws(SceneOptions.Problem) {
    switch key {
    case "function":
      guard TestFunction.named(value) != nil || TestFunction.namedOneVariable(value) != nil else {
        throw SceneOptions.Problem(
          description: "unknown function '\(value)'; known: \(SceneOptions.knownFunctions)")
      }
      options.function = value
    case "expression":
      try Self.check(value, as: "expression") { _ = try Expression(parsing: $0) }
      options.expression = value
    case "view":
      // X0,X1 for a function of one variable; which one the function decides (`scene()`).
      let isLine = SceneOptions.numberCount(value) == 2
      _ = try SceneOptions.parseView(value, oneVariable: isLine, option: "view")
      options.view = value
    case "start":
      let isX = SceneOptions.numberCount(value) == 1
      _ = try SceneOptions.parseStart(value, oneVariable: isX, option: "start")
      options.start = value
    case "optimizer":
      do {
        _ = try OptimizerSpec(parsing: value)
      } catch {
        if SceneOptions.looksLikePlugin(value) {
          throw SceneOptions.Problem(
            description: "'\(value)' is a plug-in optimizer: write it as `plugin = \(value)`")
        }
        throw SceneOptions.Problem(description: "bad optimizer '\(value)': \(error)")
      }
      options.optimizers.append(value)
    case "sweep":
      do {
        _ = try OptimizerSweep(parsing: value).members()
      } catch {
        throw SceneOptions.Problem(description: "bad sweep '\(value)': \(error.reason)")
      }
      options.sweeps.append(value)
    case "label":
      guard !value.isEmpty else { throw SceneOptions.Problem(description: "label needs a name") }
      options.labels.append(value)
    case "leaderboard":
      options.showsLeaderboard = try Self.switchValue(value, key: key)
    case "inspect":
      options.showsInspector = try Self.switchValue(value, key: key)
    case "basins":
      options.showsBasins = try Self.switchValue(value, key: key)
    case "select":
      options.select = value
    case "steps-per-frame":
      options.stepsPerFrame = try Self.whole(
        value, key: key, in: 1...Model.maximumStepsPerFrame)
    case "fps":
      options.framesPerSecond = try Self.whole(value, key: key, in: 1...120)
    case "layout":
      guard PictureLayout(rawValue: value.lowercased()) != nil else {
        throw SceneOptions.Problem(description: "bad layout '\(value)': expected overlay or split")
      }
      options.layout = value.lowercased()
    case "noise":
      _ = try SceneOptions(noise: value).gradientNoise()
      options.noise = value
    case "seed":
      _ = try SceneOptions(seed: value).gradientNoise()
      options.seed = value
    case "steps":
      steps = try Self.whole(value, key: key, in: 0...Self.maximumSteps)
    case "size":
      size = try ScreenSize(parsing: value, option: "size")
    case "theme":
      guard !value.isEmpty else {
        throw SceneOptions.Problem(description: "theme needs a name")
      }
      theme = value
    case "ascii":
      usesASCII = try Self.switchValue(value, key: key)
    case "dataset", "data":
      guard !value.isEmpty else { throw SceneOptions.Problem(description: "\(key) needs a name") }
      if options.data != nil {
        throw SceneOptions.Problem(description: "give either dataset or data, not both")
      }
      if key == "dataset", DataSet.builtIn(named: value) == nil {
        let known = DataSet.builtIns.map(\.name).joined(separator: ", ")
        throw SceneOptions.Problem(description: "unknown dataset '\(value)'; known: \(known)")
      }
      options.data = DataOptions(source: value, isFile: key == "data")
    case "model", "loss", "params", "batch", "train-all":
      guard var data = options.data else {
        throw SceneOptions.Problem(description: "\(key) needs a dataset or data line before it")
      }
      switch key {
      case "model": data.model = value
      case "loss": data.loss = value
      case "params": data.params = value
      case "batch": data.batch = value
      default: data.trainsAll = try Self.switchValue(value, key: key)
      }
      options.data = data
    case "plugin":
      guard !value.isEmpty else {
        throw SceneOptions.Problem(description: "plugin needs a SPEC (SOURCE:OBJECT)")
      }
      plugins.append(value)
      options.pluginSpecs.append(value)
    default:
      throw SceneOptions.Problem(description: "unknown key '\(key)'")
    }
  }

  /// `true` or `false` (also `yes`/`no`, `1`/`0`).
  private static func switchValue(_ text: String, key: String) throws(SceneOptions.Problem) -> Bool
  {
    switch text.lowercased() {
    case "true", "yes", "1": return true
    case "false", "no", "0": return false
    default:
      throw SceneOptions.Problem(description: "bad \(key) '\(text)': expected true or false")
    }
  }

  /// A whole number within `range`.
  private static func whole(_ text: String, key: String, in range: ClosedRange<Int>)
    throws(SceneOptions.Problem) -> Int
  {
    guard let number = Int(text), range.contains(number) else {
      throw SceneOptions.Problem(
        description:
          "bad \(key) '\(text)': expected a whole number from \(range.lowerBound) to \(range.upperBound)"
      )
    }
    return number
  }

  /// At most 40 characters of `text`, for refusals that quote it.
  private static func shortened(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(40)) + "…"
  }

  /// The file's text: one `key = value` line per setting, in `keys` order.
  public var text: String {
    var lines: [String] = []
    func add(_ key: String, _ value: String?) {
      if let value { lines.append("\(key) = \(LogText.oneLine(value))") }
    }
    add("function", options.function)
    add("expression", options.expression)
    add("view", options.view)
    add("start", options.start)
    for optimizer in options.optimizers { add("optimizer", optimizer) }
    for sweep in options.sweeps { add("sweep", sweep) }
    for label in options.labels { add("label", label) }
    add("steps-per-frame", options.stepsPerFrame.map(String.init))
    add("fps", String(options.framesPerSecond))
    add("layout", options.layout)
    add("noise", options.noise)
    add("seed", options.seed)
    add("leaderboard", options.showsLeaderboard ? "true" : nil)
    add("inspect", options.showsInspector ? "true" : nil)
    add("basins", options.showsBasins ? "true" : nil)
    add("select", options.select)
    add("steps", steps.map(String.init))
    add("size", size?.description)
    add("theme", theme)
    add("ascii", usesASCII.map { $0 ? "true" : "false" })
    for plugin in plugins { add("plugin", plugin) }
    if let data = options.data {
      add(data.isFile ? "data" : "dataset", data.source)
      add("model", data.model)
      add("loss", data.loss)
      add("params", data.params)
      add("batch", data.batch)
      add("train-all", data.trainsAll ? "true" : nil)
      // A file's examples go in too, so a recording replays (and a scene loads) without it.
      if data.isFile, let set = data.dataSet {
        for (features, label) in zip(set.features, set.labels) {
          add("example", (features + [label]).map(\.description).joined(separator: ", "))
        }
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// The themes `t` cycles through with the file's theme current (nil when the file names
  /// none), as `themes` finds them, or a refusal naming a theme it does not have or
  /// cannot load.
  ///
  /// Theme names are not checked while parsing, since the themes known depend
  /// on where the program runs, not on the file: the runtime's catalog says.
  public func themeSelection(in themes: ThemeLookup) throws(SceneOptions.Problem) -> (
    choices: [ThemeChoice], index: Int
  )? {
    guard let theme else { return nil }
    do {
      return try themes(theme)
    } catch {
      throw SceneOptions.Problem(description: "theme '\(theme)': \(error)")
    }
  }

  /// Refuses a theme `themes` does not have or cannot load.
  public func checkTheme(in themes: ThemeLookup) throws(SceneOptions.Problem) {
    _ = try themeSelection(in: themes)
  }
}
