import OptimKit

/// The leaderboard panel: rank, glyph, name, the step it arrived at (or "—", or "div"), final f.
///
/// Drawn in place of the loss chart, so it ranks the race as it runs: those that
/// arrived first by their arrival step, then the others by f, diverged last.
struct LeaderboardPanel: Widget {
  var leaderboard: LeaderboardDrawing
  var racers: [RacerDrawing]
  var theme: Theme
  var usesASCII: Bool

  /// The rows it would like: a heading, a column header, one per racer.
  var preferredHeight: Int { leaderboard.entries.count + 2 }

  func draw(into canvas: inout Canvas, area: Region) {
    guard !area.isEmpty else { return }
    TextRun.write(
      [
        TextRun("leaderboard ", color: theme.heading, attributes: [.bold]),
        TextRun(leaderboard.criterion, color: theme.dimText),
      ], into: &canvas, x: area.x, y: area.y, width: area.width)
    let entries = leaderboard.entries
    let reached = entries.map(Self.arrival)
    let arrivalWidth = max(reached.map(\.count).max() ?? 0, 7)
    let valueWidth = max(entries.map { NumberFormat.scientific($0.finalValue).count }.max() ?? 0, 8)
    let rankWidth = max(String(entries.count).count, 2)
    let fixed = rankWidth + 3 + 1 + arrivalWidth + 1 + valueWidth
    let labelWidth = max(
      4, min(max(entries.map(\.label.count).max() ?? 0, 9), area.width - fixed))
    var y = area.y + 1
    if area.height >= entries.count + 2 {
      let header =
        String(repeating: " ", count: rankWidth + 3) + TextRun.padded("optimizer", to: labelWidth)
        + " " + TextRun.padded("arrived", to: arrivalWidth, right: true) + " "
        + TextRun.padded("f", to: valueWidth, right: true)
      TextRun.write(
        [TextRun(header, color: theme.dimText)], into: &canvas, x: area.x, y: y,
        width: area.width)
      y += 1
    }
    for (entry, arrival) in zip(entries, reached) where y < area.y + area.height {
      let style = theme.racerStyle(
        racers.indices.contains(entry.index) ? racers[entry.index].styleIndex : entry.index)
      let isSelected = racers.indices.contains(entry.index) && racers[entry.index].isSelected
      let arrivalColor: Color =
        entry.isDiverged ? theme.error : (entry.reachedStep == nil ? theme.dimText : theme.heading)
      TextRun.write(
        [
          TextRun(
            TextRun.padded(String(entry.rank), to: rankWidth, right: true), color: theme.text),
          TextRun(" ", color: theme.text),
          TextRun(
            String(usesASCII ? style.asciiGlyph : style.glyph), color: style.color,
            attributes: [.bold]),
          TextRun(" ", color: theme.text),
          TextRun(
            TextRun.padded(entry.label, to: labelWidth), color: style.color,
            attributes: isSelected ? [.bold, .reverse] : [.bold]),
          TextRun(
            " " + TextRun.padded(arrival, to: arrivalWidth, right: true), color: arrivalColor),
          TextRun(
            " "
              + TextRun.padded(
                NumberFormat.scientific(entry.finalValue), to: valueWidth, right: true),
            color: entry.isDiverged ? theme.dimText : theme.text),
        ], into: &canvas, x: area.x, y: y, width: area.width)
      y += 1
    }
  }

  /// "#312" when it arrived at step 312, "div" when it diverged, "—" otherwise.
  static func arrival(_ entry: LeaderboardEntry) -> String {
    if entry.isDiverged { return "div" }
    guard let step = entry.reachedStep else { return "—" }
    return "#\(step)"
  }
}
