import Plot

/// Decides how many colours headless output (`render`, `themes`) uses, the way
/// the live screen would decide it.
///
/// One rule for every command: `never` and `NO_COLOR` mean no colour at
/// all; `auto` colours only a terminal; the depth is the terminal's own
/// (from terminfo), unless `--colors` asks for fewer or more.
public enum ColorPolicy {
  /// When to colour: as `--color` takes it.
  public enum Mode: String, CaseIterable, Sendable {
    /// Colour when printing to a terminal that has colours, unless `NO_COLOR` is set.
    case auto
    /// Colour even into a pipe or file, and in spite of `NO_COLOR`.
    case always
    /// No colour at all.
    case never
  }

  /// The colour depth to print with.
  ///
  /// - Parameters:
  ///   - mode: `--color`.
  ///   - requestedColors: `--colors` (256, 16 or 8), if given.
  ///   - isTerminal: whether stdout is a terminal.
  ///   - noColor: whether `NO_COLOR` is set to something non-empty.
  ///   - terminalColors: how many colours `TERM`'s terminfo entry declares, if known.
  ///   - terminalHasTrueColor: whether the terminal says it takes 24-bit colour
  ///     (`COLORTERM=truecolor|24bit`, or terminfo's `RGB`/`Tc` flag).
  public static func depth(
    mode: Mode, requestedColors: Int?, isTerminal: Bool, noColor: Bool, terminalColors: Int?,
    terminalHasTrueColor: Bool = false
  ) -> ColorDepth {
    switch mode {
    case .never: return .none
    case .auto:
      guard isTerminal, !noColor else { return .none }
      if let requestedColors { return ColorDepth(colors: requestedColors) }
      if terminalHasTrueColor { return .truecolor }
      return ColorDepth(colors: terminalColors ?? 0)
    case .always:
      if let requestedColors { return ColorDepth(colors: requestedColors) }
      if terminalHasTrueColor { return .truecolor }
      // Asked for colour by name: the terminal's depth if it has colours, else all 256.
      let known = ColorDepth(colors: terminalColors ?? 0)
      return known == .none ? .full256 : known
    }
  }

  /// Whether `COLORTERM`'s value announces 24-bit colour (`truecolor` or `24bit`).
  public static func announcesTrueColor(colorTerm: String?) -> Bool {
    guard let value = colorTerm?.lowercased() else { return false }
    return value == "truecolor" || value == "24bit"
  }

  /// The most colours the live screen may use (the terminal still caps it).
  public static func maximumDepth(mode: Mode, requestedColors: Int?) -> ColorDepth {
    if mode == .never { return .none }
    return requestedColors.map { ColorDepth(colors: $0) } ?? .truecolor
  }

  /// `--colors` values that are accepted (24-bit colour is written `24bit`).
  public static let acceptedColorCounts = [ColorDepth.truecolor.rawValue, 256, 16, 8]

  /// The `--colors` value for a word: `24bit` (or `truecolor`), 256, 16 or 8; nil otherwise.
  public static func colorCount(argument: String) -> Int? {
    switch argument.lowercased() {
    case "24bit", "truecolor", "24": return ColorDepth.truecolor.rawValue
    default:
      guard let count = Int(argument), acceptedColorCounts.contains(count) else { return nil }
      return count
    }
  }
}
