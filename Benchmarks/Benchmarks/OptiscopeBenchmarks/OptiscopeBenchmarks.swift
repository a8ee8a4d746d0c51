import App
import Benchmark
import OptimKit
import Plot

/// optiscope's in-process benchmarks: the costs that decide how smooth the live view is.
///
/// Each benchmark names what it measures and the screen size it measures at,
/// so the table printed by `scripts/bench` reads on its own. The whole-process
/// figures (time to the first frame, bytes sent per frame, peak memory) are
/// measured on the real binary by `scripts/bench-process.py`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    warmupIterations: 3,
    maxDuration: .seconds(2),
    maxIterations: 10_000
  )

  for (width, height) in [(120, 40), (400, 120)] {
    Benchmark("Heatmap + levels, \(width)x\(height) grid, rosenbrock") { benchmark in
      let function = BenchmarkScene.rosenbrock
      let key = HeatmapKey(
        function: function.name, view: function.view, width: width, height: height, mode: .cells)
      for _ in benchmark.scaledIterations {
        blackHole(Heatmap(objective: function.objective, key: key, theme: .standard))
      }
    }
  }

  // After 500 steps, and after 5000 when every trail holds its full budget of
  // waypoints (Trail.capacity), the most a frame ever has to draw.
  for steps in [500, 5000] {
    Benchmark("Frame compose, 120x40, 11 optimizers, \(steps) steps, cached heatmap") {
      benchmark, prepared in
      // A cache as the runtime keeps one: the heatmap kept, the trails drawn afresh.
      var cache = prepared.cache
      for _ in benchmark.scaledIterations {
        blackHole(view(prepared.model, cache: &cache))
      }
    } setup: {
      BenchmarkScene.runningModel(width: 120, height: 40, steps: steps)
    }
  }

  // What the live program draws each frame: a session keeps the trails drawn and
  // continues them, so a frame with full trails draws only the newest segments.
  Benchmark("Live frame, 120x40, 11 optimizers, full trails: tick + frame, trails continued") {
    (benchmark: Benchmark, prepared: Session) in
    var session = prepared
    for _ in benchmark.scaledIterations {
      _ = session.send(Msg.tick)
      blackHole(session.frame(time: 0))
    }
  } setup: {
    var session = Session(
      scene: Scene(
        function: BenchmarkScene.rosenbrock,
        specs: BenchmarkScene.elevenOptimizers(for: BenchmarkScene.rosenbrock)),
      size: ScreenSize(width: 120, height: 40), themes: ([.builtIn], 0))
    for _ in 0..<5000 { _ = session.send(Msg.tick) }
    _ = session.frame(time: 0)
    return session
  }

  Benchmark(
    "Race step, 11 optimizers, rosenbrock",
    configuration: .init(scalingFactor: .kilo)
  ) { benchmark, race in
    var race = race
    for _ in benchmark.scaledIterations {
      race.step()
    }
    blackHole(race)
  } setup: {
    Race(
      objective: BenchmarkScene.rosenbrock.objective, start: BenchmarkScene.rosenbrock.start,
      specs: BenchmarkScene.elevenOptimizers(for: BenchmarkScene.rosenbrock))
  }

  Benchmark("Headless frame, 120x40: tick + view + ANSI text") { benchmark, prepared in
    var (model, cache) = prepared
    for _ in benchmark.scaledIterations {
      model = update(model, .tick).0
      blackHole(TextEncoder.ansi(view(model, cache: &cache), depth: .full256))
    }
  } setup: {
    BenchmarkScene.runningModel(width: 120, height: 40, steps: 100)
  }
}

/// The scenes the benchmarks run: Rosenbrock with the eleven torch.optim optimizers.
enum BenchmarkScene {
  static let rosenbrock: FunctionChoice =
    FunctionChoice.catalog.first { $0.name == "rosenbrock" } ?? FunctionChoice.catalog[0]

  /// SGD through Adamax (every torch.optim rule the README lists), at the
  /// function's suggested learning rates where it has them.
  static func elevenOptimizers(for function: FunctionChoice) -> [OptimizerSpec] {
    let kinds: [OptimizerKind] = [
      .sgd, .momentum, .nesterov, .adagrad, .adadelta, .rmsprop, .adam, .adamw, .nadam, .radam,
      .adamax,
    ]
    return kinds.map { kind in
      if let rate = function.learningRates[kind.name],
        let spec = try? OptimizerSpec(kind: kind, values: [.learningRate: rate])
      {
        return spec
      }
      return OptimizerSpec(kind: kind)
    }
  }

  /// A model of the eleven-optimizer race after `steps` ticks, and a frame cache holding
  /// its heatmap (trails drawn afresh each frame).
  static func runningModel(width: Int, height: Int, steps: Int) -> (
    model: Model, cache: FrameCache
  ) {
    let scene = Scene(function: rosenbrock, specs: elevenOptimizers(for: rosenbrock))
    var model = Model(scene: scene, width: width, height: height)
    for _ in 0..<steps {
      model = update(model, .tick).0
    }
    var cache = FrameCache(keepsTrails: false)
    _ = view(model, cache: &cache)
    return (model, cache)
  }
}
