// The ncurses surface optiscope uses, made importable by Swift 6.
//
// SwiftPM drops the -D flags pkg-config gives for ncursesw, so the wide
// character API is switched on here, before the header. Swift 6 refuses C
// globals (stdscr, COLORS, ...) as not concurrency-safe and cannot import
// function-like macros, so both are wrapped in static inline functions.
#ifndef OPTISCOPE_CNCURSESW_SHIM_H
#define OPTISCOPE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/ncurses.h>

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

#endif
