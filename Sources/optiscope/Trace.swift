import App
import ArgumentParser
import FoundationEssentials
import OptimKit
import Plugins

/// `optiscope trace`: race optimizers headlessly and print every step, for tests and scripts.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "Print optimizer trajectories as CSV or JSON lines (no terminal UI).",
    discussion: """
      Runs every --optimizer from the same start for --steps steps, with the update rules, \
      hyper-parameter names and defaults of torch.optim (float64), and prints one row per \
      optimizer per step; step 0 is the start. Without --optimizer or --sweep it traces the \
      field the live program races on the function: sgd, momentum, nesterov, adagrad, \
      rmsprop, adadelta, adam and nadam at the function's learning rates.

      SPEC is NAME[:KEY=VALUE[,KEY=VALUE...]] with torch's names (betas split into beta1 and \
      beta2, Rprop's etas into etaminus and etaplus, its step_sizes into step_size_min and \
      step_size_max); switches take true, false, 1 or 0. Optimizers: sgd (alias gd), momentum \
      (heavy-ball), nesterov (nag), adagrad, adadelta, rmsprop, adam, adamw, nadam, radam, \
      adamax, rprop, asgd, adafactor (on (x, y) as one 2-element tensor, not factored), muon \
      (optiscope views (x, y) as a 1x2 matrix, since torch's Muon takes only matrices), lbfgs \
      (lr=1, max_iter=20, max_eval=0 for None, tolerance_grad, tolerance_change, history_size=100, \
      line_search_fn=none|strong_wolfe; one step is one torch step(closure) of up to max_iter \
      inner iterations; jsonl rows carry evals, its closure calls so far), lion (lr, beta1, beta2, weight_decay; lion-pytorch's update) and \
      newton (lr, damping: damped Newton with exact Hessians). torch's optimizers also take \
      maximize=true. clip=MAX in a SPEC clips the gradient to norm MAX before every step, as \
      torch.nn.utils.clip_grad_norm_ does (for lbfgs, at every closure call). \
      shape=vector|scalars|matrix holds (x, y) as one 2-element tensor (the default but for \
      muon), two scalar tensors or a 1x2 matrix (muon's default and only one): it changes \
      adafactor (a matrix is factored) and nothing element-wise. jsonl rows of asgd carry its \
      averaged point as ax, ay.

      --change STEP:INDEX:KEY=VALUE edits the INDEX-th --optimizer (1-based) after STEP steps, \
      before step STEP+1, keeping its state (moments, step count) like editing a torch \
      param_group. Repeat it for several edits; edits at the same step apply in the order given.

      --start defaults to the function's own start with --function; with --expr it is required.

      A function of one variable (--function quadratic, quadratic-squared, quartic, \
      double-well, or --expr in x alone) takes --start X: its one parameter is \
      torch.tensor([x]); y and gy print as 0. muon and shape= are refused there.

      --sweep NAME:KEY=LOW..HIGH[,count=N][,spacing=log|linear][,KEY=VALUE...] adds one \
      optimizer per value (lr, eps, weight_decay, damping log-spaced by default, others \
      linear), labelled like "adam lr=0.001"; they follow the --optimizer ones, which matters \
      for --change INDEX.

      A learning-rate schedule goes in the SPEC: schedule=step,step_size=N[,gamma=G] | \
      schedule=exponential,gamma=G | schedule=cosine,T=N[,eta_min=E] | \
      schedule=warmup-cosine,warmup=W,T=N[,start_factor=S,eta_min=E] | \
      schedule=plateau[,factor=F,patience=P,threshold=R,cooldown=C,min_lr=M].

      --change also takes schedule settings (100:1:T=300, keeping the schedule's clock) and \
      whole schedules (100:1:schedule=cosine,T=200, starting at t = 0; schedule=none removes it).

      --noise SIGMA adds seeded Gaussian noise N(0, SIGMA^2) to every gradient, the same \
      vector for every optimizer at a given step; --seed picks the stream (default 0).

      CSV columns: optimizer,step,x,y,f,status. Numbers print in full (they round-trip). \
      status is "running", or "diverged" on the first row whose x, y or f is not finite \
      (printed as nan, inf or -inf); that optimizer prints no rows afterwards. The optimizer \
      column is the name, made unique by "#2", "#3" when repeated. jsonl has the same fields \
      plus the gradient gx, gy; non-finite numbers appear as the strings "nan", "inf", "-inf".

      Bad input exits with status 1, a one-line message on stderr and nothing on stdout.

      Examples:
        optiscope trace --function rosenbrock --steps 300 --optimizer adam:lr=0.02
        optiscope trace --function rosenbrock --start=-1.5,2 --steps 300 \\
            --optimizer adam:lr=0.01 --change 100:1:lr=0.05 --change 200:1:beta1=0.5
        optiscope trace --expr "x^2 + 10*y^2" --start 3,1 --steps 50 --format jsonl \\
            --optimizer sgd:lr=0.05 --optimizer nag:lr=0.05,momentum=0.95
        optiscope trace --function himmelblau --steps 100 --sweep adam:lr=1e-3..1,count=4
        optiscope trace --function rosenbrock --steps 500 --noise 0.5 --seed 7 \\
            --optimizer adam:lr=0.05,schedule=cosine,T=500 --optimizer lion:lr=0.01
      """
  )

  /// Largest accepted --steps, so a typo cannot make the command run for hours.
  static let maximumSteps = 1_000_000

  @OptionGroup var function: FunctionArguments

  /// `--start`.
  @OptionGroup var starting: StartArguments
  /// `--start` as typed, nil when not given.
  var start: String? { starting.start }

  // Read as text and checked in `makeTable`, so a bad number gets the same
  // one-line message as every other bad input.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Number of steps, 0 to \(Trace.maximumSteps).", valueName: "n"))
  var steps: String = "100"

  @OptionGroup var racing: RacerList.Arguments

  @Option(
    name: .customLong("change"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp("A live edit STEP:INDEX:KEY=VALUE; repeatable.", valueName: "change"))
  var changes: [String] = []

  @Option(help: "Output format: csv or jsonl.")
  var format: String = TraceFormat.csv.rawValue

  @OptionGroup var plugins: PluginArguments

  func run() throws {
    let printedFile = try plugins.openPluginOutput()
    let table = try makeTable()
    let output = try table.render()
    try StandardStream.print(output)
    try PluginArguments.finish(
      printedFile, printed: table.plugins.map { ($0.label, $0.optimizer.printed) },
      otherwise: "--plugin-output FILE keeps it")
  }

  /// Checks every input and builds the run; throws a one-line `Refusal`.
  func makeTable() throws -> TraceTable {
    let (choice, hasOwnStart) = try function.requiredChoice(start: start)
    let objective = choice.objective
    let defaultStart = hasOwnStart ? choice.start : nil
    let startPoint = try FunctionArguments.startPoint(start, on: choice, default: defaultStart)
    let stepCount = try Self.stepCount(steps)
    guard let outputFormat = TraceFormat(rawValue: format.lowercased()) else {
      throw CommandError("--format must be csv or jsonl, got '\(format)'")
    }
    // Plug-in SPECs (FILE.py:OBJECT, MODULE:OBJECT) race after the built-in ones.
    let sweeps = try PluginSweep.split(racing.sweeps)
    let pluginTexts = racing.optimizers.filter(PluginSpec.isPlugin) + sweeps.plugins
    var builtIn = racing
    builtIn.optimizers = racing.optimizers.filter { !PluginSpec.isPlugin($0) }
    builtIn.sweeps = sweeps.builtIn
    let racers: RacerList
    if builtIn.isEmpty && !pluginTexts.isEmpty {
      racers = RacerList(specs: [])
    } else {
      racers = try builtIn.racers(on: choice)
    }
    let gradientNoise = try racing.gradientNoise()
    let scheduled = try changes.map { try TraceChange(parsing: $0) }
    var table = try TraceTable(
      objective: objective, start: startPoint, steps: stepCount,
      specs: try FunctionArguments.specs(racers.specs, on: choice),
      labels: racers.labels, noise: gradientNoise, changes: scheduled, format: outputFormat)
    table.batches = choice.batches(seed: gradientNoise.seed)
    try Race(objective: objective, start: startPoint, specs: racers.specs).checkTrainsAll()
    if !pluginTexts.isEmpty {
      let runtime = try plugins.runtime()
      var labels = Set(racers.labels)
      let specs = try pluginTexts.map { text throws(PluginError) in try PluginSpec(parsing: text)
      }
      let optimizers = try runtime.start(specs, at: startPoint, steps: stepCount)
      for (spec, optimizer) in zip(specs, optimizers) {
        var label = spec.object
        var count = 1
        while labels.contains(label) {
          count += 1
          label = "\(spec.object)#\(count)"
        }
        labels.insert(label)
        table.plugins.append(
          PluginTraceRacer(
            label: label, optimizer: optimizer, objective: objective, start: startPoint,
            noise: gradientNoise))
      }
    }
    return table
  }

  /// Parses `X,Y` (spaces and surrounding parentheses allowed) into a finite point.
  /// `--start` as `trace` and `compare` take it: X,Y, else the function's own start;
  /// an `--expr` has none.
  static func startPoint(_ text: String?, default defaultStart: Point?) throws -> Point {
    if let text { return try parsePoint(text) }
    guard let defaultStart else {
      throw CommandError("--expr needs --start X,Y (e.g. --start 1,1)")
    }
    return defaultStart
  }

  /// `--steps` as `trace` and `compare` take it: a whole number from 0 to `maximumSteps`.
  static func stepCount(_ text: String) throws -> Int {
    guard let count = Int(text), (0...maximumSteps).contains(count) else {
      throw CommandError(
        "--steps must be a whole number from 0 to \(maximumSteps), got '\(text)'")
    }
    return count
  }

  static func parsePoint(_ text: String) throws -> Point {
    var body = text.trimmingSpaces()
    if body.hasPrefix("(") && body.hasSuffix(")") {
      body = String(body.dropFirst().dropLast())
    }
    let parts = body.split(separator: ",", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Double($0.trimmingSpaces()) }
    guard parts.count == 2, numbers.count == 2, numbers.allSatisfy(\.isFinite) else {
      throw CommandError("bad --start '\(text)': expected X,Y with two finite numbers, e.g. -1.5,2")
    }
    return Point(x: numbers[0], y: numbers[1])
  }
}
