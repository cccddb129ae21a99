#ifndef TEQUIO_CZLIB_SHIM_H
#define TEQUIO_CZLIB_SHIM_H
// zlib (already cairo's and libpng's): PDFSupport compresses the object streams and cross-reference
// stream of the PDFs it rewrites. PDFSupport is the only Swift code that imports it.
#include <zlib.h>
#endif
