import Plot

extension InputLineView {
  /// The bottom row for `line`: its prompt, text and cursor, and as the note the length
  /// limit when a character was refused, else the line's error, else the keys that finish it.
  ///
  /// `isOneVariable` words the prompt for a function of x alone: `f(x) = `, `start x = `.
  init(line: InputLine, theme: Theme, isOneVariable: Bool = false) {
    let note: Note =
      if line.isAtLimit {
        .error("at most \(InputLine.maximumLength) characters")
      } else if let error = line.error {
        .error(error)
      } else {
        .hint(
          "Enter " + (line.purpose == .expression ? "use it" : "restart there") + ", Esc cancel")
      }
    self.init(
      prompt: isOneVariable
        ? (line.purpose == .expression ? "f(x) = " : "start x = ") : line.purpose.prompt,
      characters: line.characters, cursor: line.cursor, note: note,
      theme: theme)
  }
}
