import Testing

@testable import Plot

/// The widgets moved from App draw inside the area they are given, not at the canvas's origin.
@Suite struct WidgetTests {
  @Test("the input line is drawn on its area's row, from its area's left, and nowhere else")
  func inputLineInItsArea() {
    var canvas = Canvas(lines: Array(repeating: String(repeating: "#", count: 40), count: 3))
    InputLineView(
      prompt: "x0 = ", characters: Array("1, 2"), cursor: 4, note: .hint("Enter"),
      theme: .standard
    ).draw(into: &canvas, area: Region(x: 4, y: 1, width: 30, height: 1))
    #expect(
      canvas.lines == [
        String(repeating: "#", count: 40),
        "#### x0 = 1, 2   Enter            ######",
        String(repeating: "#", count: 40),
      ])
  }

  @Test("the help is framed in the middle of its area, with the rows it is given")
  func helpInItsArea() {
    var canvas = Canvas(lines: Array(repeating: String(repeating: "#", count: 30), count: 8))
    HelpOverlay(rows: [("q", "quit the program and more")], theme: .standard, usesASCII: true)
      .draw(into: &canvas, area: Region(x: 10, y: 1, width: 20, height: 7))
    #expect(
      canvas.lines == [
        "##############################",
        "##############################",
        "##########+- optiscope keys -+",
        "##########| q  quit the pro… |",
        "##########|                  |",
        "##########| any key closes … |",
        "##########+------------------+",
        "##############################",
      ])
  }
}
