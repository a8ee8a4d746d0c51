// The Terminal module: the only code that talks to ncurses.
