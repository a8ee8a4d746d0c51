import OptimKit

/// The top line: function name and formula, view box, step, the shifted-scale
/// notice, the paused state, notes such as the noise level, and a key hint.
///
/// When the line is too narrow the formula is shortened first, then the view
/// box is left out, so the step and the notices stay visible.
struct StatusLine: Widget {
  var title: String
  var formula: String
  var view: ViewBox
  /// What the view's vertical range is of: "y", or "f" on a one-variable curve.
  var verticalName = "y"
  var step: Int
  var isShifted: Bool
  var isPaused: Bool
  var keyHint: String
  /// Short notices after the step ("noise σ=0.1 seed 42", "basins 37%").
  var notes: [String] = []
  /// "● REC file" while recording; drawn left of the hint in the error colour.
  var recordingLabel: String = ""
  /// The point under the pointer ("x 1.25  y -0.5  f 3.1e+01"), shown in place of the
  /// view's ranges; empty for none.
  var pointer: String = ""
  var theme: Theme
  var usesASCII = false

  /// The fewest columns a title is cut to (with its "…") to keep "? help" in view.
  static let shortestTitle = 8

  func draw(into canvas: inout Canvas, area: Region) {
    guard !area.isEmpty else { return }
    let background = theme.statusBackground
    for column in 0..<area.width {
      canvas[area.x + column, area.y] = Cell(glyph: " ", background: background)
    }
    let foreground = theme.statusForeground
    let separator = TextRun(usesASCII ? " | " : " │ ", color: theme.dimText)
    let member = usesASCII ? " in " : "∈"
    let viewText =
      !pointer.isEmpty
      ? pointer
      : "x\(member)[\(NumberFormat.compact(view.xMin)), \(NumberFormat.compact(view.xMax))] "
        + "\(verticalName)\(member)[\(NumberFormat.compact(view.yMin)), \(NumberFormat.compact(view.yMax))]"
    var tail: [TextRun] = [separator, TextRun("step \(step)", color: foreground)]
    if isShifted {
      tail += [separator, TextRun("shifted log scale", color: theme.warning, attributes: [.bold])]
    }
    if isPaused {
      tail += [separator, TextRun("paused", color: theme.warning, attributes: [.bold])]
    }
    for note in notes where !note.isEmpty {
      tail += [separator, TextRun(note, color: theme.warning)]
    }
    var titleText = " " + title
    // The step and notices come first: the hint (then its last part, "? help")
    // and the recording label only take the room left beside them. "? help" is
    // how a new user finds the keys, so a long title (a data set's, with its
    // model, loss and batch) is cut short to keep it, down to a few letters.
    let shortHint = keyHint.split(separator: " · ").last.map(String.init) ?? ""
    let tailWidth = tail.reduce(0) { $0 + TextRun.width(of: $1.text) }
    if !shortHint.isEmpty {
      let titleRoom = area.width - tailWidth - 1 - TextRun.width(of: shortHint) - 1
      if TextRun.width(of: titleText) > titleRoom, titleRoom >= Self.shortestTitle + 1 {
        let cut = TextRun.truncated(title, to: titleRoom - 1)
        titleText = " " + (cut.hasSuffix(" …") ? String(cut.dropLast(2)) + "…" : cut)
      }
    }
    let leftWidth = TextRun.width(of: titleText) + tailWidth + 1
    let hints = [keyHint, shortHint, ""].map { $0.isEmpty ? "" : $0 + " " }
    // The pointer's readout is what the user asks for now: it goes before the long
    // hint (at 80 columns "keys act on: all ·" gives way to it), not before "? help".
    let readoutWidth = pointer.isEmpty ? 0 : TextRun.width(of: pointer) + 3
    let hint =
      hints.dropLast().first { leftWidth + readoutWidth + TextRun.width(of: $0) <= area.width }
      ?? hints.first { leftWidth + TextRun.width(of: $0) <= area.width } ?? ""
    let recordingRoom = area.width - leftWidth - TextRun.width(of: hint)
    let recording =
      recordingLabel.isEmpty || TextRun.width(of: recordingLabel) + 2 > recordingRoom
      ? "" : recordingLabel + "  "
    let fixed =
      TextRun.width(of: titleText) + tail.reduce(0) { $0 + TextRun.width(of: $1.text) }
      + TextRun.width(of: recording) + TextRun.width(of: hint) + 1
    var middle: [TextRun] = []
    let viewRun = [
      separator,
      TextRun(
        viewText, color: pointer.isEmpty ? foreground : theme.heading,
        attributes: pointer.isEmpty ? [] : [.bold]),
    ]
    let viewWidth = TextRun.width(of: viewText) + 3
    var room = area.width - fixed
    if room >= viewWidth {
      room -= viewWidth
    }
    let formulaRoom = room - 2
    if formulaRoom >= 8, !formula.isEmpty {
      middle.append(TextRun("  " + TextRun.truncated(formula, to: formulaRoom), color: theme.text))
    }
    if area.width - fixed >= viewWidth { middle += viewRun }
    let runs =
      [TextRun(titleText, color: foreground, attributes: [.bold])] + middle + tail
    TextRun.write(
      runs, into: &canvas, x: area.x, y: area.y, width: area.width, background: background)
    let hintWidth = TextRun.width(of: hint)
    let recordingWidth = TextRun.width(of: recording)
    if !hint.isEmpty, area.width > hintWidth {
      TextRun.write(
        [TextRun(hint, color: theme.dimText)], into: &canvas,
        x: area.x + area.width - hintWidth, y: area.y, width: hintWidth,
        background: background)
    }
    let recordingX = area.width - hintWidth - recordingWidth
    if !recording.isEmpty, recordingX > TextRun.width(of: titleText) {
      TextRun.write(
        [TextRun(recording, color: theme.error, attributes: [.bold])], into: &canvas,
        x: area.x + recordingX, y: area.y, width: recordingWidth, background: background)
    }
  }
}
