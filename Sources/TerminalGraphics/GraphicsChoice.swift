/// Which way the live map is shown, decided once at start from `--graphics`, the
/// environment and the terminal's answer: an image protocol with the cell size it is
/// drawn at, or the text map, with a line for the user when an asked-for protocol
/// cannot be used.
public struct GraphicsChoice: Hashable, Sendable {
  /// The protocol to draw the map with; nil for the text map.
  public var imageProtocol: ImageProtocol?
  /// The cell size the terminal reported at start (by `CSI 16 t`), for when the
  /// kernel's window size has no pixels.
  public var reportedCellSize: CellSize?
  /// How many colours a sixel image may use (the terminal's colour registers, at most 256).
  public var sixelColors = 256
  /// Why an explicitly asked-for protocol is not used, for the message line; nil otherwise.
  public var notice: String?

  public init(
    imageProtocol: ImageProtocol? = nil, reportedCellSize: CellSize? = nil, sixelColors: Int = 256,
    notice: String? = nil
  ) {
    self.imageProtocol = imageProtocol
    self.reportedCellSize = reportedCellSize
    self.sixelColors = sixelColors
    self.notice = notice
  }

  /// The multiplexer `environment` shows optiscope runs in (tmux, GNU screen), if any.
  /// Both stand between the program and the terminal and do not pass images on
  /// unless configured to (passthrough), which is not tried.
  public static func multiplexer(in environment: [String: String]) -> String? {
    if !(environment["TMUX"] ?? "").isEmpty { return "tmux" }
    if !(environment["STY"] ?? "").isEmpty { return "GNU screen" }
    let term = environment["TERM"] ?? ""
    if term.hasPrefix("tmux") { return "tmux" }
    if term.hasPrefix("screen") { return "GNU screen" }
    return nil
  }

  /// Decides for `mode`: `ask` puts the questions to the terminal (only called when
  /// there is one to ask), `windowCellSize` is the kernel's idea of the cell size.
  ///
  /// `auto` shows images only when the terminal says it can (kitty's reply first,
  /// then sixel by the device attributes) and its cell size is known; anything
  /// else — no answer in time, a multiplexer, the Linux console — is the text map.
  /// `kitty` and `sixel` trust the user about the protocol but still need the cell
  /// size, and are not sent through a multiplexer.
  public static func decide(
    mode: GraphicsMode, environment: [String: String], windowCellSize: CellSize?,
    ask: () -> TerminalAnswer?
  ) -> GraphicsChoice {
    guard mode != .none else { return GraphicsChoice() }
    let asked = mode.named
    func textMap(_ reason: String) -> GraphicsChoice {
      GraphicsChoice(
        notice: asked.map { "--graphics \($0.rawValue): \(reason); the map is text" })
    }
    if let multiplexer = multiplexer(in: environment) {
      return textMap("\(multiplexer) does not pass images through")
    }
    let term = environment["TERM"] ?? ""
    if term.isEmpty || term == "dumb" || term == "linux" {
      return textMap(term.isEmpty ? "TERM is not set" : "the \(term) terminal shows no images")
    }
    let answer = ask()
    let chosen: ImageProtocol?
    if let asked {
      chosen = asked
    } else if let answer, answer.kittyGraphics {
      chosen = .kitty
    } else if let answer, answer.sixel {
      chosen = .sixel
    } else {
      chosen = nil
    }
    guard let chosen else { return GraphicsChoice() }
    let reported = answer?.cellSize
    guard windowCellSize != nil || reported != nil else {
      return textMap("the terminal does not tell its cell size in pixels")
    }
    return GraphicsChoice(
      imageProtocol: chosen, reportedCellSize: reported,
      sixelColors: min(max(answer?.colorRegisters ?? 256, 2), 256))
  }
}
