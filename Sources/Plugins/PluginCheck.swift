import OptimKit

/// One run of `check`: a plug-in and a built-in optimizer from one start on one function.
///
/// Both take `steps` steps; the plug-in is stepped from the point it reached
/// itself, the reference from its own, and the two points are compared after
/// every step (step K is the point after K updates; the start is step 0).
/// The plug-in's state is fetched with every step, so the first state
/// variable that leaves torch's (by torch's names) is named as well: a state
/// can differ a step before the point does, as with a bias correction stored
/// back into the moments.
public struct PluginCheck: Sendable {
  /// The case's name in reports, e.g. `rosenbrock from (-5, 5), lr=0.01`.
  public var name: String
  public var objective: any Objective
  public var start: Point
  /// The built-in optimizer the plug-in should equal.
  public var reference: OptimizerSpec
  public var plugin: PluginSpec
  /// Settings given to both (the suite's second set): set on the reference, and passed
  /// to the plug-in as keyword overrides.
  public var overrides: [String: Double]
  public var steps: Int
  /// Largest relative difference per coordinate that still counts as equal.
  public var tolerance: Double

  public init(
    name: String, objective: any Objective, start: Point, reference: OptimizerSpec,
    plugin: PluginSpec, overrides: [String: Double] = [:], steps: Int, tolerance: Double = 1e-8
  ) {
    self.name = name
    self.objective = objective
    self.start = start
    self.reference = reference
    self.plugin = plugin
    self.overrides = overrides
    self.steps = steps
    self.tolerance = tolerance
  }

  /// Runs the check with a helper started by `runtime`.
  public func run(runtime: PluginRuntime) -> PluginCheckResult {
    do throws(PluginError) {
      let optimizer = try runtime.start(plugin, at: start, steps: steps, overrides: overrides)
      defer { optimizer.terminate() }
      return run(with: optimizer)
    } catch {
      return PluginCheckResult(name: name, steps: steps, verdict: .failed(error))
    }
  }

  /// Runs the check in the helper of `optimizer` (built again for this case), or in a new one.
  ///
  /// A course suite runs every case in one helper: starting Python and importing
  /// torch costs seconds, a case only milliseconds.
  public func run(runtime: PluginRuntime, reusing optimizer: PluginOptimizer?)
    -> (result: PluginCheckResult, optimizer: PluginOptimizer?)
  {
    guard let optimizer else {
      do throws(PluginError) {
        let optimizer = try runtime.start(plugin, at: start, steps: steps, overrides: overrides)
        return (run(with: optimizer), optimizer)
      } catch {
        return (PluginCheckResult(name: name, steps: steps, verdict: .failed(error)), nil)
      }
    }
    do throws(PluginError) {
      try optimizer.rebuild(at: start, steps: steps, overrides: overrides)
      return (run(with: optimizer), optimizer)
    } catch {
      return (PluginCheckResult(name: name, steps: steps, verdict: .failed(error)), optimizer)
    }
  }

  /// Runs the check against a plug-in already built at `start`.
  public func run(with optimizer: PluginOptimizer) -> PluginCheckResult {
    var referenceSpec = reference
    for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
      do {
        try referenceSpec.edit(
          .hyperparameter(referenceSpec.hyperparameters.key(named: key), value))
      } catch {
        return PluginCheckResult(
          name: name, steps: steps,
          verdict: .failed(PluginError(.spec, "\(reference.kind.name) has no setting \(key)")))
      }
    }
    var racer = Racer(label: "reference", spec: referenceSpec, objective: objective, start: start)
    var yours = Sample(step: 0, position: start, objective: objective)
    var largest = 0.0
    var bitwise = true
    var stateDifference: PluginStateDifference?
    guard yours.isFinite, yours.gradient.isFinite else {
      return PluginCheckResult(name: name, steps: steps, verdict: .undefined(step: 0, at: start))
    }
    for step in 1...max(1, steps) where steps > 0 {
      let answer: PluginStep?
      do throws(PluginError) {
        answer = try optimizer.step(from: yours, on: objective, withState: stateDifference == nil)
      } catch {
        return PluginCheckResult(
          name: name, steps: steps, verdict: .failed(error), printed: optimizer.printed)
      }
      guard let answer else {
        return PluginCheckResult(
          name: name, steps: steps, verdict: .ended(step: step - 1), printed: optimizer.printed)
      }
      racer.step(on: objective)
      let reference = racer.current.position
      if stateDifference == nil {
        stateDifference = Self.stateDifference(
          yours: answer.state, reference: racer.optimizer.torchState, step: step,
          tolerance: tolerance)
      }
      let relative = max(
        Self.relativeDifference(answer.position.x, reference.x),
        Self.relativeDifference(answer.position.y, reference.y))
      if answer.position != reference { bitwise = false }
      // The reference's point itself is not a number (it overflowed, or stepped from where
      // ∇f is not one): a difference there is not the plug-in's. Equal points where f is not
      // a number agree, and the comparison ends below.
      if !reference.isFinite && !(relative <= tolerance) {
        return PluginCheckResult(
          name: name, steps: steps, verdict: .undefined(step: step, at: reference),
          printed: optimizer.printed)
      }
      if !(relative <= tolerance) {
        return PluginCheckResult(
          name: name, steps: steps,
          verdict: .differs(
            PluginDifference(
              step: step, yours: answer.position, reference: reference, relative: relative,
              state: stateDifference,
              setting: Self.settingDifference(
                yours: optimizer.hyperparameters, reference: referenceSpec.hyperparameters,
                tolerance: tolerance))),
          printed: optimizer.printed)
      }
      largest = max(largest, relative)
      yours = Sample(step: step, position: answer.position, objective: objective)
      if !yours.isFinite || !racer.isActive { break }
    }
    return PluginCheckResult(
      name: name, steps: steps, verdict: bitwise ? .bitwise : .withinRounding(largest: largest),
      printed: optimizer.printed)
  }

  /// |a − b| relative to the larger magnitude; 0 when equal (both NaN included), ∞ when one is
  /// not finite and the other is.
  static func relativeDifference(_ a: Double, _ b: Double) -> Double {
    if a == b || (a.isNaN && b.isNaN) { return 0 }
    guard a.isFinite, b.isFinite else { return .infinity }
    return abs(a - b) / max(abs(a), abs(b))
  }

  /// The first of the reference's settings (in torch's order) that the plug-in's
  /// `param_groups[0]` has under the same name with another value; `beta1` and `beta2` are
  /// the two numbers of torch's `betas`. Settings only one side has are not compared.
  static func settingDifference(
    yours: [String: [Double]]?, reference: Hyperparameters, tolerance: Double
  ) -> PluginSettingDifference? {
    guard let yours else { return nil }
    for key in reference.keys {
      guard let theirs = reference[key] else { continue }
      let mine: Double?
      switch key {
      case .beta1: mine = yours["betas"].flatMap { $0.count == 2 ? $0[0] : nil }
      case .beta2: mine = yours["betas"].flatMap { $0.count == 2 ? $0[1] : nil }
      default: mine = yours[key.name].flatMap { $0.count == 1 ? $0[0] : nil }
      }
      if let mine, !(relativeDifference(mine, theirs) <= tolerance) {
        return PluginSettingDifference(name: key.name, yours: mine, reference: theirs)
      }
    }
    return nil
  }

  /// The first of torch's state names (sorted) whose values differ beyond `tolerance`;
  /// names only one side keeps are not compared (a plug-in may name its state otherwise).
  static func stateDifference(
    yours: [String: [Double]], reference: [String: [Double]], step: Int, tolerance: Double
  ) -> PluginStateDifference? {
    for name in reference.keys.sorted() {
      guard let mine = yours[name], let theirs = reference[name] else { continue }
      let differs =
        mine.count != theirs.count
        || zip(mine, theirs).contains { !(relativeDifference($0, $1) <= tolerance) }
      if differs {
        return PluginStateDifference(name: name, step: step, yours: mine, reference: theirs)
      }
    }
    return nil
  }
}
