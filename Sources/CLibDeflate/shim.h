#ifndef TEQUIO_CLIBDEFLATE_SHIM_H
#define TEQUIO_CLIBDEFLATE_SHIM_H
// libdeflate: whole-buffer DEFLATE, two to three times faster than zlib at the same ratio. PDFSupport
// compresses every stream of the PDFs it writes with it. PDFSupport is the only Swift code that imports it.
#include <libdeflate.h>
#endif
