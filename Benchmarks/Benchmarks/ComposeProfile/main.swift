import App
import Glibc
import OptimKit
import Plot

/// A driver for `perf record -g`: repeats one of the benchmarks' frames many times.
///
///   ComposeProfile live [FRAMES]      a tick and a frame with trails continued (the live frame)
///   ComposeProfile compose [FRAMES]   a frame from scratch after 5000 steps (cached heatmap)
///
/// Prints the checksum, then the fastest and the median of ten batches' CPU time per frame
/// (the thread's own, so a loaded machine counts less).
let arguments = CommandLine.arguments
let mode = arguments.count > 1 ? arguments[1] : "live"
let frames = arguments.count > 2 ? Int(arguments[2]) ?? 5000 : 5000
let function =
  FunctionChoice.catalog.first { $0.name == "rosenbrock" } ?? FunctionChoice.catalog[0]
let kinds: [OptimizerKind] = [
  .sgd, .momentum, .nesterov, .adagrad, .adadelta, .rmsprop, .adam, .adamw, .nadam, .radam,
  .adamax,
]
let specs = kinds.map { kind in
  if let rate = function.learningRates[kind.name],
    let spec = try? OptimizerSpec(kind: kind, values: [.learningRate: rate])
  {
    return spec
  }
  return OptimizerSpec(kind: kind)
}
let scene = Scene(function: function, specs: specs)
var checksum = 0
var batches: [Double] = []
/// The thread's CPU time so far, in microseconds.
func cpuMicroseconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
}
let batch = max(1, frames / 10)
switch mode {
case "compose":
  var model = Model(scene: scene, width: 120, height: 40)
  for _ in 0..<5000 { model = update(model, .tick).0 }
  var cache = FrameCache(keepsTrails: false)
  _ = view(model, cache: &cache)
  for _ in 0..<10 {
    let start = cpuMicroseconds()
    for _ in 0..<batch { checksum &+= view(model, cache: &cache).width }
    batches.append(cpuMicroseconds() - start)
  }
default:
  var session = Session(
    scene: scene, size: ScreenSize(width: 120, height: 40), themes: ([.builtIn], 0))
  for _ in 0..<5000 { _ = session.send(Msg.tick) }
  _ = session.frame(time: 0)
  for _ in 0..<10 {
    let start = cpuMicroseconds()
    for _ in 0..<batch {
      _ = session.send(Msg.tick)
      checksum &+= session.frame(time: 0).width
    }
    batches.append(cpuMicroseconds() - start)
  }
}
let perFrame = batches.sorted().map { $0 / Double(batch) }
print(checksum, "µs per frame: fastest", perFrame[0], "median", perFrame[5])
