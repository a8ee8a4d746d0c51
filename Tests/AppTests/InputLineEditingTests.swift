import App
import OptimKit
import Plot
import Testing

/// The `e` and `s` lines edit like readline's basics and hold at most 1,000 characters.
@Suite("Input line editing")
struct InputLineEditingTests {
  /// Applies `keys` to `line`, expecting each one to edit.
  private func edit(_ line: inout InputLine, _ keys: [Key]) {
    for key in keys {
      let edited = line.edit(key)
      #expect(edited, "\(key) should edit")
    }
  }

  private func typing(_ text: String) -> [Key] { text.map { .character($0) } }

  @Test("the cursor moves with Left/Right, Home/End, Ctrl-A/Ctrl-E; typing inserts at it")
  func cursorMovement() {
    var line = InputLine(purpose: .expression, text: "x^2 + y^2")
    #expect(line.cursor == 9)
    edit(&line, [.left, .left, .left] + typing("3*"))
    #expect(line.text == "x^2 + 3*y^2")
    #expect(line.cursor == 8)
    edit(&line, [.home] + typing("(") + [.end] + typing(")"))
    #expect(line.text == "(x^2 + 3*y^2)")
    edit(&line, [.control("a"), .right] + typing("-") + [.control("e"), .left])
    #expect(line.text == "(-x^2 + 3*y^2)")
    #expect(line.cursor == 13)
    // Movement stops at the ends.
    edit(&line, [.right, .right, .right])
    #expect(line.cursor == 14)
    edit(&line, [.home, .left, .control("b")])
    #expect(line.cursor == 0)
  }

  @Test("Backspace, Delete, Ctrl-W, Ctrl-U and Ctrl-K delete around the cursor")
  func deletion() {
    var line = InputLine(purpose: .expression, text: "sin(x) + cos(y)  ")
    edit(&line, [.control("w")])
    #expect(line.text == "sin(x) + ")
    edit(&line, [.control("w")])
    #expect(line.text == "sin(x) ")
    edit(&line, [.home, .delete, .delete, .delete])
    #expect(line.text == "(x) ")
    edit(&line, [.backspace])  // nothing before the cursor
    #expect(line.text == "(x) ")
    edit(&line, [.end, .backspace, .left, .control("u")])
    #expect(line.text == ")")
    #expect(line.cursor == 0)
    line = InputLine(purpose: .start, text: "1.5,-2")
    edit(&line, [.left, .left, .left, .control("k")])
    #expect(line.text == "1.5")
    edit(&line, [.end, .delete])  // nothing after the cursor
    #expect(line.text == "1.5")
  }

  @Test("e and s open with the current expression and start point; Enter takes them as they are")
  func prefilled() throws {
    var model = try Fixture.model()
    let start = model.start
    (model, _) = Fixture.send([Fixture.key("e")], to: model)
    #expect(model.input?.text == "(x^2+y-11)^2 + (x+y^2-7)^2")
    (model, _) = Fixture.send([.key(.enter)], to: model)
    #expect(model.input == nil)
    #expect(model.function.formula == "(x^2+y-11)^2 + (x+y^2-7)^2")
    (model, _) = Fixture.send([.click(column: 30, row: 10), Fixture.key("s")], to: model)
    let clicked = model.start
    #expect(clicked != start)
    let text = try #require(model.input?.text)
    #expect(text == "\(clicked.x),\(clicked.y)".replacing(".0,", with: ","))
    (model, _) = Fixture.send([.key(.enter)], to: model)
    #expect(model.input == nil)
    #expect(model.start == clicked)
  }

  @Test("Up and Down walk the entries of this session, per line; the line being written comes back")
  func history() throws {
    var model = try Fixture.model()
    for entry in ["x^2 + y^2", "x^2 + 3*y^2"] {
      (model, _) = Fixture.send(
        [Fixture.key("e"), .key(.control("u"))] + Fixture.typing(entry) + [.key(.enter)],
        to: model)
    }
    (model, _) = Fixture.send(
      [Fixture.key("s"), .key(.control("u"))] + Fixture.typing("1,1") + [.key(.enter)], to: model)
    (model, _) = Fixture.send([Fixture.key("e")] + Fixture.typing(" + x"), to: model)
    #expect(model.input?.text == "x^2 + 3*y^2 + x")
    (model, _) = Fixture.send([.key(.up)], to: model)
    #expect(model.input?.text == "x^2 + 3*y^2")
    (model, _) = Fixture.send([.key(.up)], to: model)
    #expect(model.input?.text == "x^2 + y^2")
    (model, _) = Fixture.send([.key(.up)], to: model)  // the oldest stays
    #expect(model.input?.text == "x^2 + y^2")
    (model, _) = Fixture.send([.key(.down), .key(.down)], to: model)
    #expect(model.input?.text == "x^2 + 3*y^2 + x")
    (model, _) = Fixture.send([.key(.up), .key(.enter)], to: model)
    #expect(model.function.formula == "x^2 + 3*y^2")
    // The start line has its own entries.
    (model, _) = Fixture.send([Fixture.key("s"), .key(.control("u")), .key(.up)], to: model)
    #expect(model.input?.text == "1,1")
    #expect(model.inputHistory[.expression] == ["x^2 + y^2", "x^2 + 3*y^2"])
  }

  @Test("the cursor block shows where typing happens, on the character it is before")
  func cursorShown() throws {
    var model = try Fixture.model(width: 60, height: 20)
    (model, _) = Fixture.send(
      [Fixture.key("s"), .key(.control("u"))] + Fixture.typing("1.5,-2") + [.key(.home)],
      to: model)
    let canvas = view(model)
    let row = canvas.height - 1
    let expected = " start x,y = 1.5,-2  Enter restart there, Esc cancel"
    #expect(canvas.lines[row] == expected + String(repeating: " ", count: 60 - expected.count))
    let reversed = (0..<canvas.width).filter { canvas[$0, row].attributes.contains(.reverse) }
    #expect(reversed == [13])
    (model, _) = Fixture.send([.key(.end)], to: model)
    let atEnd = view(model)
    #expect(
      (0..<atEnd.width).filter { atEnd[$0, row].attributes.contains(.reverse) } == [19])
  }

  @Test("a line longer than the row shows the part around the cursor, cut with …")
  func longLineScrolls() throws {
    var model = try Fixture.model(width: 40, height: 12)
    let text = (0..<30).map { "x\($0 % 10)" }.joined()  // 60 characters
    (model, _) = Fixture.send(
      [Fixture.key("e"), .key(.control("u"))] + Fixture.typing(text), to: model)
    let row = 11
    var canvas = view(model)
    let prompt = " f(x,y) = "
    // The text keeps 16 cells and the hint what is left of the row.
    func padded(_ line: String) -> String {
      line + String(repeating: " ", count: max(0, 40 - line.count))
    }
    // At the end: the last characters and the cursor block.
    #expect(
      canvas.lines[row] == padded(prompt + "…" + String(text.suffix(14)) + " " + "  Enter use it"))
    (model, _) = Fixture.send([.key(.home)], to: model)
    canvas = view(model)
    #expect(
      canvas.lines[row] == padded(prompt + String(text.prefix(15)) + "…" + "  Enter use it"))
    #expect(
      (0..<canvas.width).filter { canvas[$0, row].attributes.contains(.reverse) } == [10])
  }

  @Test(
    "at 1,000 characters keys are refused and the line says so; a paste of 200,000 costs no more")
  func lengthLimit() throws {
    var model = try Fixture.model(width: 80, height: 24)
    (model, _) = Fixture.send(
      [Fixture.key("e"), .key(.control("u"))] + Fixture.typing(String(repeating: "x+", count: 600)),
      to: model)
    let line = try #require(model.input)
    #expect(line.characters.count == InputLine.maximumLength)
    #expect(line.isAtLimit)
    #expect(
      Fixture.screen(model).split(separator: "\n").last?.contains("at most 1000 characters") == true
    )
    // Inserting in the middle is refused too; deleting clears the note.
    (model, _) = Fixture.send([.key(.home), Fixture.key("y")], to: model)
    #expect(model.input?.text.first == "x")
    (model, _) = Fixture.send([.key(.delete)], to: model)
    #expect(model.input?.isAtLimit == false)
    #expect(model.input?.characters.count == 999)
    // Many more keys: the line stays at the limit, and Enter takes it (an expression of 1,000).
    var fast = InputLine(purpose: .expression)
    for _ in 0..<200_000 { _ = fast.edit(.character("1")) }
    #expect(fast.characters.count == InputLine.maximumLength)
    (model, _) = Fixture.send([.key(.control("u")), .key(.control("k"))], to: model)
    (model, _) = Fixture.send(
      Fixture.typing(
        "x" + String(repeating: "+x", count: 499) + " " + String(repeating: "+x", count: 99))
        + [.key(.enter)], to: model)
    #expect(model.input == nil)
    #expect((999...1000).contains(model.function.formula.count))
    #expect(model.function.formula.hasPrefix("x+x+x"))
  }

  @Test("the new keys read back from a log as written")
  func logNames() {
    for key: Key in [.home, .end, .control("a"), .control("w"), .control("z")] {
      #expect(Key(logName: key.logName) == key)
    }
    #expect(Key.control("w").logName == "ctrl-w")
    #expect(Key(logName: "ctrl-") == nil)
    #expect(Key(logName: "ctrl-ab") == nil)
  }
}
