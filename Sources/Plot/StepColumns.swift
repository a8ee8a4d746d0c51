/// Which dot column of the loss chart each step falls in, as the first step of every column.
///
/// A step's column is the whole part of its dot position across the chart
/// (`dotX`), which takes a division. Every line of a frame shares the same
/// columns, so their first steps are found once, a few divisions per column,
/// and a line's entries are then put in columns by comparing steps alone.
struct StepColumns {
  /// The furthest step (the chart's right end) and the chart's last dot position.
  let steps: Int
  let dotWidth: Double
  /// `starts[c]`: the smallest step ≥ 0 in column c or after it; `Int.max` past the last
  /// column any step up to `steps` reaches.
  private let starts: [Int]

  /// The columns of a chart whose x axis ends at `steps` (at least 1) on `dotWidth`.
  init(steps: Int, dotWidth: Double) {
    self.steps = steps
    self.dotWidth = dotWidth
    let last = Self.column(of: steps, steps: steps, dotWidth: dotWidth)
    var starts = [0]
    if last >= 1 {
      starts.reserveCapacity(last + 2)
      for column in 1...last {
        // From an estimate of the first step, moved until it is exactly the first.
        let estimate = (Double(column) - 0.5) * Double(steps) / max(dotWidth, 1)
        var step = min(max(Int(estimate.rounded(.up)), starts[column - 1]), steps)
        while step > starts[column - 1],
          Self.column(of: step - 1, steps: steps, dotWidth: dotWidth) >= column
        {
          step -= 1
        }
        while Self.column(of: step, steps: steps, dotWidth: dotWidth) < column { step += 1 }
        starts.append(step)
      }
    }
    starts.append(Int.max)
    self.starts = starts
  }

  /// The dot position of `step` across a chart ending at `steps` on `dotWidth`.
  @inline(__always)
  static func dotX(step: Int, steps: Int, dotWidth: Double) -> Double {
    Double(step) / Double(steps) * dotWidth + 0.5
  }

  @inline(__always)
  private static func column(of step: Int, steps: Int, dotWidth: Double) -> Int {
    Int(dotX(step: step, steps: steps, dotWidth: dotWidth))
  }

  /// The dot column of `step`.
  @inline(__always)
  func column(of step: Int) -> Int {
    Self.column(of: step, steps: steps, dotWidth: dotWidth)
  }

  /// The first step in column `column` or after it (`Int.max` past the last).
  @inline(__always)
  func firstStep(ofColumn column: Int) -> Int {
    column < starts.count ? starts[column] : Int.max
  }
}
