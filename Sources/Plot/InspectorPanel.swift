import OptimKit

/// The inspector panel: the selected optimizer's −∇f, last update and its length, lr now,
/// the effective per-coordinate step, the momentum buffer, and the optimizer's own state
/// (Rprop's step sizes, ASGD's eta/mu/ax, LBFGS's curvature pairs, Adafactor's variances).
///
/// The −∇f and update labels are drawn in the colours of the map's arrows, so
/// the panel is also the arrows' key.
struct InspectorPanel: Widget {
  var inspector: InspectorDrawing
  /// The theme style of the racer it is about.
  var styleIndex: Int
  var theme: Theme
  var usesASCII: Bool

  /// The rows it would like.
  var preferredHeight: Int { lines.count + 1 }

  /// The label column's width.
  static let labelWidth = 10

  /// Label, its colour, and the value text, one per row below the heading.
  var lines: [(label: String, color: Color, value: String)] {
    let state = inspector.inspection
    let optimizer = state.optimizer
    var rate = NumberFormat.compact(optimizer.learningRate, digits: 3)
    if let schedule = inspector.scheduleName { rate += " (\(schedule))" }
    var rows: [(String, Color, String)] = [
      ("−∇f", theme.warning, Self.format(-1 * state.gradient)),
      ("update", theme.heading, Self.format(state.lastUpdate)),
      ("|update|", theme.text, NumberFormat.scientific(state.stepLength)),
      ("lr", theme.text, rate),
      ("eff. step", theme.text, optimizer.effectiveStep.map(Self.format) ?? "— (no step yet)"),
      ("momentum", theme.text, optimizer.momentum.map(Self.format) ?? "none"),
    ]
    if let method = optimizer.newtonMethod {
      rows.append(("newton", theme.text, method.rawValue))
    }
    for row in optimizer.state {
      rows.append((row.label, theme.text, Self.format(row.value)))
    }
    if let pluginRows = inspector.pluginRows {
      rows = Array(rows.prefix(3)) + pluginRows.map { ($0.label, theme.text, $0.value) }
    }
    return rows
  }

  /// The label column's width: wide enough for a plug-in's state names (`exp_avg_sq`).
  var labelWidth: Int {
    let longest = lines.map(\.label.count).max() ?? 0
    return min(16, max(Self.labelWidth, longest + 1))
  }

  /// An optimizer's own state value: a vector, a number, or "3 of 100".
  static func format(_ value: OptimizerStateRow.Value) -> String {
    switch value {
    case .pair(let point): format(point)
    case .number(let number): NumberFormat.scientific(number)
    case .count(let count, let limit): limit.map { "\(count) of \($0)" } ?? String(count)
    }
  }

  /// A vector as the panel prints it: "(-1.23e+00, 4.56e-01)".
  static func format(_ point: Point) -> String {
    "(" + NumberFormat.scientific(point.x) + ", " + NumberFormat.scientific(point.y) + ")"
  }

  func draw(into canvas: inout Canvas, area: Region) {
    guard !area.isEmpty else { return }
    let style = theme.racerStyle(styleIndex)
    TextRun.write(
      [
        TextRun("inspect ", color: theme.heading, attributes: [.bold]),
        TextRun(
          String(usesASCII ? style.asciiGlyph : style.glyph) + " ", color: style.color,
          attributes: [.bold]),
        TextRun(inspector.label, color: style.color, attributes: [.bold]),
      ], into: &canvas, x: area.x, y: area.y, width: area.width)
    let labelWidth = self.labelWidth
    for (offset, line) in lines.enumerated() where offset + 1 < area.height {
      // In a narrow panel vectors lose their brackets: "-1.23e+00 4.56e-01".
      let value =
        labelWidth + line.value.count > area.width
        ? line.value.split(separator: ", ", omittingEmptySubsequences: false).joined(separator: " ")
          .filter { $0 != "(" && $0 != ")" }
        : line.value
      TextRun.write(
        [
          TextRun(
            TextRun.padded(line.label, to: labelWidth), color: line.color, attributes: [.bold]),
          TextRun(value, color: theme.text),
        ], into: &canvas, x: area.x, y: area.y + 1 + offset, width: area.width)
    }
  }
}
