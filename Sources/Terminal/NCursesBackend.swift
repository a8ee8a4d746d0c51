import CNCursesW
import LibC
import Plot

/// The real screen: ncurses, started on stdout and stdin.
///
/// The only code in optiscope that calls ncurses, apart from the terminfo queries
/// `Terminal` makes without a screen. It owns the curses `SCREEN`, which `stop()`
/// releases; the signal handlers and the atexit hook of `CNCursesW/shim.h`
/// restore the terminal on the other ways out.
final class NCursesBackend: TerminalBackend {
  /// How many colours cells are drawn with, as started.
  let colorDepth: ColorDepth
  /// Whether the locale is UTF-8.
  let supportsUnicode: Bool
  /// The size of the terminal's pair table (0 without colour).
  let pairCount: Int
  /// How many colours the terminal has (0 without colour).
  let colorCount: Int
  /// Whether -1 (the terminal's own colour) is usable in pairs.
  let hasDefaultColors: Bool

  private var screen: OpaquePointer?
  /// Whether any-motion tracking was turned on, so `stop()` turns it off.
  private var tracksMotion = false
  private static let anyMotionOn = "\u{1B}[?1003h"
  private static let anyMotionOff = "\u{1B}[?1003l"

  /// Takes over the terminal; see `Terminal.init` for the parameters.
  init(maximumColorDepth: ColorDepth, honorsNoColor: Bool, mouse: Bool) throws(TerminalError) {
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
      mousemask(
        optiscope_button1_pressed() | optiscope_button1_clicked()
          | optiscope_report_mouse_position(), nil)
      // Report presses at once instead of waiting to tell clicks from double clicks.
      mouseinterval(0)
      // Any-motion tracking (1003), for the pointer readout: ncurses asks only for
      // clicks (1000), so this follows its request through its own output, in order.
      if has_mouse() {
        putp(Self.anyMotionOn)
        tracksMotion = true
      }
    }

    let noColor = honorsNoColor && (Terminal.environment("NO_COLOR").map { !$0.isEmpty } ?? false)
    var depth = ColorDepth.none
    if !noColor, maximumColorDepth != .none, has_colors() {
      if start_color() == OK {
        depth = min(maximumColorDepth, ColorDepth(colors: Int(optiscope_colors())))
      }
    }
    colorDepth = depth
    hasDefaultColors = depth != .none && use_default_colors() == OK
    pairCount = depth == .none ? 0 : Int(optiscope_color_pairs())
    colorCount = depth == .none ? 0 : Int(optiscope_colors())
  }

  func stop() {
    guard let screen else { return }
    if optiscope_has_alternate_screen() == 0 {
      // No separate screen to return to (vt100, linux console): leave a clean
      // one rather than the last frame with the prompt in its bottom row.
      werase(optiscope_stdscr())
      wrefresh(optiscope_stdscr())
    }
    if tracksMotion { putp(Self.anyMotionOff) }
    optiscope_end_curses()
    delscreen(screen)
    self.screen = nil
    optiscope_remove_handlers()
    fflush(nil)
  }

  var size: (width: Int, height: Int) {
    guard screen != nil else { return (0, 0) }
    var rows: Int32 = 0
    var columns: Int32 = 0
    optiscope_getmaxyx(optiscope_stdscr(), &rows, &columns)
    return (Int(max(0, columns)), Int(max(0, rows)))
  }

  var pendingSignal: Int32? {
    let signal = optiscope_pending_signal_number()
    return signal == 0 ? nil : signal
  }

  func read(timeoutMilliseconds: Int32) -> TerminalInput {
    wtimeout(optiscope_stdscr(), timeoutMilliseconds)
    var input: wint_t = 0
    switch wget_wch(optiscope_stdscr(), &input) {
    case OK: return .character(UInt32(input))
    case KEY_CODE_YES: return Self.input(forKey: Int32(bitPattern: UInt32(input)))
    default: return .nothing
    }
  }

  /// A function key read by `get_wch` (KEY_CODE_YES).
  // duplicates: a key table (ncurses code to key), alike in shape to LiveRace's only.
  private static func input(forKey code: Int32) -> TerminalInput {
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
    case KEY_RESIZE: return .resize
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return .ignored }
      let press = optiscope_button1_pressed() | optiscope_button1_clicked()
      if event.bstate & press != 0 { return .mousePress(column: Int(event.x), row: Int(event.y)) }
      guard event.bstate & optiscope_report_mouse_position() != 0 else { return .ignored }
      return .mouseMotion(column: Int(event.x), row: Int(event.y))
    default:
      return .ignored
    }
  }

  func columns(of glyph: Unicode.Scalar) -> Int {
    Int(optiscope_character_width(wchar_t(bitPattern: glyph.value)))
  }

  func definePair(_ number: Int32, foreground: Int32, background: Int32) -> Bool {
    init_extended_pair(number, foreground, background) == OK
  }

  /// Writes one cell. At the bottom-right corner the write succeeds but curses
  /// reports an error because the cursor cannot advance; that is ignored, and
  /// with scrolling off the screen never scrolls.
  func put(
    _ glyph: Unicode.Scalar, attributes: Cell.Attributes, pair: Int32, column: Int, row: Int
  ) {
    let characters: [wchar_t] = [wchar_t(bitPattern: glyph.value), 0]
    var cursesAttributes = optiscope_a_normal()
    if attributes.contains(.bold) { cursesAttributes |= optiscope_a_bold() }
    if attributes.contains(.dim) { cursesAttributes |= optiscope_a_dim() }
    if attributes.contains(.underline) { cursesAttributes |= optiscope_a_underline() }
    if attributes.contains(.reverse) { cursesAttributes |= optiscope_a_reverse() }
    var pairNumber = pair
    var cell = cchar_t()
    setcchar(&cell, characters, cursesAttributes, Int16(clamping: pairNumber), &pairNumber)
    _ = mvwadd_wch(optiscope_stdscr(), Int32(row), Int32(column), &cell)
  }

  func forgetScreen() {
    clearok(optiscope_stdscr(), true)
  }

  func refresh() {
    wnoutrefresh(optiscope_stdscr())
    doupdate()
  }

  /// Raw mode reads Ctrl-Z as a key, so the program stops itself: ncurses' own SIGTSTP
  /// handler gives the terminal back before the stop and takes it again on SIGCONT.
  func suspend() {
    _ = raise(SIGTSTP)
  }
}
