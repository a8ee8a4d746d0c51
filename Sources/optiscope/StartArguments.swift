import ArgumentParser

/// `--start X,Y` (X for a function of one variable) as `trace`, `run`, `render` and `record`
/// take it: declared once, so its help and parsing are the same in every command.
///
/// Kept as typed: which function it is on decides whether one number or two is right
/// (`FunctionArguments.startPoint`), and a scene file's own start yields to it.
struct StartArguments: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The start point X,Y (write --start=-1.5,2 or --start -1.5,2).", valueName: "x,y"))
  var start: String?
}
