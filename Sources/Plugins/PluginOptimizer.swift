import OptimKit

/// One Python optimizer served by a helper process: created from a SPEC, stepped over the protocol.
///
/// `step(from:on:)` is the blocking form for headless commands (`check`,
/// `trace`): it sends the step and answers the helper's `evaluate` requests
/// from `objective` until the point arrives. `request(from:)` and
/// `poll(on:)` are the same exchange split in two for the live program, which
/// must never wait on Python: it asks, draws, and takes the answer when it has
/// come.
public final class PluginOptimizer: @unchecked Sendable {
  /// How the plug-in was detected.
  public enum Shape: String, Sendable {
    /// A torch.optim.Optimizer subclass.
    case torch
    /// A function returning the points it visited.
    case history
    /// A cs231n-style `update(w, dw, config) -> (next_w, config)`.
    case update
  }

  /// The SPEC it was made from.
  public let spec: PluginSpec
  /// What kind of object it is.
  public private(set) var shape: Shape = .torch
  /// The editable settings (torch's `param_groups[0]`, the cs231n config), nil when fixed.
  public private(set) var hyperparameters: [String: [Double]]?
  /// Everything the plug-in printed so far.
  public private(set) var printed = ""
  /// The last lines it printed (at most `recentLineCount`), the unfinished one last.
  public private(set) var recentLines: [String] = []
  /// How many of the last printed lines `recentLines` keeps.
  public static let recentLineCount = 4
  /// Whether the last line of `recentLines` has not ended yet.
  private var lastLineIsOpen = false
  /// The helper's Python, numpy and torch versions from its hello.
  public private(set) var versions: [String: String] = [:]
  /// Seconds a step may take before the helper is ended.
  public var stepTimeout: Double
  /// Seconds the helper may take to start, import the plug-in and build it.
  public var startTimeout: Double = PluginOptimizer.startTimeout
  private let channel: PluginChannel
  /// Whether a step was requested and its point has not arrived.
  public private(set) var isWaiting = false
  /// The `evaluate` requests answered since the pending step was asked for.
  private var evaluationsAnswered = 0
  /// When the pending step last showed progress (monotonic seconds): asked for, or an
  /// `evaluate` answered. The step timeout counts from here, so a history function's first
  /// step, which evaluates all its points, has `stepTimeout` per point asked, not in all.
  public private(set) var lastProgress = 0.0
  /// The gradient noise of the pending step (`--noise`), added to every gradient it is
  /// given, as a built-in step adds it at every call of its closure.
  private var stepNoise = Point.zero

  /// The protocol version this side speaks.
  public static let protocolVersion = 1
  /// The default seconds the helper may take to start, import the plug-in and build it
  /// (`--start-timeout`): importing torch takes seconds on a cold machine, so 30 s is ample,
  /// and a plug-in whose import or constructor hangs is ended after it.
  public static let startTimeout = 30.0

  /// Starts a helper with `python` and builds the plug-in at `start`; `steps` is the `n_iter`
  /// a history function is given.
  public convenience init(
    spec: PluginSpec, start: Point, steps: Int, python: String, helper: String,
    stepTimeout: Double = 5, directory: String? = nil, overrides: [String: Double] = [:],
    startTimeout: Double = PluginOptimizer.startTimeout
  ) throws(PluginError) {
    self.init(
      spec: spec,
      channel: try PluginChannel(
        python: python, helper: helper, arguments: [spec.source + ":" + spec.object]),
      stepTimeout: stepTimeout)
    self.startTimeout = startTimeout
    try begin(start: start, steps: steps, directory: directory, overrides: overrides)
    try complete(python: python)
  }

  /// A plug-in served over an open channel (the notebook package's own process).
  public convenience init(
    spec: PluginSpec, start: Point, steps: Int, channel: PluginChannel, stepTimeout: Double = 5,
    overrides: [String: Double] = [:], startTimeout: Double = PluginOptimizer.startTimeout
  ) throws(PluginError) {
    self.init(spec: spec, channel: channel, stepTimeout: stepTimeout)
    self.startTimeout = startTimeout
    try begin(start: start, steps: steps, directory: nil, overrides: overrides)
    try complete(python: "the notebook")
  }

  private init(spec: PluginSpec, channel: PluginChannel, stepTimeout: Double) {
    self.spec = spec
    self.channel = channel
    self.stepTimeout = stepTimeout
  }

  /// Starts one helper per SPEC and builds each plug-in, all helpers importing at once:
  /// starting Python and importing torch takes seconds, so several plug-ins start in the
  /// time of one.
  public static func start(
    _ specs: [PluginSpec], at start: Point, steps: Int, python: String, helper: String,
    stepTimeout: Double = 5, directory: String? = nil,
    startTimeout: Double = PluginOptimizer.startTimeout
  ) throws(PluginError) -> [PluginOptimizer] {
    var started: [PluginOptimizer] = []
    do throws(PluginError) {
      for spec in specs {
        let optimizer = PluginOptimizer(
          spec: spec,
          channel: try PluginChannel(
            python: python, helper: helper, arguments: [spec.source + ":" + spec.object]),
          stepTimeout: stepTimeout)
        optimizer.startTimeout = startTimeout
        started.append(optimizer)
        try optimizer.begin(start: start, steps: steps, directory: directory, overrides: [:])
      }
      for optimizer in started {
        do throws(PluginError) {
          try optimizer.complete(python: python)
        } catch {
          throw PluginError(
            error.kind, "\(optimizer.spec.object): \(error.message)",
            exceptionType: error.exceptionType, location: error.location)
        }
      }
    } catch {
      for optimizer in started { optimizer.terminate() }
      throw error
    }
    return started
  }

  /// Sends hello and create without waiting for their answers.
  private func begin(
    start: Point, steps: Int, directory: String?, overrides: [String: Double]
  ) throws(PluginError) {
    try channel.send(.object(["op": .string("hello"), "protocol": .number(1)]))
    try sendCreate(start: start, steps: steps, directory: directory, overrides: overrides)
  }

  /// Reads the answers to hello and create.
  private func complete(python: String) throws(PluginError) {
    try readHello(python: python)
    try readCreate()
  }

  private func readHello(python: String) throws(PluginError) {
    let answer: JSONValue
    do {
      answer = try startReply()
    } catch {
      if error.kind == .protocolBroken {
        throw PluginError(
          .missing,
          "Python '\(python)' could not run optiscope's plug-in helper (install Python 3, or name one with --python PATH)"
        )
      }
      throw error
    }
    for (key, value) in answer.members ?? [:] {
      if let text = value.string { versions[key] = text }
    }
    guard answer["protocol"]?.double == Double(Self.protocolVersion) else {
      throw PluginError(.protocolBroken, "the plug-in helper speaks another protocol version")
    }
    if versions["numpy"] == nil {
      throw PluginError(
        .missing,
        "numpy is not installed for \(python) (install it: \(python) -m pip install numpy)")
    }
  }

  private func sendCreate(
    start: Point, steps: Int, directory: String?, overrides: [String: Double]
  ) throws(PluginError) {
    var message: [String: JSONValue] = [
      "op": .string("create"), "source": .string(spec.source), "object": .string(spec.object),
      "keywords": .string(spec.keywords), "x": .real(start.x), "y": .real(start.y),
      "steps": .number(Double(steps)),
    ]
    if let directory { message["directory"] = .string(directory) }
    if !overrides.isEmpty { message["overrides"] = .object(overrides.mapValues(JSONValue.real)) }
    try channel.send(.object(message))
  }

  private func readCreate() throws(PluginError) {
    let answer = try startReply()
    shape = answer["shape"]?.string.flatMap(Shape.init(rawValue:)) ?? .torch
    hyperparameters = Self.numbers(answer["hyperparameters"])
  }

  /// Builds the plug-in afresh in the same helper: at `start`, with `overrides` over the
  /// SPEC's keywords (the suite's second settings); no new process, no second import of torch.
  public func rebuild(at start: Point, steps: Int, overrides: [String: Double]) throws(PluginError)
  {
    try sendCreate(start: start, steps: steps, directory: nil, overrides: overrides)
    try readCreate()
  }

  /// Starts again at `start` with fresh state, keeping the SPEC's settings.
  public func restart(from start: Point) throws(PluginError) {
    try channel.send(
      .object(["op": .string("restart"), "x": .real(start.x), "y": .real(start.y)]))
    _ = try reply(timeout: stepTimeout)
  }

  /// One step from `sample`, blocking: nil when a history function has no more points.
  ///
  /// `noise` is added to every gradient the step is given (`--noise`: the race's vector
  /// for this step, the same every racer's step of that number gets); `withState` asks
  /// for the plug-in's state with the point, which costs the helper a few µs, so only
  /// what shows or compares it asks.
  public func step(
    from sample: Sample, on objective: any Objective, noise: Point = .zero,
    withState: Bool = false
  ) throws(PluginError) -> PluginStep? {
    try request(from: sample, noise: noise, withState: withState)
    while true {
      if let outcome = try poll(on: objective, timeout: stepTimeout) { return outcome.step }
      if PluginChannel.now() - lastProgress < stepTimeout { continue }
      throw timedOut()
    }
  }

  /// Asks for one step from `sample`, with `noise` added to its gradients, without waiting
  /// for it.
  public func request(from sample: Sample, noise: Point = .zero, withState: Bool = false)
    throws(PluginError)
  {
    try channel.send(line: Self.stepLine(from: sample, noise: noise, withState: withState))
    isWaiting = true
    evaluationsAnswered = 0
    lastProgress = PluginChannel.now()
    stepNoise = noise
  }

  /// The `step` request from `sample`: the protocol's most frequent line, written directly
  /// (as `JSONValue.text` writes the same object, keys sorted) rather than through a
  /// dictionary, since a step's whole budget is 100 µs.
  static func stepLine(from sample: Sample, noise: Point = .zero, withState: Bool) -> String {
    let gradient = Self.noisy(sample.gradient, noise)
    var line = "{\"f\":"
    line.reserveCapacity(160)
    JSONValue.write(real: sample.value, into: &line)
    line += ",\"gx\":"
    JSONValue.write(real: gradient.x, into: &line)
    line += ",\"gy\":"
    JSONValue.write(real: gradient.y, into: &line)
    line += ",\"op\":\"step\""
    if withState { line += ",\"state\":true" }
    line += ",\"x\":"
    JSONValue.write(real: sample.position.x, into: &line)
    line += ",\"y\":"
    JSONValue.write(real: sample.position.y, into: &line)
    line += "}"
    return line
  }

  /// `gradient` plus `noise`; a zero `noise` is not added at all (as in a built-in step), so
  /// the noiseless numbers stay bit-identical, −0 included.
  static func noisy(_ gradient: Point, _ noise: Point) -> Point {
    noise.x != 0 || noise.y != 0 ? gradient + noise : gradient
  }

  /// The answer to the requested step if it has come within `timeout` seconds, answering any
  /// `evaluate` requests from `objective` meanwhile; nil when it has not come yet.
  public func poll(on objective: any Objective, timeout: Double = 0) throws(PluginError)
    -> PluginOutcome?
  {
    let deadline = PluginChannel.now() + timeout
    while true {
      let left = max(0, deadline - PluginChannel.now())
      guard let message = try receive(timeout: left) else { return nil }
      switch message["op"]?.string {
      case "evaluate":
        let point = Point(x: message["x"]?.double ?? .nan, y: message["y"]?.double ?? .nan)
        let (value, exact) = objective.valueAndGradient(at: point)
        let gradient = Self.noisy(exact, stepNoise)
        evaluationsAnswered += 1
        lastProgress = PluginChannel.now()
        try channel.send(
          .object([
            "op": .string("value"), "f": .real(value), "gx": .real(gradient.x),
            "gy": .real(gradient.y),
          ]))
      case "point":
        isWaiting = false
        let point = Point(x: message["x"]?.double ?? .nan, y: message["y"]?.double ?? .nan)
        return PluginOutcome(
          step: PluginStep(
            position: point, state: Self.numbers(message["state"]) ?? [:],
            // A history function asks for all its points' gradients in its first step:
            // each point is one evaluation, as a step of a built-in is.
            evaluations: shape == .history ? 1 : 1 + evaluationsAnswered))
      case "finished":
        isWaiting = false
        return PluginOutcome(step: nil)
      default:
        isWaiting = false
        throw Self.failure(message)
      }
    }
  }

  /// The plug-in's state now, by torch's names (`exp_avg`, `step`, ...).
  public func state() throws(PluginError) -> [String: [Double]] {
    try channel.send(.object(["op": .string("state")]))
    return Self.numbers(try reply(timeout: stepTimeout)["state"]) ?? [:]
  }

  /// Edits one setting as editing `param_groups[0]` would; what the plug-in said.
  public func set(_ name: String, to value: Double) throws(PluginError) -> PluginEdit {
    try channel.send(.object(["op": .string("set"), "name": .string(name), "value": .real(value)]))
    let answer = try reply(timeout: stepTimeout)
    switch answer["op"]?.string {
    case "set":
      hyperparameters?[name] = [value]
      return .changed
    case "unknown":
      let known =
        (answer["known"].flatMap { value -> [String]? in
          if case .array(let items) = value { return items.compactMap(\.string) }
          return nil
        }) ?? []
      return .unknown(known: known)
    default: return .fixed
    }
  }

  /// Ends the helper now.
  public func terminate() {
    channel.terminate()
  }

  /// The next message, collecting printed output; ends the helper on a timeout.
  private func receive(timeout: Double) throws(PluginError) -> JSONValue? {
    let message: JSONValue?
    do {
      message = try channel.receive(timeout: timeout)
    } catch {
      channel.terminate()
      throw ended(error)
    }
    if let output = message?["output"]?.string {
      printed += output
      keepRecent(output)
    }
    return message
  }

  /// `error`, named for the plug-in when its Python ended without a word (the plug-in
  /// called `os._exit`, or crashed): seen at once as end-of-file, not waited on.
  private func ended(_ error: PluginError) -> PluginError {
    guard error.kind == .protocolBroken, error.message == "the plug-in helper ended" else {
      return error
    }
    return PluginError(
      .exception,
      "\(spec.object)'s Python ended without answering (os._exit, or a crash)")
  }

  /// Adds `output`'s lines to `recentLines`, keeping the last few.
  private func keepRecent(_ output: String) {
    var parts = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let ends = parts.last == ""
    if ends { parts.removeLast() }
    if lastLineIsOpen, let first = parts.first, let last = recentLines.popLast() {
      parts[0] = last + first
    }
    recentLines.append(contentsOf: parts.suffix(Self.recentLineCount))
    recentLines.removeFirst(max(0, recentLines.count - Self.recentLineCount))
    lastLineIsOpen = !ends && !parts.isEmpty
  }

  /// The answer to a request that is not a step: an error answer thrown.
  private func reply(timeout: Double) throws(PluginError) -> JSONValue {
    guard let message = try receive(timeout: timeout) else { throw timedOut() }
    if message["op"]?.string == "error" { throw Self.failure(message) }
    return message
  }

  /// Asked while a plug-in starts, every 50 ms: whether the user has quit (the live
  /// program's `q` before curses has the terminal). Set only around a start-up.
  nonisolated(unsafe) public static var startCancelled: (() -> Bool)?
  /// The message of a start-up ended by `startCancelled`.
  public static let quitWhileStarting = "quit while the plug-ins started"

  /// The answer to hello or create within `startTimeout`: a helper whose import or
  /// constructor hangs is ended and named, not waited on for ever.
  private func startReply() throws(PluginError) -> JSONValue {
    let deadline = PluginChannel.now() + startTimeout
    var answer: JSONValue?
    while answer == nil, PluginChannel.now() < deadline {
      let left = deadline - PluginChannel.now()
      answer = try receive(timeout: Self.startCancelled == nil ? left : min(left, 0.05))
      if answer == nil, let cancelled = Self.startCancelled, cancelled() {
        channel.terminate()
        throw PluginError(.timedOut, Self.quitWhileStarting)
      }
    }
    guard let message = answer else {
      channel.terminate()
      throw PluginError(
        .timedOut,
        "\(spec.object) did not start within \(Self.seconds(startTimeout)) s: its import or "
          + "construction hangs (--start-timeout SECONDS allows longer)")
    }
    if message["op"]?.string == "error" { throw Self.failure(message) }
    return message
  }

  private func timedOut() -> PluginError {
    channel.terminate()
    return PluginError(
      .timedOut, "\(spec.object) timed out: no answer within \(Self.seconds(stepTimeout)) s")
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : "\(value)"
  }

  /// The error an `error` message (or anything unexpected) stands for.
  static func failure(_ message: JSONValue) -> PluginError {
    guard message["op"]?.string == "error" else {
      return PluginError(
        .protocolBroken, "unexpected answer from the plug-in helper: \(message.text)")
    }
    let kind: PluginError.Kind
    switch message["kind"]?.string {
    case "missing": kind = .missing
    case "spec": kind = .spec
    case "exception": kind = .exception
    default: kind = .protocolBroken
    }
    let type = kind == .exception ? message["type"]?.string : nil
    let location = message["where"]?.string
    return PluginError(
      kind, message["message"]?.string ?? "", exceptionType: type,
      location: location?.isEmpty == false ? location : nil)
  }

  /// An object of numbers or number lists as a dictionary; nil for null or anything else.
  static func numbers(_ value: JSONValue?) -> [String: [Double]]? {
    guard let members = value?.members else { return nil }
    var found: [String: [Double]] = [:]
    for (key, item) in members {
      if let values = item.doubles { found[key] = values }
    }
    return found
  }
}
