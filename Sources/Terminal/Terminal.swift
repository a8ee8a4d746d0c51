import CNCursesW
import LibC
import Plot

/// The full-screen terminal: takes it over, reads keys and clicks, shows canvases, gives it back.
///
/// This is the only code in optiscope that talks to the terminal, through a
/// `TerminalBackend`: ncurses (`NCursesBackend`) for the program, memory for
/// the tests of what is decoded and what is sent. It is a class because it
/// owns a resource (the screen) that must be released exactly once; `stop()`
/// does that, and so do `deinit`, an atexit hook and the signal handlers
/// installed in `CNCursesW/shim.h`, so the user's terminal is restored on
/// every way out. Use it from one thread only.
public final class Terminal {
  /// How many colours cells are drawn with (none when `NO_COLOR` is set or the terminal has none).
  public let colorDepth: ColorDepth
  /// Whether the locale is UTF-8, so braille, block elements and box drawing can be shown.
  public let supportsUnicode: Bool

  private let backend: any TerminalBackend
  private var running = true
  private var pairs: ColorPairTable
  /// What is on the screen now (row-major, `shownWidth` × `shownHeight`), to send only changes.
  private var shown: [Cell] = []
  /// The colour pair each shown cell was written with, so that pairs no cell uses can be reused.
  private var shownPairs: [Int32] = []
  private var shownWidth = -1
  private var shownHeight = -1
  /// Consecutive reads that failed long before their timeout: a closed input, not a tick.
  private var earlyFailures = 0
  /// Events read ahead after an ESC that turned out not to start a mouse report.
  private var pending: [TerminalEvent] = []

  /// Takes over the terminal.
  ///
  /// - Parameters:
  ///   - maximumColorDepth: the most colours to use (`.none` for `--color never`);
  ///     the terminal's own ability still caps it.
  ///   - honorsNoColor: whether a non-empty `NO_COLOR` turns colour off
  ///     (false for an explicit `--color always`).
  ///   - mouse: whether to ask for mouse clicks.
  /// - Throws: `TerminalError` when stdout or stdin is not a terminal, or
  ///   ncurses cannot start for this `TERM`; the screen is untouched then.
  public convenience init(
    maximumColorDepth: ColorDepth = .full256, honorsNoColor: Bool = true, mouse: Bool = true
  ) throws(TerminalError) {
    let curses = try NCursesBackend(
      maximumColorDepth: maximumColorDepth, honorsNoColor: honorsNoColor, mouse: mouse)
    self.init(
      backend: curses, colorDepth: curses.colorDepth, supportsUnicode: curses.supportsUnicode,
      pairCount: curses.pairCount, colorCount: curses.colorCount,
      hasDefaultColors: curses.hasDefaultColors)
  }

  /// A terminal over `backend`, already started, with the abilities it was started with.
  init(
    backend: any TerminalBackend, colorDepth: ColorDepth, supportsUnicode: Bool,
    pairCount: Int, colorCount: Int, hasDefaultColors: Bool
  ) {
    self.backend = backend
    self.colorDepth = colorDepth
    self.supportsUnicode = supportsUnicode
    pairs = ColorPairTable(
      pairCount: colorDepth == .none ? 0 : pairCount,
      colorCount: colorDepth == .none ? 0 : colorCount,
      hasDefaultColors: hasDefaultColors)
  }

  deinit { stop() }

  /// Gives the terminal back as it was: leaves curses once, shows the cursor, stops the mouse.
  ///
  /// Safe to call more than once; later calls do nothing.
  public func stop() {
    guard running else { return }
    running = false
    backend.stop()
  }

  /// Whether the terminal is still taken over (`stop()` not yet called).
  public var isRunning: Bool { running }

  /// The screen size in cells, as curses knows it now.
  public var size: (width: Int, height: Int) {
    guard running else { return (0, 0) }
    return backend.size
  }

  // MARK: - Input

  /// Waits for the next event, at most `timeout` (nil: until something happens).
  ///
  /// With nil the process sleeps in the kernel until a key, click, resize or
  /// signal arrives, so a paused program uses no CPU.
  public func nextEvent(timeout: Duration?) -> TerminalEvent {
    guard running else { return .endOfInput }
    if !pending.isEmpty { return pending.removeFirst() }
    let clock = ContinuousClock()
    let deadline = timeout.map { clock.now + $0 }
    while true {
      if let signal = backend.pendingSignal { return .signal(signal) }
      var waitMilliseconds: Int32 = -1
      if let deadline {
        let remaining = clock.now.duration(to: deadline)
        waitMilliseconds = Int32(clamping: max(0, Terminal.milliseconds(remaining)))
      }
      let started = clock.now
      let input = backend.read(timeoutMilliseconds: waitMilliseconds)
      if let signal = backend.pendingSignal { return .signal(signal) }
      if input == .nothing {
        // The timeout ran out, or a signal interrupted the read, or the
        // input is closed. The last one returns at once, every time.
        let waited = Terminal.milliseconds(started.duration(to: clock.now))
        let expected = Int64(waitMilliseconds)
        if waitMilliseconds < 0 || waited + 5 < expected {
          earlyFailures += 1
          if earlyFailures >= 50 { return .endOfInput }
          if waitMilliseconds >= 0, let deadline, clock.now >= deadline { return .timeout }
          continue
        }
        earlyFailures = 0
        return .timeout
      }
      earlyFailures = 0
      if input == .character(27) {
        if let event = readAfterEscape() { return event }
      } else if let event = decode(input) {
        guard event == .key(.control("z")) else { return event }
        // Ctrl-Z suspends, as in any terminal program; once continued, the whole
        // screen is drawn again at whatever size the terminal has now.
        backend.suspend()
        backend.forgetScreen()
        shownWidth = -1
        let (width, height) = size
        return .resize(width: width, height: height)
      }
      if let deadline, clock.now >= deadline { return .timeout }
    }
  }

  /// What follows an ESC: a mouse report in the encoding ncurses did not decode
  /// (see `MouseReport`) becomes a click or nothing; anything else is the Esc key,
  /// with the characters read after it kept for the next calls.
  private func readAfterEscape() -> TerminalEvent? {
    var codes: [UInt32] = []
    while true {
      switch MouseReport.read(codes) {
      case .report(.press(let column, let row)): return .mouseClick(column: column, row: row)
      case .report(.motion(let column, let row)): return .mouseMove(column: column, row: row)
      case .report(.other): return nil
      case .notAReport:
        pending.append(contentsOf: codes.compactMap(Self.event(forCharacter:)))
        return .key(.escape)
      case .incomplete:
        // A report comes in one write, so its characters are already waiting; a
        // lone Esc has waited ESCDELAY in ncurses already.
        let input = backend.read(timeoutMilliseconds: codes.isEmpty ? 5 : 50)
        if case .character(let code) = input {
          codes.append(code)
          continue
        }
        if MouseReport.isStartOfReport(codes) { return nil }
        pending.append(contentsOf: codes.compactMap(Self.event(forCharacter:)))
        if input != .nothing, let event = decode(input) { pending.append(event) }
        return .key(.escape)
      }
    }
  }

  /// The event of one input other than ESC, nil for one the program has no use for.
  private func decode(_ input: TerminalInput) -> TerminalEvent? {
    switch input {
    case .character(let code): return Self.event(forCharacter: code)
    case .key(let key): return .key(key)
    case .mousePress(let column, let row): return .mouseClick(column: column, row: row)
    case .mouseMotion(let column, let row): return .mouseMove(column: column, row: row)
    case .resize:
      // curses has already resized its windows; repaint everything next draw.
      backend.forgetScreen()
      shownWidth = -1
      let (width, height) = size
      return .resize(width: width, height: height)
    case .ignored, .nothing: return nil
    }
  }

  /// The event of a character (a Unicode scalar value) read by `get_wch`, nil for
  /// one the program has no use for (NUL, Ctrl-\ …); apart from the screen, for tests.
  static func event(forCharacter code: UInt32) -> TerminalEvent? {
    switch code {
    case 3: return .interrupt
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    case 1...26:
      // Ctrl-A is 1, Ctrl-Z is 26.
      guard let letter = Unicode.Scalar(UInt32(96) + code) else { return nil }
      return .key(.control(Character(letter)))
    case 0..<32: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  // MARK: - Output

  /// Shows `canvas`, sending only the cells that differ from the last frame.
  ///
  /// The canvas is clipped to the screen (and the screen outside it is blank),
  /// so any canvas is safe at any terminal size. After a resize the whole
  /// screen is repainted.
  public func draw(_ canvas: Canvas) {
    guard running else { return }
    let (width, height) = size
    let repaintAll = width != shownWidth || height != shownHeight
    if repaintAll {
      // Every cell is written again: the pairs of the old frame are free once
      // the new cells have taken theirs.
      for pair in shownPairs { pairs.release(pair) }
    }
    var next = [Cell]()
    next.reserveCapacity(width * height)
    var nextPairs = [Int32]()
    nextPairs.reserveCapacity(width * height)
    for row in 0..<height {
      for column in 0..<width {
        let cell = canvas[column, row]
        let index = row * width + column
        next.append(cell)
        if !repaintAll {
          if shown[index] == cell {
            nextPairs.append(shownPairs[index])
            continue
          }
          pairs.release(shownPairs[index])
        }
        nextPairs.append(put(cell, column: column, row: row))
      }
    }
    shown = next
    shownPairs = nextPairs
    shownWidth = width
    shownHeight = height
    backend.refresh()
  }

  /// Writes one cell and returns the colour pair it took (held until the cell is written over).
  private func put(_ cell: Cell, column: Int, row: Int) -> Int32 {
    var glyph = cell.glyph
    // A glyph the terminal cannot show in one column (control, double width, or
    // not representable in this locale) would shift the rest of the row.
    if backend.columns(of: glyph) != 1 {
      glyph = glyph.properties.isWhitespace ? " " : "?"
    }
    var pairNumber: Int32 = 0
    if colorDepth != .none {
      let (foreground, background) =
        colorDepth == .truecolor
        ? (Self.direct(cell.foreground), Self.direct(cell.background))
        : (cell.foreground.index(at: colorDepth), cell.background.index(at: colorDepth))
      pairNumber = pairs.pair(foreground: foreground, background: background) {
        number, key in
        backend.definePair(number, foreground: key.foreground, background: key.background)
      }
      pairs.retain(pairNumber)
    }
    let attributes = cell.foreground.attributes(cell.attributes, at: colorDepth)
    backend.put(glyph, attributes: attributes, pair: pairNumber, column: column, row: row)
    return pairNumber
  }

  /// A colour's number on a direct-colour terminal: 0xRRGGBB, where numbers
  /// below 8 are the basic colours, so the darkest blues become 8 (#000008).
  private static func direct(_ color: Color) -> Int? {
    color.trueColor.map { Int(max($0, 8)) }
  }

  // MARK: - Capabilities without a screen

  /// Whether the terminal named `term` (nil: `$TERM`) takes 24-bit colours by
  /// its terminfo entry (the `RGB` or `Tc` flag, or direct colour), for headless
  /// output; `COLORTERM` is the executable's to read.
  public static func hasTrueColor(term: String? = nil) -> Bool {
    guard let name = term ?? environment("TERM"), !name.isEmpty else { return false }
    return optiscope_terminfo_truecolor(name) != 0
  }

  /// How many colours the terminal named `term` (nil: `$TERM`) has, from its
  /// terminfo entry, or nil when it is unknown or has none; for headless output
  /// that should look like the screen would.
  public static func colorCount(term: String? = nil) -> Int? {
    let colors: Int32
    if let term {
      colors = optiscope_terminfo_colors(term)
    } else {
      guard let value = environment("TERM"), !value.isEmpty else { return nil }
      colors = optiscope_terminfo_colors(value)
    }
    return colors > 0 ? Int(colors) : nil
  }

  /// Whether the user's locale encodes text as UTF-8 (else only ASCII is safe to print).
  public static var localeIsUTF8: Bool { optiscope_environment_locale_is_utf8() != 0 }

  // MARK: - Helpers

  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  private static func milliseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1000 + attoseconds / 1_000_000_000_000_000
  }
}
