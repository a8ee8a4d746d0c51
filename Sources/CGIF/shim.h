// giflib (Debian's libgif-dev), for animated GIFs. Debian ships no pkg-config
// file for it; the header is in /usr/include. Only PlotImage imports it.
#ifndef OPTISCOPE_CGIF_SHIM_H
#define OPTISCOPE_CGIF_SHIM_H

#include <gif_lib.h>
#include <stdbool.h>

/// GIF_OK and GIF_ERROR are plain macros; these keep the Swift side readable.
static inline int optiscope_gif_ok(void) { return GIF_OK; }

#endif
