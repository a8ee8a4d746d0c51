import OptimKit
import Plot

extension Model {
  /// `g` / `G`: the gradient noise one level down / up, for every optimizer alike.
  ///
  /// The noise of step k depends only on the seed and k, so the comparison
  /// stays fair and `r` replays exactly the same noise.
  mutating func changeNoise(up: Bool, effects: inout [Effect]) {
    let sigma = race.noise.standardDeviation
    guard let next = up ? NoiseLevels.above(sigma) : NoiseLevels.below(sigma) else {
      message = Message(
        up ? "noise is at its largest, σ=\(Model.format(sigma))" : "noise is already off",
        isError: true)
      return
    }
    race.noise.setStandardDeviation(next)
    effects.append(
      .liveChange(
        step: race.stepCount,
        description: "noise σ=\(Model.format(next)) seed=\(race.noise.seed)"))
    message =
      next == 0
      ? Message("noise off")
      : Message(
        "noise σ=\(Model.format(next)) seed \(race.noise.seed): the same for every optimizer; "
          + "r replays it")
  }

  /// The status line's noise note ("noise σ=0.1 seed 42"), or nil without noise.
  var noiseNote: String? {
    guard race.noise.isActive else { return nil }
    return "noise σ=\(NumberFormat.compact(race.noise.standardDeviation, digits: 3)) "
      + "seed \(race.noise.seed)"
  }
}
