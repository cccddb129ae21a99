#ifndef TEQUIO_CHARFBUZZ_SHIM_H
#define TEQUIO_CHARFBUZZ_SHIM_H
// The direct PDF engine: fontconfig finds the font files, HarfBuzz shapes the text and subsets the fonts
// that are embedded. PDFSupport is the only Swift code that imports this module.
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <fontconfig/fontconfig.h>
#endif
