// libsixel, for sixel images in the terminal (`--graphics sixel`): its encoder
// (palette, dithering, the DCS sequence) and nothing hand-written. Only
// TerminalGraphics imports it.
#ifndef OPTISCOPE_CSIXEL_SHIM_H
#define OPTISCOPE_CSIXEL_SHIM_H

#include <sixel.h>

#endif
