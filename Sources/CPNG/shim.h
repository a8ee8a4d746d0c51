// libpng's simplified write API, for the terminal's live map images: PNG_IMAGE_FLAG_FAST
// writes a PNG in a third of the time cairo's writer (zlib's default level) takes,
// which is most of a kitty frame. Only PlotImage imports it.
#ifndef OPTISCOPE_CPNG_SHIM_H
#define OPTISCOPE_CPNG_SHIM_H

#include <png.h>

#endif
