// The cairo surface optiscope's pixel renderer uses: image surfaces (PNG),
// SVG and PDF surfaces, paths and the toy text API. Only PlotImage imports it.
#ifndef OPTISCOPE_CCAIRO_SHIM_H
#define OPTISCOPE_CCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#endif
