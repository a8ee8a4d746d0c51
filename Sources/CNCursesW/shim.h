// The ncurses surface optiscope uses, made importable by Swift 6.
//
// SwiftPM drops the -D flags pkg-config gives for ncursesw, so the wide
// character API is switched on here, before the header. Swift 6 refuses C
// globals (stdscr, COLORS, ...) as not concurrency-safe and cannot import
// function-like macros, so both are wrapped in static inline functions.
//
// The second half holds the little C state that signal handlers may touch:
// Swift 6 has no async-signal-safe way to share mutable globals, while a C
// `volatile sig_atomic_t` is exactly what POSIX allows a handler to write.
// Only the Terminal module includes this header, so each static below exists
// once in the program.
#ifndef OPTISCOPE_CNCURSESW_SHIM_H
#define OPTISCOPE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/ncurses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static inline WINDOW *optiscope_stdscr(void) { return stdscr; }
static inline int optiscope_colors(void) { return COLORS; }
static inline int optiscope_color_pairs(void) { return COLOR_PAIRS; }
static inline int optiscope_lines(void) { return LINES; }
static inline int optiscope_cols(void) { return COLS; }
static inline attr_t optiscope_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t optiscope_a_bold(void) { return A_BOLD; }
static inline attr_t optiscope_a_dim(void) { return A_DIM; }
static inline attr_t optiscope_a_underline(void) { return A_UNDERLINE; }
static inline attr_t optiscope_a_reverse(void) { return A_REVERSE; }
static inline attr_t optiscope_a_normal(void) { return A_NORMAL; }
static inline void optiscope_getmaxyx(WINDOW *window, int *rows, int *columns) {
  int y, x;
  getmaxyx(window, y, x);
  *rows = y;
  *columns = x;
}

// wcwidth is hidden by glibc's feature macros in the prebuilt system module.
extern int wcwidth(wchar_t character);
/// How many columns `character` takes in this locale (-1: not printable).
static inline int optiscope_character_width(wchar_t character) { return wcwidth(character); }

// Mouse masks are built by function-like macros Swift cannot import.
static inline mmask_t optiscope_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t optiscope_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t optiscope_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t optiscope_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

// ---------------------------------------------------------------------------
// Session state shared with signal handlers and atexit.

/// The last terminating signal received (SIGINT, SIGTERM, SIGHUP), or 0.
static volatile sig_atomic_t optiscope_pending_signal = 0;
/// 1 while curses owns the screen; endwin() runs only when this goes 1 -> 0.
static volatile sig_atomic_t optiscope_curses_active = 0;
/// Whether the atexit hook has been registered (once per process).
static int optiscope_atexit_registered = 0;
/// The terminal settings before curses started, for the crash path. (A
/// function-local static: Swift's importer does not emit file-scope statics of
/// pointer or aggregate type from a header, but does emit these.)
static inline struct termios *optiscope_saved_termios(void) {
  static struct termios storage;
  return &storage;
}
static int optiscope_saved_termios_valid = 0;
/// Escape sequences that undo curses' screen modes, written on the crash path
/// with write(2), which (unlike endwin) is async-signal-safe.
#define OPTISCOPE_RESET_CAPACITY 256
static inline char *optiscope_emergency_reset(void) {
  static char storage[OPTISCOPE_RESET_CAPACITY];
  return storage;
}
static volatile sig_atomic_t optiscope_emergency_reset_length = 0;

/// Leaves curses mode exactly once: the normal way out, and the atexit hook.
static inline void optiscope_end_curses(void) {
  if (optiscope_curses_active) {
    optiscope_curses_active = 0;
    endwin();
  }
}

static void optiscope_atexit_hook(void) { optiscope_end_curses(); }

/// Async-signal-safe best effort when the process is dying: restore the
/// saved termios and write the precomputed reset sequences.
static void optiscope_emergency_restore(void) {
  if (!optiscope_curses_active) return;
  optiscope_curses_active = 0;
  if (optiscope_emergency_reset_length > 0) {
    ssize_t ignored = write(STDOUT_FILENO, optiscope_emergency_reset(),
                            (size_t)optiscope_emergency_reset_length);
    (void)ignored;
  }
  if (optiscope_saved_termios_valid) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, optiscope_saved_termios());
  }
}

/// Restores what can be restored safely, puts back the signal's default action
/// and raises it again, so the process ends as the signal would have ended it.
static void optiscope_restore_and_die(int signal_number) {
  optiscope_emergency_restore();
  struct sigaction fallback;
  memset(&fallback, 0, sizeof fallback);
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  sigaction(signal_number, &fallback, NULL);
  raise(signal_number);
}

/// SIGINT, SIGTERM, SIGHUP: only record the signal; the run loop notices it
/// on its next input poll and leaves through the normal path. A second
/// signal while the first is still pending means the loop is stuck: restore
/// what can be restored safely and die with the signal.
static void optiscope_terminate_handler(int signal_number) {
  if (optiscope_pending_signal != 0) {
    optiscope_restore_and_die(signal_number);
    return;
  }
  optiscope_pending_signal = signal_number;
}

/// Crashes (a Swift trap is SIGILL or SIGTRAP): restore the terminal, then let
/// the signal kill the process as it would have (core dump, exit status).
static void optiscope_crash_handler(int signal_number) {
  optiscope_restore_and_die(signal_number);
}

/// Installs the handlers and the atexit hook. Called before curses starts, so
/// ncurses (which only catches SIGINT/SIGTERM when they are still SIG_DFL)
/// leaves them alone. No SA_RESTART: a signal interrupts a blocking read, so
/// a paused program still notices SIGTERM at once.
static inline void optiscope_install_handlers(void) {
  optiscope_pending_signal = 0;
  optiscope_saved_termios_valid = 0;
  if (tcgetattr(STDIN_FILENO, optiscope_saved_termios()) == 0) {
    optiscope_saved_termios_valid = 1;
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  action.sa_handler = optiscope_terminate_handler;
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  action.sa_handler = optiscope_crash_handler;
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGSEGV, &action, NULL);
  sigaction(SIGBUS, &action, NULL);
  sigaction(SIGILL, &action, NULL);
  sigaction(SIGTRAP, &action, NULL);
  sigaction(SIGFPE, &action, NULL);
  sigaction(SIGABRT, &action, NULL);
  // A blocked signal mask is inherited across exec (e.g. from a test runner
  // whose threads block signals for dispatch): unblock the signals this
  // program relies on, or resizes and SIGTERM would never arrive.
  sigset_t needed;
  sigemptyset(&needed);
  sigaddset(&needed, SIGWINCH);
  sigaddset(&needed, SIGINT);
  sigaddset(&needed, SIGTERM);
  sigaddset(&needed, SIGHUP);
  sigaddset(&needed, SIGTSTP);
  sigaddset(&needed, SIGCONT);
  sigprocmask(SIG_UNBLOCK, &needed, NULL);
  if (!optiscope_atexit_registered) {
    optiscope_atexit_registered = 1;
    atexit(optiscope_atexit_hook);
  }
}

/// Puts the default dispositions back once curses has ended.
static inline void optiscope_remove_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = SIG_DFL;
  int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
  for (size_t index = 0; index < sizeof signals / sizeof signals[0]; index++) {
    sigaction(signals[index], &action, NULL);
  }
}

/// The pending terminating signal (0 if none); reading does not clear it.
static inline int optiscope_pending_signal_number(void) { return (int)optiscope_pending_signal; }

/// Appends a terminfo string capability (e.g. "rmcup", "cnorm") to the
/// sequence the crash path writes.
static inline void optiscope_append_reset_capability(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return;
  size_t used = (size_t)optiscope_emergency_reset_length;
  size_t length = strlen(value);
  if (used + length >= OPTISCOPE_RESET_CAPACITY) return;
  memcpy(optiscope_emergency_reset() + used, value, length);
  optiscope_emergency_reset_length = (sig_atomic_t)(used + length);
}

/// Starts curses on stdout/stdin with newterm, which returns NULL for an
/// unknown TERM where initscr would print and exit. Marks curses active.
static inline SCREEN *optiscope_start_curses(void) {
  setlocale(LC_ALL, "");
  SCREEN *screen = newterm(NULL, stdout, stdin);
  if (screen == NULL) return NULL;
  set_term(screen);
  optiscope_curses_active = 1;
  optiscope_emergency_reset_length = 0;
  // Mouse reporting off (xterm protocol), cursor visible, normal keypad,
  // main screen back: what endwin would do, for the crash path.
  static const char mouse_off[] = "\033[?1003l\033[?1006l\033[?1000l";
  memcpy(optiscope_emergency_reset(), mouse_off, sizeof mouse_off - 1);
  optiscope_emergency_reset_length = (sig_atomic_t)(sizeof mouse_off - 1);
  optiscope_append_reset_capability("sgr0");
  optiscope_append_reset_capability("cnorm");
  optiscope_append_reset_capability("rmkx");
  optiscope_append_reset_capability("rmcup");
  return screen;
}

/// Whether the locale chosen by setlocale encodes text as UTF-8, so braille
/// and block elements can be shown.
static inline int optiscope_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Whether the user's locale (LANG, LC_ALL, LC_CTYPE) encodes text as UTF-8,
/// checked without setting up curses; only the character-type category is
/// adopted, so number formatting is left alone.
static inline int optiscope_environment_locale_is_utf8(void) {
  setlocale(LC_CTYPE, "");
  return optiscope_locale_is_utf8();
}

/// Whether the terminal has a separate screen for full-screen programs
/// (smcup/rmcup). Without one, whatever is drawn stays after exit.
static inline int optiscope_has_alternate_screen(void) {
  char *value = tigetstr("rmcup");
  return value != NULL && value != (char *)-1 && value[0] != 0;
}

/// Whether curses currently owns the screen.
static inline int optiscope_is_curses_active(void) { return (int)optiscope_curses_active; }

// term.h defines short macros (lines, columns, ...) for every capability, so
// it comes last, after all code that might use such names.
#include <ncursesw/term.h>

/// How many colours the terminfo entry of `term` (NULL: $TERM) declares, read
/// without taking the screen over, for headless output; -1 when the terminal
/// is unknown or declares none. Leaves no terminal set up behind it.
static inline int optiscope_terminfo_colors(const char *term) {
  if (optiscope_curses_active) return COLORS;
  TERMINAL *saved = cur_term;
  int error = 0;
  if (setupterm(term, STDOUT_FILENO, &error) != OK) {
    if (saved != NULL) set_curterm(saved);
    return -1;
  }
  int colors = tigetnum("colors");
  TERMINAL *mine = set_curterm(saved);
  if (mine != NULL && mine != saved) del_curterm(mine);
  return colors > 0 ? colors : -1;
}

/// Whether the terminfo entry of `term` (NULL: $TERM) says the terminal takes
/// 24-bit colours: the `RGB` or `Tc` flag, or a direct-colour entry (colors
/// of 2^24 or more). Read like optiscope_terminfo_colors, without a screen.
static inline int optiscope_terminfo_truecolor(const char *term) {
  if (optiscope_curses_active) return COLORS >= 0x1000000;
  TERMINAL *saved = cur_term;
  int error = 0;
  if (setupterm(term, STDOUT_FILENO, &error) != OK) {
    if (saved != NULL) set_curterm(saved);
    return 0;
  }
  int answer = tigetflag("RGB") > 0 || tigetflag("Tc") > 0 || tigetnum("colors") >= 0x1000000;
  TERMINAL *mine = set_curterm(saved);
  if (mine != NULL && mine != saved) del_curterm(mine);
  return answer;
}

#endif
