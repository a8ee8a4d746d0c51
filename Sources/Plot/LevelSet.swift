import RealModule

/// The contour levels of a view and the log scale the heatmap is shaded on.
///
/// Follows the recipe of the course notebooks this tool grew from: the levels
/// are the distinct q-quantiles of the finite samples, for
/// `q = linspace(1e-4^(1/3), 0.95^(1/3), 20)^3`, interpolated linearly between
/// order statistics exactly as numpy's default `np.quantile` does. Cubing the
/// fractions crowds the levels near the minimum, where optimizers spend their
/// time. Shading is logarithmic, of the levels; when a level is ≤ 0 (f takes
/// negative values in view, or is 0 on so much of it that 0 is a level) the
/// logarithm is taken of `f − minimum + shift` instead, and `isShifted` says so.
///
/// An exact 0 at one sample (a minimum f* = 0 that a cell centre happens to
/// land on) needs no shift: the levels are quantiles above it and all
/// positive. Shifting for it would make the picture and its "shifted log
/// scale" warning come and go with the terminal's size.
public struct LevelSet: Hashable, Sendable {
  /// The level values in f's own units, ascending and distinct.
  public let values: [Double]
  /// The smallest finite sample, or NaN when there is none.
  public let minimum: Double
  /// The largest finite sample, or NaN when there is none.
  public let maximum: Double
  /// Whether shading uses log(f − minimum + shift), because f < 0 somewhere in view or a
  /// level is ≤ 0 (whose logarithm is not finite).
  public let isShifted: Bool
  /// The δ of the shifted scale: 1e-3 × (highest level − minimum), or 1e-12 if that is 0.
  ///
  /// A fixed fraction of the levels' own spread keeps the lowest band from
  /// swallowing the whole colour range (as a tiny δ would) while leaving the
  /// valley floor distinguishable from the first level (as a large δ would not).
  public let shift: Double
  /// The shade (0 = lowest, 1 = highest) of each band, indexed by band.
  public let bandShades: [Double]

  /// The 20 quantile fractions of the recipe, computed like numpy's
  /// `np.linspace(1e-4 ** (1/3), 0.95 ** (1/3), 20) ** 3`.
  public static let quantileFractions: [Double] = {
    let start = Double.power(1e-4, 1.0 / 3.0)
    let stop = Double.power(0.95, 1.0 / 3.0)
    let count = 20
    let step = (stop - start) / Double(count - 1)
    return (0..<count).map { index in
      let linear = index == count - 1 ? stop : Double(index) * step + start
      return Double.power(linear, 3.0)
    }
  }()

  /// Computes the levels of a set of samples; NaN and ±∞ samples are left out.
  public init<Samples: Sequence>(samples: Samples) where Samples.Element == Double {
    let sorted = samples.filter(\.isFinite).sorted()
    var levels: [Double] = []
    for fraction in Self.quantileFractions {
      guard let value = Self.quantile(sorted: sorted, fraction: fraction) else { break }
      if levels.last != value { levels.append(value) }
    }
    self.init(levels: levels, minimum: sorted.first ?? .nan, maximum: sorted.last ?? .nan)
  }

  /// A level set from given level values and sample range (levels must be ascending).
  public init(levels: [Double], minimum: Double, maximum: Double) {
    self.values = levels
    self.minimum = minimum
    self.maximum = maximum
    let shifted = minimum.isFinite && (minimum < 0 || (levels.first ?? minimum) <= 0)
    self.isShifted = shifted
    let spread = (levels.last ?? minimum) - minimum
    self.shift = spread.isFinite && spread > 0 ? spread * 1e-3 : 1e-12
    self.bandShades = Self.shades(levels: levels, shifted: shifted, minimum: minimum, shift: shift)
  }

  /// The shade (0…1) of a value on the continuous log scale the bands are shaded
  /// on: log f placed between the logs of the lowest and highest level, so that
  /// it runs smoothly through each band and meets the band's own shade at the
  /// band's log-midpoint; 0 below the lowest level, 1 above the highest, nil
  /// where f is undefined.
  ///
  /// A 24-bit terminal shows this instead of one colour per band: the
  /// picture follows f continuously, as matplotlib's `LogNorm` does.
  public func continuousShade(of value: Double) -> Double? {
    guard value.isFinite else { return nil }
    guard values.count >= 2, let first = values.first, let last = values.last else {
      return band(of: value).map(shade(ofBand:))
    }
    let low = logValue(first)
    let high = logValue(last)
    guard low.isFinite, high.isFinite, high > low else {
      return band(of: value).map(shade(ofBand:))
    }
    let position = logValue(value)
    if position.isNaN { return value < first ? 0 : 1 }
    return min(max((position - low) / (high - low), 0), 1)
  }

  /// The number of bands: one more than the number of levels.
  public var bandCount: Int { values.count + 1 }

  /// How many levels lie strictly below `value` (its band), or nil when value is not finite.
  ///
  /// Like matplotlib's filled contours, a band is the half-open interval
  /// (level[k−1], level[k]], so a value equal to a level belongs to the band below it.
  public func band(of value: Double) -> Int? {
    guard value.isFinite else { return nil }
    return Self.firstIndex(atLeast: value, in: values)
  }

  /// The index of the first of `levels` (ascending) that is ≥ `value`, by bisection;
  /// `levels.count` when there is none. Also where `ContourLines` starts a band.
  static func firstIndex(atLeast value: Double, in levels: [Double]) -> Int {
    var low = 0
    var high = levels.count
    while low < high {
      let middle = (low + high) / 2
      if levels[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The shading coordinate of f: log(f), or log(f − minimum + shift) when shifted.
  public func logValue(_ value: Double) -> Double {
    isShifted ? Double.log(value - minimum + shift) : Double.log(value)
  }

  /// The shade (0…1) of a band; out-of-range bands are clamped.
  public func shade(ofBand band: Int) -> Double {
    bandShades[min(max(band, 0), bandShades.count - 1)]
  }

  /// The linearly interpolated quantile of sorted finite samples, as numpy computes it.
  ///
  /// numpy's `_lerp` computes `a + (b − a)·t` for t < 0.5 and `b − (b − a)·(1 − t)`
  /// otherwise; doing the same gives bit-identical levels.
  public static func quantile(sorted: [Double], fraction: Double) -> Double? {
    guard let last = sorted.indices.last else { return nil }
    let virtualIndex = Double(last) * fraction
    let lowerIndex = min(max(Int(virtualIndex.rounded(.down)), 0), last)
    let upperIndex = min(lowerIndex + 1, last)
    let t = virtualIndex - Double(lowerIndex)
    let a = sorted[lowerIndex]
    let b = sorted[upperIndex]
    let difference = b - a
    return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
  }

  /// The shade of each band: the log-scale midpoint of its two bounding levels,
  /// placed between the logs of the lowest and highest level.
  private static func shades(levels: [Double], shifted: Bool, minimum: Double, shift: Double)
    -> [Double]
  {
    guard levels.count >= 2 else { return Array(repeating: 0.5, count: levels.count + 1) }
    func logarithm(_ value: Double) -> Double {
      shifted ? Double.log(value - minimum + shift) : Double.log(value)
    }
    let logs = levels.map(logarithm)
    guard let low = logs.first, let high = logs.last, low.isFinite, high.isFinite, high > low
    else {
      // Positive-free but not shifted cannot happen; fall back to even spacing.
      return (0...levels.count).map { Double($0) / Double(levels.count) }
    }
    var shades = [0.0]
    for index in 1..<levels.count {
      let middle = (logs[index - 1] + logs[index]) / 2
      shades.append(min(max((middle - low) / (high - low), 0), 1))
    }
    shades.append(1.0)
    return shades
  }
}
