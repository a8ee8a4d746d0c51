import Plot
import Testing

/// Records a failure naming the cells where `actual` differs from `expected`.
///
/// A whole-canvas check in place of substring checks: it fails when a panel moves
/// or loses a column, and its message is the cell diff of `CanvasDifference`.
func expectCanvas(
  _ actual: Canvas, equals expected: Canvas,
  comparing aspect: CanvasDifference.Aspect = .glyphs,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  if let difference = CanvasDifference(expected: expected, actual: actual, comparing: aspect) {
    Issue.record(Comment(rawValue: difference.description), sourceLocation: sourceLocation)
  }
}

/// The same, with the expected canvas spelled out as text, one row a line.
func expectCanvas(
  _ actual: Canvas, equals expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let lines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  expectCanvas(
    actual, equals: Canvas(lines: lines, width: actual.width), sourceLocation: sourceLocation)
}
