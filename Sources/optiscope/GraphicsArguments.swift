import ArgumentParser
import TerminalGraphics

import LibC

/// `--graphics auto|kitty|sixel|none`: the live map as an image in terminals that show
/// images (see README "Images in the terminal").
struct GraphicsArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The map as an image: auto (ask the terminal; text in tmux or screen), kitty, sixel, "
        + "or none (text).",
      valueName: "how"))
  var graphics: GraphicsMode = .auto

  /// Decides how to show the map, asking the terminal when that is needed; before the
  /// screen is taken over, so the replies never reach the program's input.
  func choice() -> GraphicsChoice {
    var environment: [String: String] = [:]
    for name in ["TERM", "TMUX", "STY"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return GraphicsChoice.decide(
      mode: graphics, environment: environment, windowCellSize: TerminalProbe.windowCellSize(),
      ask: { TerminalProbe.ask() })
  }
}

extension GraphicsMode: ExpressibleByArgument {}
