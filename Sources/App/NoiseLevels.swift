/// The gradient-noise levels `g` / `G` step through: off, then 0.01, 0.03, 0.1, … 100.
///
/// Roughly geometric (×√10 per press, rounded to 1-3-10 so the numbers read
/// well on screen), because what matters is σ relative to the gradient, which
/// ranges over orders of magnitude from one function to the next. Going down
/// from the smallest level turns the noise off; a level set on the command
/// line between two steps moves to the neighbouring step.
public enum NoiseLevels {
  /// The non-zero levels, smallest first.
  public static let levels: [Double] = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100]

  /// The level after one `G`, or nil when σ is already at the top.
  public static func above(_ sigma: Double) -> Double? {
    levels.first { $0 > sigma * (1 + 1e-9) }
  }

  /// The level after one `g` (0 below the smallest), or nil when the noise is already off.
  public static func below(_ sigma: Double) -> Double? {
    guard sigma > 0 else { return nil }
    return levels.last { $0 < sigma * (1 - 1e-9) } ?? 0
  }
}
