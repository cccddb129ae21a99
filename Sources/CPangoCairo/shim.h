#ifndef TEQUIO_CPANGOCAIRO_SHIM_H
#define TEQUIO_CPANGOCAIRO_SHIM_H
// Text layout (pango: shaping, bidi, line breaking) drawn by cairo into PDF. PDFSupport is the only Swift
// code that imports this module.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>
#endif
