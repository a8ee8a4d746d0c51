import App
import ArgumentParser
import Foundation
import OptimKit
import Plot

/// `optiscope benchmark-picture` (hidden): times frame composition and heatmap sampling.
///
/// Run on a release build: `swift build -c release && .build/release/optiscope
/// benchmark-picture`. Kept out of the tests because timings belong to benchmarks.
struct PictureBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark-picture",
    abstract: "Time composing frames and sampling heatmaps (for developers).",
    shouldDisplay: false
  )

  @Option(help: "Frames to compose.")
  var frames: Int = 2000

  func run() throws {
    guard let function = TestFunction.named("rosenbrock") else { return }
    let specs = OptimizerKind.allCases.map { OptimizerSpec(kind: $0) }
    var race = Race(objective: function.expression, start: function.start, specs: specs)
    race.step(times: 300)
    var picture = Picture(
      race: race, title: function.title, formula: function.formula, function: function.name,
      view: function.view, minima: function.minima, minimumValue: function.minimumValue)
    var cache = HeatmapCache()
    cache.prepare(&picture, width: 120, height: 40, theme: .standard)
    var canvas = Canvas(width: 120, height: 40)
    let clock = ContinuousClock()
    let composing = clock.measure {
      for _ in 0..<max(frames, 1) { picture.draw(into: &canvas, theme: .standard) }
    }
    let key = HeatmapKey(
      function: "rosenbrock", view: function.view, width: 400, height: 120, mode: .cells)
    let sampling = clock.measure {
      for _ in 0..<10 { _ = Heatmap(objective: function.expression, key: key, theme: .standard) }
    }
    print("racers: \(race.racers.count), trail points each: \(race.racers.first?.trail.count ?? 0)")
    print(
      "compose 120x40 frame from cached heatmap: \(milliseconds(composing / max(frames, 1))) ms")
    print("heatmap + levels 400x120: \(milliseconds(sampling / 10)) ms")
  }

  private func milliseconds(_ duration: Duration) -> String {
    let components = duration.components
    let value = Double(components.seconds) * 1e3 + Double(components.attoseconds) * 1e-15
    return String(format: "%.3f", value)
  }
}
