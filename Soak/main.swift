// The long soak: every optimizer for 10⁶ steps on a few functions, headless,
// printing memory and time per step in chunks so that "flat" can be seen.
//
// Built by scripts/soak, not by the package: compiled together with
// Sources/OptimKit/*.swift into one optimised executable.
//
//   soak [STEPS] [CHUNKS]      (defaults 1000000 and 10)

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Resident memory in KiB from /proc/self/status: the current (`VmRSS`) or peak (`VmHWM`).
func residentKilobytes(_ field: String) -> Int? {
  guard let file = fopen("/proc/self/status", "r") else { return nil }
  defer { fclose(file) }
  var line = [CChar](repeating: 0, count: 256)
  while fgets(&line, Int32(line.count), file) != nil {
    let text = String(
      decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if text.hasPrefix(field + ":") {
      return Int(text.dropFirst(field.count + 1).filter { $0.isNumber })
    }
  }
  return nil
}

/// Seconds on a monotonic clock.
func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Pads `text` on the left to `width` characters.
func right(_ text: String, _ width: Int) -> String {
  String(repeating: " ", count: max(0, width - text.count)) + text
}

/// `value` with `digits` decimals (none and no point for 0).
func fixed(_ value: Double, _ digits: Int) -> String {
  if digits == 0 { return String(Int(value.rounded())) }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  var text = String(rounded)
  if let dot = text.firstIndex(of: ".") {
    let decimals = text.distance(from: dot, to: text.endIndex) - 1
    text += String(repeating: "0", count: max(0, digits - decimals))
  }
  return text
}

let arguments = CommandLine.arguments.dropFirst()
guard let steps = Int(arguments.first ?? "1000000"), steps >= 1,
  let chunks = Int(arguments.dropFirst().first ?? "10"), chunks >= 1, chunks <= steps
else {
  print("usage: soak [STEPS >= 1] [CHUNKS from 1 to STEPS]")
  exit(64)
}

let functionNames = ["rosenbrock", "himmelblau", "rastrigin"]
var races: [Race] = []
for name in functionNames {
  guard let function = TestFunction.named(name) else {
    print("soak: no function \(name)")
    exit(1)
  }
  var specs: [OptimizerSpec] = []
  for kind in OptimizerKind.allCases {
    let rate = function.learningRates[kind.name] ?? 1e-3
    guard let spec = try? OptimizerSpec(kind: kind, values: [.learningRate: rate]) else {
      print("soak: bad learning rate \(rate) for \(kind)")
      exit(1)
    }
    specs.append(spec)
  }
  races.append(Race(objective: function.expression, start: function.start, specs: specs))
}
let racerCount = races.reduce(0) { $0 + $1.racers.count }

print(
  "soak: \(steps) steps of \(OptimizerKind.allCases.count) optimizers on "
    + "\(functionNames.joined(separator: ", ")) (\(racerCount) racers), in \(chunks) chunks")
print(
  right("steps", 9) + right("ns/step", 10) + right("ns/racer-step", 15) + right("RSS MiB", 9)
    + right("peak MiB", 10) + right("trail pts", 11) + right("running", 9))
var done = 0
var times: [Double] = []
for chunk in 1...chunks {
  let target = steps * chunk / chunks
  let count = target - done
  let started = now()
  for index in races.indices {
    races[index].step(times: count)
  }
  let elapsed = now() - started
  done = target
  let perStep = elapsed / Double(count) * 1e9
  times.append(perStep)
  let points = races.reduce(0) { $0 + $1.racers.reduce(0) { $0 + $1.trail.count } }
  let running = races.reduce(0) { $0 + $1.racers.filter(\.isActive).count }
  let rss = Double(residentKilobytes("VmRSS") ?? 0) / 1024
  let peak = Double(residentKilobytes("VmHWM") ?? 0) / 1024
  print(
    right(String(done), 9) + right(fixed(perStep, 0), 10)
      + right(fixed(perStep / Double(racerCount), 1), 15) + right(fixed(rss, 1), 9)
      + right(fixed(peak, 1), 10) + right(String(points), 11) + right(String(running), 9))
}
let sorted = times.sorted()
print(
  "soak: time per step min \(fixed(sorted[0], 0)) ns, max \(fixed(sorted[sorted.count - 1], 0)) ns"
    + " (one step = every racer of every race steps once)")
