import CNCursesW
import LibC
import Plot

/// The full-screen terminal: takes it over, reads keys and clicks, shows canvases, gives it back.
///
/// This is the only code in optiscope that talks to ncurses. It is a class
/// because it owns a resource (the screen) that must be released exactly
/// once; `stop()` does that, and so do `deinit`, an atexit hook and the
/// signal handlers installed in `CNCursesW/shim.h`, so the user's terminal is
/// restored on every way out. Use it from one thread only.
public final class Terminal {
  /// How many colours cells are drawn with (none when `NO_COLOR` is set or the terminal has none).
  public let colorDepth: ColorDepth
  /// Whether the locale is UTF-8, so braille, block elements and box drawing can be shown.
  public let supportsUnicode: Bool

  private var screen: OpaquePointer?
  private var pairs: ColorPairTable
  /// What is on the screen now (row-major, `shownWidth` × `shownHeight`), to send only changes.
  private var shown: [Cell] = []
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
  public init(
    maximumColorDepth: ColorDepth = .full256, honorsNoColor: Bool = true, mouse: Bool = true
  ) throws(TerminalError) {
    guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
      throw .notATerminal
    }
    guard optiscope_is_curses_active() == 0 else { throw .alreadyRunning }
    optiscope_install_handlers()
    guard let screen = optiscope_start_curses() else {
      optiscope_remove_handlers()
      throw .cannotStart(term: Terminal.environment("TERM"))
    }
    self.screen = screen
    supportsUnicode = optiscope_locale_is_utf8() != 0

    raw()
    noecho()
    nonl()
    let window = optiscope_stdscr()
    keypad(window, true)
    leaveok(window, true)
    curs_set(0)
    set_escdelay(25)
    if mouse {
      mousemask(optiscope_button1_pressed() | optiscope_button1_clicked(), nil)
      // Report presses at once instead of waiting to tell clicks from double clicks.
      mouseinterval(0)
    }

    let noColor = honorsNoColor && (Terminal.environment("NO_COLOR").map { !$0.isEmpty } ?? false)
    var depth = ColorDepth.none
    if !noColor, maximumColorDepth != .none, has_colors() {
      if start_color() == OK {
        depth = min(maximumColorDepth, ColorDepth(colors: Int(optiscope_colors())))
      }
    }
    colorDepth = depth
    let hasDefaultColors = depth != .none && use_default_colors() == OK
    pairs = ColorPairTable(
      pairCount: depth == .none ? 0 : Int(optiscope_color_pairs()),
      colorCount: depth == .none ? 0 : Int(optiscope_colors()),
      hasDefaultColors: hasDefaultColors)
  }

  deinit { stop() }

  /// Gives the terminal back as it was: leaves curses once, shows the cursor, stops the mouse.
  ///
  /// Safe to call more than once; later calls do nothing.
  public func stop() {
    guard let screen else { return }
    if optiscope_has_alternate_screen() == 0 {
      // No separate screen to return to (vt100, linux console): leave a clean
      // one rather than the last frame with the prompt in its bottom row.
      werase(optiscope_stdscr())
      wrefresh(optiscope_stdscr())
    }
    optiscope_end_curses()
    delscreen(screen)
    self.screen = nil
    optiscope_remove_handlers()
    fflush(nil)
  }

  /// Whether the terminal is still taken over (`stop()` not yet called).
  public var isRunning: Bool { screen != nil }

  /// The screen size in cells, as curses knows it now.
  public var size: (width: Int, height: Int) {
    guard screen != nil else { return (0, 0) }
    var rows: Int32 = 0
    var columns: Int32 = 0
    optiscope_getmaxyx(optiscope_stdscr(), &rows, &columns)
    return (Int(max(0, columns)), Int(max(0, rows)))
  }

  // MARK: - Input

  /// Waits for the next event, at most `timeout` (nil: until something happens).
  ///
  /// With nil the process sleeps in the kernel until a key, click, resize or
  /// signal arrives, so a paused program uses no CPU.
  public func nextEvent(timeout: Duration?) -> TerminalEvent {
    guard screen != nil else { return .endOfInput }
    if !pending.isEmpty { return pending.removeFirst() }
    let clock = ContinuousClock()
    let deadline = timeout.map { clock.now + $0 }
    while true {
      if let signal = pendingSignal() { return .signal(signal) }
      var waitMilliseconds: Int32 = -1
      if let deadline {
        let remaining = clock.now.duration(to: deadline)
        waitMilliseconds = Int32(clamping: max(0, Terminal.milliseconds(remaining)))
      }
      wtimeout(optiscope_stdscr(), waitMilliseconds)
      let started = clock.now
      var input: wint_t = 0
      let status = wget_wch(optiscope_stdscr(), &input)
      if let signal = pendingSignal() { return .signal(signal) }
      switch status {
      case OK:
        earlyFailures = 0
        if UInt32(input) == 27 {
          if let event = readAfterEscape() { return event }
        } else if let event = decodeCharacter(UInt32(input)) {
          return event
        }
      case KEY_CODE_YES:
        earlyFailures = 0
        if let event = decodeKey(Int32(bitPattern: UInt32(input))) { return event }
      default:
        // ERR: the timeout ran out, or a signal interrupted the read, or the
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
      if let deadline, clock.now >= deadline { return .timeout }
    }
  }

  private func pendingSignal() -> Int32? {
    let signal = optiscope_pending_signal_number()
    return signal == 0 ? nil : signal
  }

  /// What follows an ESC: a mouse report in the encoding ncurses did not decode
  /// (see `MouseReport`) becomes a click or nothing; anything else is the Esc key,
  /// with the characters read after it kept for the next calls.
  private func readAfterEscape() -> TerminalEvent? {
    var codes: [UInt32] = []
    while true {
      switch MouseReport.read(codes) {
      case .report(.press(let column, let row)): return .mouseClick(column: column, row: row)
      case .report(.other): return nil
      case .notAReport:
        pending.append(contentsOf: codes.compactMap(decodeCharacter))
        return .key(.escape)
      case .incomplete:
        // A report comes in one write, so its characters are already waiting; a
        // lone Esc has waited ESCDELAY in ncurses already.
        wtimeout(optiscope_stdscr(), codes.isEmpty ? 5 : 50)
        var input: wint_t = 0
        let status = wget_wch(optiscope_stdscr(), &input)
        if status == OK {
          codes.append(UInt32(input))
          continue
        }
        if MouseReport.isStartOfReport(codes) { return nil }
        pending.append(contentsOf: codes.compactMap(decodeCharacter))
        if status == KEY_CODE_YES, let key = decodeKey(Int32(bitPattern: UInt32(input))) {
          pending.append(key)
        }
        return .key(.escape)
      }
    }
  }

  /// A character read by `get_wch`: printable text or a control key.
  private func decodeCharacter(_ code: UInt32) -> TerminalEvent? {
    Self.event(forCharacter: code)
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

  /// A function key read by `get_wch` (KEY_CODE_YES).
  private func decodeKey(_ code: Int32) -> TerminalEvent? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_BTAB: return .key(.backTab)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_RESIZE:
      // curses has already resized its windows; repaint everything next draw.
      clearok(optiscope_stdscr(), true)
      shownWidth = -1
      let (width, height) = size
      return .resize(width: width, height: height)
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      let press = optiscope_button1_pressed() | optiscope_button1_clicked()
      guard event.bstate & press != 0 else { return nil }
      return .mouseClick(column: Int(event.x), row: Int(event.y))
    default:
      return nil
    }
  }

  // MARK: - Output

  /// Shows `canvas`, sending only the cells that differ from the last frame.
  ///
  /// The canvas is clipped to the screen (and the screen outside it is blank),
  /// so any canvas is safe at any terminal size. After a resize the whole
  /// screen is repainted.
  public func draw(_ canvas: Canvas) {
    guard screen != nil else { return }
    let (width, height) = size
    let window = optiscope_stdscr()
    let repaintAll = width != shownWidth || height != shownHeight
    var next = [Cell]()
    next.reserveCapacity(width * height)
    for row in 0..<height {
      for column in 0..<width {
        let cell = canvas[column, row]
        let index = row * width + column
        next.append(cell)
        if !repaintAll, shown[index] == cell { continue }
        put(cell, column: column, row: row, window: window)
      }
    }
    shown = next
    shownWidth = width
    shownHeight = height
    wnoutrefresh(window)
    doupdate()
  }

  /// Writes one cell. At the bottom-right corner the write succeeds but curses
  /// reports an error because the cursor cannot advance; that is ignored, and
  /// with scrolling off the screen never scrolls.
  private func put(_ cell: Cell, column: Int, row: Int, window: UnsafeMutablePointer<WINDOW>?) {
    var characters: [wchar_t] = [wchar_t(bitPattern: cell.glyph.value), 0]
    // A glyph curses cannot show in one column (control, double width, or
    // not representable in this locale) would shift the rest of the row.
    if optiscope_character_width(characters[0]) != 1 {
      characters[0] = wchar_t(UInt8(ascii: cell.glyph.properties.isWhitespace ? " " : "?"))
    }
    var attributes = optiscope_a_normal()
    if cell.attributes.contains(.bold) { attributes |= optiscope_a_bold() }
    if cell.attributes.contains(.dim) { attributes |= optiscope_a_dim() }
    if cell.attributes.contains(.underline) { attributes |= optiscope_a_underline() }
    if cell.attributes.contains(.reverse) { attributes |= optiscope_a_reverse() }
    var pairNumber: Int32 = 0
    if colorDepth != .none {
      if colorDepth == .truecolor {
        pairNumber = pairs.pair(
          foreground: Self.direct(cell.foreground), background: Self.direct(cell.background))
      } else {
        pairNumber = pairs.pair(
          foreground: cell.foreground.index(at: colorDepth),
          background: cell.background.index(at: colorDepth))
      }
    }
    var glyph = cchar_t()
    setcchar(&glyph, characters, attributes, Int16(clamping: pairNumber), &pairNumber)
    _ = mvwadd_wch(window, Int32(row), Int32(column), &glyph)
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

  private static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  private static func milliseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1000 + attoseconds / 1_000_000_000_000_000
  }
}
