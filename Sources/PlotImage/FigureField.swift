import OptimKit
import Plot

/// The function sampled on a fine grid over a view: its levels, the band of every
/// sample and the contour lines, ready to be painted at any size.
///
/// The expensive part of a figure, computed once per function, view and grid and
/// shared by every frame of an animation. Uses the same level recipe as the text
/// heatmap (`LevelSet`: the notebooks' quantile levels on a log scale).
public struct FigureField: Sendable {
  public let view: ViewBox
  /// The grid: `columns` × `rows` samples at cell centres, row 0 at the top.
  public let columns: Int
  public let rows: Int
  /// f at the samples, row-major.
  public let samples: [Double]
  public let levels: LevelSet
  /// The band of each sample (nil where f is undefined), row-major.
  public let bands: [Int?]
  /// The contour lines of each level as segments in grid units (x0, y0, x1, y1, …),
  /// where (0, 0) is the top-left corner of the grid and (columns, rows) the bottom-right.
  public let contours: [[Double]]

  /// Samples `objective` on a `columns` × `rows` grid over `view`.
  public init(objective: any Objective, view: ViewBox, columns: Int, rows: Int) {
    let points = Heatmap.samplePoints(view: view, columns: columns, rows: rows)
    self.init(
      samples: points.map { objective.value(at: $0) }, view: view, columns: columns, rows: rows)
  }

  /// A field from given samples (`rows` rows of `columns`, row 0 at the top).
  public init(samples: [Double], view: ViewBox, columns: Int, rows: Int) {
    self.view = view
    self.columns = columns
    self.rows = rows
    self.samples = samples
    let levels = LevelSet(samples: samples)
    self.levels = levels
    let bands = samples.map { levels.band(of: $0) }
    self.bands = bands
    self.contours = Self.trace(
      samples: samples, bands: bands, levels: levels.values, columns: columns, rows: rows)
  }

  /// Marching squares over the cells between sample centres: a cell crosses level k
  /// when its corners' bands straddle k (some ≤ k, some > k); the crossing points
  /// on its edges are interpolated linearly in f. Saddles are split by the cell's mean.
  static func trace(samples: [Double], bands: [Int?], levels: [Double], columns: Int, rows: Int)
    -> [[Double]]
  {
    var segments = Array(repeating: [Double](), count: levels.count)
    guard columns >= 2, rows >= 2, !levels.isEmpty else { return segments }
    for row in 0..<(rows - 1) {
      for column in 0..<(columns - 1) {
        let topLeft = row * columns + column
        let corners = [topLeft, topLeft + 1, topLeft + columns + 1, topLeft + columns]
        var low = Int.max
        var high = Int.min
        var defined = true
        for index in corners {
          guard let band = bands[index] else {
            defined = false
            break
          }
          low = min(low, band)
          high = max(high, band)
        }
        guard defined, low < high else { continue }
        let values = corners.map { samples[$0] }
        // Corner positions in grid units: sample centres sit at +0.5.
        let x0 = Double(column) + 0.5
        let y0 = Double(row) + 0.5
        let xs = [x0, x0 + 1, x0 + 1, x0]
        let ys = [y0, y0, y0 + 1, y0 + 1]
        for level in low..<min(high, levels.count) {
          let value = levels[level]
          var code = 0
          for (bit, corner) in values.enumerated() where corner > value { code |= 1 << bit }
          /// The crossing on the edge from corner a to corner b.
          func crossing(_ a: Int, _ b: Int) -> (Double, Double) {
            let span = values[b] - values[a]
            let t = span == 0 ? 0.5 : min(max((value - values[a]) / span, 0), 1)
            return (xs[a] + (xs[b] - xs[a]) * t, ys[a] + (ys[b] - ys[a]) * t)
          }
          func add(_ first: (Double, Double), _ second: (Double, Double)) {
            segments[level].append(contentsOf: [first.0, first.1, second.0, second.1])
          }
          // Edges: 0 top (0–1), 1 right (1–2), 2 bottom (2–3), 3 left (3–0).
          let top = { crossing(0, 1) }
          let right = { crossing(1, 2) }
          let bottom = { crossing(2, 3) }
          let left = { crossing(3, 0) }
          switch code {
          case 1, 14: add(left(), top())
          case 2, 13: add(top(), right())
          case 3, 12: add(left(), right())
          case 4, 11: add(right(), bottom())
          case 6, 9: add(top(), bottom())
          case 7, 8: add(left(), bottom())
          case 5, 10:
            let mean = values.reduce(0, +) / 4
            let centreAbove = mean > value
            // Corners 0 and 2 above (5) or 1 and 3 above (10).
            if (code == 5) == centreAbove {
              add(left(), bottom())
              add(top(), right())
            } else {
              add(left(), top())
              add(right(), bottom())
            }
          default: break
          }
        }
      }
    }
    return segments
  }

  /// The shade (0…1) of the sample at (column, row), nil where f is undefined.
  public func shade(column: Int, row: Int) -> Double? {
    bands[row * columns + column].map { levels.shade(ofBand: $0) }
  }
}
